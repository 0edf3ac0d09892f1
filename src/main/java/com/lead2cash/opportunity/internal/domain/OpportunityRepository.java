package com.lead2cash.opportunity.internal.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface OpportunityRepository extends CrudRepository<Opportunity, UUID> {

    /** An opportunity not yet won or lost, for queries: open business that keeps its customer. */
    String OPEN = "stage not in ('WON', 'LOST')";

    /** Locks the opportunity's row for the rest of the transaction: stage changes of one opportunity go one at a time. */
    @Query("select * from opportunity_opportunity where id = :id for update")
    Optional<Opportunity> findByIdForUpdate(UUID id);

    /** The customer's opportunities not yet won or lost that this person owns, locked (a transfer hands them over). */
    @Query("select * from opportunity_opportunity where customer_id = :customerId and owner_id = :ownerId"
            + " and " + OPEN + " order by created_at, id for update")
    List<Opportunity> findOpenOfCustomerOwnedByForUpdate(UUID customerId, UUID ownerId);
}
