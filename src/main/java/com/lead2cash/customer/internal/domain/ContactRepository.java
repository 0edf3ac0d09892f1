package com.lead2cash.customer.internal.domain;

import com.lead2cash.platform.NewAggregateInsert;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface ContactRepository extends CrudRepository<Contact, UUID>, NewAggregateInsert<Contact> {

    /** A new contact is one plain insert (platform.NewAggregateInserts); an existing one is saved by Spring Data. */
    @Override
    <S extends Contact> S save(S contact);

    @Query("select * from customer_contact where customer_id = :customerId order by is_primary desc, created_at, id")
    List<Contact> findByCustomer(UUID customerId);
}
