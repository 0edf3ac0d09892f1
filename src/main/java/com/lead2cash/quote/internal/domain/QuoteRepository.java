package com.lead2cash.quote.internal.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface QuoteRepository extends CrudRepository<Quote, UUID> {

    /** Locks the version's row: changes of one quote version go one at a time. */
    @Query("select * from quote_quote where id = :id for update")
    Optional<Quote> findByIdForUpdate(UUID id);

    /** Every version of every quote of an opportunity, newest quote and revision first. */
    @Query("select * from quote_quote where opportunity_id = :opportunityId order by number desc, revision desc")
    List<Quote> findByOpportunity(UUID opportunityId);

    /**
     * Every version of every quote of an opportunity, locked in one order: the customer's answers on quotes of one
     * opportunity are taken one after the other, so two acceptances cannot both count.
     */
    @Query("select * from quote_quote where opportunity_id = :opportunityId order by id for update")
    List<Quote> findByOpportunityForUpdate(UUID opportunityId);

    /** Whether the customer accepted a quote of the opportunity. */
    @Query("select exists (select 1 from quote_quote where opportunity_id = :opportunityId and status = 'ACCEPTED')")
    boolean anyAccepted(UUID opportunityId);

    /** Every version of one quote, newest first. */
    @Query("select * from quote_quote where number = :number order by revision desc")
    List<Quote> findVersions(String number);

    /** How many quotes the customer accepted so far (an approver sees the customer's history). */
    @Query("select count(*) from quote_quote where customer_id = :customerId and status = 'ACCEPTED'")
    long countAccepted(UUID customerId);

    /** Q1 — approved versions not yet reviewed that others wrote, oldest first (every author: a reader who sees all). */
    @Query("""
            select * from quote_quote where status = 'APPROVED' and reviewed_at is null and author_id <> :me
            order by updated_at, id limit :limit""")
    List<Quote> findAwaitingReview(UUID me, int limit);

    /** {@link #findAwaitingReview} of these authors only (the reader's scope). */
    @Query("""
            select * from quote_quote where status = 'APPROVED' and reviewed_at is null and author_id <> :me
            and author_id in (:authors) order by updated_at, id limit :limit""")
    List<Quote> findAwaitingReviewOf(Collection<UUID> authors, UUID me, int limit);

    @Query("select * from quote_quote where approval_id = :approvalId for update")
    Optional<Quote> findByApprovalForUpdate(UUID approvalId);
}
