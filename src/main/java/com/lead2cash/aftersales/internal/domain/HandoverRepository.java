package com.lead2cash.aftersales.internal.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

public interface HandoverRepository extends ListCrudRepository<Handover, UUID> {

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Handover> findLockedById(UUID id);

    boolean existsByContractId(UUID contractId);

    Optional<Handover> findByContractId(UUID contractId);

    /** The customer's latest accepted handover. */
    @Query("select * from aftersales_handover where customer_id = :customerId and status = 'ACCEPTED' "
            + "order by accepted_at desc limit 1")
    Optional<Handover> findLatestAccepted(UUID customerId);

    /** Who serves the customer now: the owner of its latest accepted handover. */
    @Query("select service_owner_id from aftersales_handover where customer_id = :customerId and status = 'ACCEPTED' "
            + "order by accepted_at desc limit 1")
    Optional<UUID> findServiceOwner(UUID customerId);
}
