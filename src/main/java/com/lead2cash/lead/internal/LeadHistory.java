package com.lead2cash.lead.internal;

import com.lead2cash.platform.PerTransaction;
import com.lead2cash.platform.CurrentUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.ArrayList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Component;

/**
 * The lead's story as people read it — routed and why, claimed, contest, reassigned with reason —
 * as bundle keys with arguments, beside the field-level audit trail.
 */
@Component
class LeadHistory {

    record Entry(Instant occurredAt, UUID actorId, String messageKey, List<String> args) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    LeadHistory(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Records an entry in the current transaction. Entries are written in one batch just before the
     * transaction commits — after the lead row they refer to exists, and cheaply for imports.
     */
    void record(UUID leadId, Instant at, String messageKey, Object... args) {
        Object[] row = {leadId, Timestamp.from(at), CurrentUser.get().map(CurrentUser::id).orElse(null), messageKey,
                Arrays.stream(args).map(a -> a == null ? "—" : String.valueOf(a))
                        .collect(Collectors.joining(GradeReason.SEPARATOR))};
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(List.<Object[]>of(row));
            return;
        }
        List<Object[]> pending = PerTransaction.get(this, ArrayList::new, this::insert);
        pending.add(row);
    }

    private void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate(
                    "insert into lead_event (lead_id, occurred_at, actor_id, message_key, args) values (?, ?, ?, ?, ?)", rows);
        }
    }

    List<Entry> of(UUID leadId) {
        return jdbc.sql("select occurred_at, actor_id, message_key, args from lead_event where lead_id = :l order by id")
                .param("l", leadId).query((rs, i) -> new Entry(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("actor_id", UUID.class), rs.getString("message_key"),
                        rs.getString("args") == null || rs.getString("args").isEmpty() ? List.of()
                                : List.of(rs.getString("args").split(GradeReason.SEPARATOR, -1)))).list();
    }
}
