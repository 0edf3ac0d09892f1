package com.lead2cash.receivable.internal.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface ReceiptRepository extends CrudRepository<Receipt, UUID> {

    @Query("select * from receivable_receipt where id = :id for update")
    Optional<Receipt> findByIdForUpdate(UUID id);

    /**
     * Holds the customer's bank reference (any letter case) for the rest of the transaction: two receipts of one
     * transfer recorded at once go one at a time, so the second reads the first rather than meeting the unique index.
     */
    @Query("select count(*) from (select pg_advisory_xact_lock(hashtextextended("
            + "'receipt-reference:' || :customerId || ':' || lower(:reference), 0))) held")
    long holdReference(UUID customerId, String reference);

    /** The number of the customer's first standing (not reversed) receipt with this bank reference, in any letter case. */
    @Query("select number from receivable_receipt where customer_id = :customerId and state = 'RECORDED' "
            + "and lower(reference) = lower(:reference) order by recorded_at, id limit 1")
    Optional<String> findStandingByReference(UUID customerId, String reference);

    /**
     * The customer's first standing receipt marked as repeating this bank reference: the one that takes the reference
     * over when the receipt it repeats is reversed.
     */
    @Query("select id from receivable_receipt where customer_id = :customerId and state = 'RECORDED' and reference_duplicate "
            + "and lower(reference) = lower(:reference) order by recorded_at, id limit 1")
    Optional<UUID> findFirstTwin(UUID customerId, String reference);

    /**
     * The twin holds the reference now (back into the one-reference index): its mark is cleared and its version moves
     * on, so a page still offering to reverse it as a twin is stale. Nothing when it was reversed meanwhile.
     */
    @Modifying
    @Query("update receivable_receipt set reference_duplicate = false, version = version + 1 "
            + "where id = :id and state = 'RECORDED' and reference_duplicate")
    int takeOverReference(UUID id);
}
