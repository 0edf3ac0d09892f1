package com.lead2cash.lead.internal.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface LeadRepository extends CrudRepository<Lead, UUID>, NewLeadInsert {

    /** A new lead is one plain insert ({@link NewLeadInsertImpl}); an existing one is saved by Spring Data. */
    @Override
    <S extends Lead> S save(S lead);

    /** Locks the lead's row for the rest of the transaction: claims on one lead are decided one at a time. */
    @Query("select * from lead_lead where id = :id for update")
    Optional<Lead> findByIdForUpdate(UUID id);
}
