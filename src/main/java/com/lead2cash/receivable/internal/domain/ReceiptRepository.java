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

    /**
     * The invisible format characters (Unicode category Cf) of the Basic Multilingual Plane as a bracket expression that
     * PostgreSQL's regular expressions and {@code java.util.regex} read alike: a reference is no longer kept with them,
     * and one kept from before is compared without them.
     */
    String FORMAT_CHARACTERS = "[\\u00ad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u08e2\\u180e\\u200b-\\u200f"
            + "\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb]";

    /**
     * The number of the customer's first standing (not reversed) receipt with this bank reference, in any letter case
     * and without invisible format characters (a receipt kept with a zero-width space in its reference has it all the same).
     */
    @Query("select number from receivable_receipt where customer_id = :customerId and state = 'RECORDED' "
            + "and lower(regexp_replace(reference, '" + FORMAT_CHARACTERS + "', '', 'g')) = lower(:reference) "
            + "order by recorded_at, id limit 1")
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
