package com.lead2cash.receivable.internal;

import com.lead2cash.platform.IdempotencyKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The idempotency keys of {@code POST /api/v1/receipts}, each user's own: which receipt a key recorded, so that a
 * retried request (a timeout, a client that sends again) records the money once.
 */
@Component
class ReceiptIdempotency {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReceiptIdempotency(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The receipt the user's key recorded before, if any; refused (422) when the key came with another body. Holds
     * the key until commit: a second request with it, sent while the first is recorded, waits and answers its receipt.
     */
    Optional<UUID> earlier(UUID user, IdempotencyKey key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('receipt-idempotency:' || :user || ':' || :key, 0))")
                .param("user", user.toString()).param("key", key.key()).query(Object.class).list();
        Optional<Earlier> earlier = jdbc.sql("""
                        select receipt_id, body_hash from receivable_receipt_idempotency where user_id = :user and idem_key = :key
                        """).param("user", user).param("key", key.key())
                .query((rs, i) -> new Earlier(rs.getObject("receipt_id", UUID.class), rs.getString("body_hash")))
                .optional();
        earlier.ifPresent(e -> key.requireSameBody(e.bodyHash(), "receipt.idempotencyKey.reused"));
        return earlier.map(Earlier::receiptId);
    }

    /** Keeps the receipt the user's key recorded, in the transaction that recorded it. */
    void remember(UUID user, IdempotencyKey key, UUID receiptId) {
        jdbc.sql("""
                insert into receivable_receipt_idempotency (user_id, idem_key, receipt_id, body_hash, created_at)
                values (:user, :key, :receipt, :hash, :now)
                """).param("user", user).param("key", key.key()).param("receipt", receiptId)
                .param("hash", key.bodyHash()).param("now", Timestamp.from(clock.instant())).update();
    }

    private record Earlier(UUID receiptId, String bodyHash) {
    }
}
