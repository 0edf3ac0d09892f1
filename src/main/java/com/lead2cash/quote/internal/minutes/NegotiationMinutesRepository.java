package com.lead2cash.quote.internal.minutes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface NegotiationMinutesRepository extends CrudRepository<NegotiationMinutes, UUID> {

    @Query("select * from quote_minutes where id = :id for update")
    Optional<NegotiationMinutes> findByIdForUpdate(UUID id);

    /** Every version for the opportunity, newest first. */
    @Query("select * from quote_minutes where opportunity_id = :opportunityId order by revision desc")
    List<NegotiationMinutes> findByOpportunity(UUID opportunityId);

    /** The current version, locked: writing the next one goes one at a time per opportunity. */
    @Query("select * from quote_minutes where opportunity_id = :opportunityId and status <> 'SUPERSEDED' for update")
    Optional<NegotiationMinutes> findCurrentForUpdate(UUID opportunityId);
}
