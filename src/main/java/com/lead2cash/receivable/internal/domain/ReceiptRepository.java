package com.lead2cash.receivable.internal.domain;

import java.util.Optional;
import java.util.UUID;
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
}
