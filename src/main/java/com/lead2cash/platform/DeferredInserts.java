package com.lead2cash.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts that nothing reads back before the transaction commits — audit entries, outbox messages,
 * deadlines met the moment they start — queued in the current transaction and sent as one JDBC batch
 * per statement just before it commits (or at {@link #flush()}), in the order the statements were
 * first used, so a row is sent after the rows it refers to. A capture then costs one round trip for
 * these rows, an import batch of hundreds of leads a handful. Outside a transaction an insert runs at once.
 */
@Component
public class DeferredInserts {

    private final JdbcTemplate jdbc;

    DeferredInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues {@code sql} (with {@code ?} placeholders) and its arguments in the current transaction. */
    public void add(String sql, Object... args) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, args);
            return;
        }
        PerTransaction.<Map<String, List<Object[]>>>get(this, LinkedHashMap::new, this::send)
                .computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
    }

    /** Sends what this transaction queued so far (a long transaction keeps its memory small this way). */
    public void flush() {
        send(PerTransaction.get(this, LinkedHashMap::new, this::send));
    }

    private void send(Map<String, List<Object[]>> pending) {
        pending.forEach((sql, rows) -> {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
            }
        });
        pending.clear();
    }
}
