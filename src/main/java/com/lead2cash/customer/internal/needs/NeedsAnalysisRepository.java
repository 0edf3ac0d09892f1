package com.lead2cash.customer.internal.needs;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface NeedsAnalysisRepository extends CrudRepository<NeedsAnalysis, UUID> {

    /** Every version of the customer's reports, newest first. */
    @Query("select * from customer_needs_analysis where customer_id = :customerId order by written_at desc, id desc")
    List<NeedsAnalysis> findByCustomer(UUID customerId);

    /** The current version the customer's newest report has, locked: one revision at a time. */
    @Query("select * from customer_needs_analysis where customer_id = :customerId and superseded_at is null"
            + " order by written_at desc, id desc limit 1 for update")
    Optional<NeedsAnalysis> findCurrentForUpdate(UUID customerId);

    @Query("select * from customer_needs_analysis where report_id = :reportId and number = :number")
    Optional<NeedsAnalysis> findVersion(UUID reportId, int number);

    @Query("select * from customer_needs_analysis where id = :id for update")
    Optional<NeedsAnalysis> findByIdForUpdate(UUID id);
}
