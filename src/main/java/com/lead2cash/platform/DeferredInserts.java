package com.lead2cash.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts that nothing reads back before the transaction commits — a new lead, its history and audit
 * entries, outbox messages, deadlines met the moment they start — queued in the current transaction
 * and sent as one JDBC batch per statement (multi-row INSERTs) just before it commits, or at
 * {@link #flush()}. Rows other rows refer to ({@link #addReferenced}) are sent first. A capture then
 * costs one round trip for these rows, an import batch of hundreds of leads a handful. Outside a
 * transaction an insert runs at once.
 */
@Component
public class DeferredInserts {

    /** What one transaction has queued: referenced rows first, then the rest, each in order of first use. */
    private static final class Pending {
        final Map<String, List<Object[]>> referenced = new LinkedHashMap<>();
        final Map<String, List<Object[]>> others = new LinkedHashMap<>();
    }

    private final JdbcTemplate jdbc;

    public DeferredInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues {@code sql} (with {@code ?} placeholders) and its arguments in the current transaction. */
    public void add(String sql, Object... args) {
        queue(false, sql, args);
    }

    /** Queues a row that other queued rows refer to by foreign key: it is sent before them. */
    public void addReferenced(String sql, Object... args) {
        queue(true, sql, args);
    }

    private void queue(boolean referenced, String sql, Object[] args) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, args);
            return;
        }
        Pending pending = PerTransaction.get(this, Pending::new, this::send);
        (referenced ? pending.referenced : pending.others).computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
    }

    /**
     * Sends what this transaction queued so far: before a query that must see it, and in a long
     * transaction to keep its memory small.
     */
    public void flush() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            send(PerTransaction.get(this, Pending::new, this::send));
        }
    }

    private void send(Pending pending) {
        send(pending.referenced);
        send(pending.others);
    }

    private void send(Map<String, List<Object[]>> queued) {
        queued.forEach((sql, rows) -> {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
            }
        });
        queued.clear();
    }
}
