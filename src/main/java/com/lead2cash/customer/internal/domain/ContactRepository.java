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

    /**
     * A keyset page of the customer's contacts in the order of {@link #findByCustomer} (primary first, then by created
     * time and id): the first {@code limit} rows, or those after the key {@code (rank, createdAt, id)}, where rank 0 is
     * the primary contact and 1 any other.
     */
    @Query("""
            select * from customer_contact where customer_id = :customerId
            order by case when is_primary then 0 else 1 end, created_at, id limit :limit""")
    List<Contact> findPageByCustomer(UUID customerId, int limit);

    @Query("""
            select * from customer_contact where customer_id = :customerId
              and (case when is_primary then 0 else 1 end, created_at, id) > (:rank, :createdAt, :id)
            order by case when is_primary then 0 else 1 end, created_at, id limit :limit""")
    List<Contact> findPageByCustomerAfter(UUID customerId, int rank, java.sql.Timestamp createdAt, UUID id, int limit);
}
