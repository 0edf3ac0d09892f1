package com.lead2cash.opportunity.internal.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface OpportunityRepository extends CrudRepository<Opportunity, UUID> {

    /** Locks the opportunity's row for the rest of the transaction: stage changes of one opportunity go one at a time. */
    @Query("select * from opportunity_opportunity where id = :id for update")
    Optional<Opportunity> findByIdForUpdate(UUID id);
}
