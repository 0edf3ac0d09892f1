package com.lead2cash.platform.internal.audit;

import com.lead2cash.platform.CursorPage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit trail for the administrators' screen and API: newest first, keyset-paginated. */
@Component
public class AuditQueries {

    public record AuditEntry(long id, Instant occurredAt, UUID actorId, String actorName, String action,
                             String entityType, String entityId, String field, String oldValue, String newValue,
                             String detail, String remoteAddr) {
    }

    public record AuditFilter(String entityType, String entityId, String actor, String action, LocalDate from,
                              LocalDate to, String cursor, Integer size) {
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;

    AuditQueries(JdbcClient jdbc, @Value("${l2c.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    public CursorPage<AuditEntry> find(AuditFilter filter) {
        int size = CursorPage.size(filter.size());
        StringBuilder sql = new StringBuilder("select * from platform_audit_event where true");
        Map<String, Object> params = new HashMap<>();
        if (notBlank(filter.entityType())) {
            sql.append(" and entity_type = :type");
            params.put("type", filter.entityType().trim());
        }
        if (notBlank(filter.entityId())) {
            // a deletion recorded before 2026-12-07 holds its id as "Identifier: <id>" (the delete event's wrapper)
            sql.append(" and entity_id in (:entityId, :wrappedId)");
            params.put("wrappedId", WRAPPED_ID + filter.entityId().trim());
            params.put("entityId", filter.entityId().trim());
        }
        if (notBlank(filter.actor())) {
            sql.append(" and actor_name ilike :actor");
            params.put("actor", filter.actor().trim() + "%");
        }
        if (notBlank(filter.action())) {
            sql.append(" and action = :action");
            params.put("action", filter.action().trim());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", java.sql.Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < :to");
            params.put("to", java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (notBlank(filter.cursor())) {
            sql.append(" and id < :after");
            try {
                params.put("after", CursorPage.decode("audit", filter.cursor(), 1).number(0));
            } catch (NumberFormatException e) {
                throw new com.lead2cash.platform.FieldValidationException("cursor", "error.cursor.invalid");
            }
        }
        sql.append(" order by id desc limit ").append(size + 1);
        List<AuditEntry> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> new AuditEntry(
                rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"), rs.getString("action"), rs.getString("entity_type"),
                recordId(rs.getString("entity_id")), rs.getString("field"), rs.getString("old_value"),
                rs.getString("new_value"), rs.getString("detail"), rs.getString("remote_addr"))).list();
        return CursorPage.of("audit", rows, size, e -> List.of(e.id()));
    }

    public List<String> entityTypes() {
        return jdbc.sql("select distinct entity_type from platform_audit_event where entity_type is not null order by 1")
                .query(String.class).list();
    }

    /** How deletions recorded before 2026-12-07 wrote the record's id (the text of the delete event's Identifier). */
    private static final String WRAPPED_ID = "Identifier: ";

    /** The record's id as recorded, a deletion recorded before 2026-12-07 by its bare id too. */
    static String recordId(String entityId) {
        return entityId != null && entityId.startsWith(WRAPPED_ID) ? entityId.substring(WRAPPED_ID.length()) : entityId;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
