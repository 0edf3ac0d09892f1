package com.lead2cash.customer.internal.domain;

import com.lead2cash.platform.NewAggregateInsert;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface CustomerRepository extends CrudRepository<Customer, UUID>, NewAggregateInsert<Customer> {

    /** A new customer is one plain insert (platform.NewAggregateInserts); an existing one is saved by Spring Data. */
    @Override
    <S extends Customer> S save(S customer);

    /** Locks the customer's row for the rest of the transaction: claims and merges of one customer go one at a time. */
    @Query("select * from customer_customer where id = :id for update")
    Optional<Customer> findByIdForUpdate(UUID id);
}
