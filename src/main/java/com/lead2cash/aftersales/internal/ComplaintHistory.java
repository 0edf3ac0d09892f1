package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.internal.domain.Severity;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The complaint's history (投诉记录): one append-only line per severity changed at classification, with the
 * severity before and after and, for a lower one, the reason — the level-I flag and the SLA follow the severity.
 */
@Component
public class ComplaintHistory {

    public enum Kind { SEVERITY_RAISED, SEVERITY_LOWERED }

    /** One line: when, what, who, the severities and the reason given. */
    public record Event(long id, Kind kind, UUID actorId, Severity before, Severity after, String reason, Instant at) {
    }

    private final JdbcClient jdbc;

    ComplaintHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void severityChanged(UUID complaintId, UUID actorId, Severity before, Severity after, String reason, Instant at) {
        Kind kind = after.compareTo(before) > 0 ? Kind.SEVERITY_LOWERED : Kind.SEVERITY_RAISED;
        jdbc.sql("""
                        insert into aftersales_complaint_event (complaint_id, kind, actor_id, severity_before, severity_after,
                                                                reason, occurred_at)
                        values (:c, :k, :a, :before, :after, :reason, :at)""")
                .param("c", complaintId).param("k", kind.name()).param("a", actorId).param("before", before.name())
                .param("after", after.name()).param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    /** The complaint's lines, newest first. */
    public List<Event> of(UUID complaintId) {
        return jdbc.sql("""
                        select id, kind, actor_id, severity_before, severity_after, reason, occurred_at
                        from aftersales_complaint_event where complaint_id = :c order by id desc""")
                .param("c", complaintId)
                .query((rs, i) -> new Event(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                        rs.getObject("actor_id", UUID.class), Severity.valueOf(rs.getString("severity_before")),
                        Severity.valueOf(rs.getString("severity_after")), rs.getString("reason"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}
