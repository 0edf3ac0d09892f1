package com.lead2cash.aftersales.internal.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

public interface ComplaintRepository extends ListCrudRepository<Complaint, UUID> {

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Complaint> findLockedById(UUID id);

    /** S4: the customer's latest complaint received at or after {@code since}. */
    @Query("select id from aftersales_complaint where customer_id = :customerId and received_at >= :since "
            + "order by received_at desc, id desc limit 1")
    Optional<UUID> findLatestSince(UUID customerId, Instant since);
}
