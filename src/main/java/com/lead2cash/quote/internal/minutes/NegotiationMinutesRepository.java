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

    /** The current version as it stands, unlocked. */
    @Query("select * from quote_minutes where opportunity_id = :opportunityId and status <> 'SUPERSEDED'")
    Optional<NegotiationMinutes> findCurrent(UUID opportunityId);

    /**
     * Holds the opportunity's minutes for the rest of the transaction: writers of one opportunity go one at a
     * time even before it has a version to lock (the first), so a second writer reads the first's, not a
     * duplicate key.
     */
    @Query("select count(*) from (select pg_advisory_xact_lock(hashtextextended('quote-minutes:' || :opportunityId, 0))) held")
    long holdOpportunity(UUID opportunityId);

    /** The current version, locked: writing the next one goes one at a time per opportunity. */
    @Query("select * from quote_minutes where opportunity_id = :opportunityId and status <> 'SUPERSEDED' for update")
    Optional<NegotiationMinutes> findCurrentForUpdate(UUID opportunityId);
}
