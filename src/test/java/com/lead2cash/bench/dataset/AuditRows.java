package com.lead2cash.bench.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The audit trail (审计日志) as the platform appends it: one entry per creation, one per changed field. */
public final class AuditRows {

    public static final String TABLE = "platform_audit_event";
    public static final List<String> COLUMNS = List.of("occurred_at", "actor_id", "actor_name", "action", "entity_type",
            "entity_id", "field", "old_value", "new_value", "detail", "remote_addr");

    /** Who did it, as the audit trail names them ({@code id} null: the system). */
    public record Actor(UUID id, String name, String address) {

        public static final Actor SYSTEM = new Actor(null, "system", null);
        /** Where people's requests come from, as the audit trail records it (BenchLeads' address). */
        static final String OFFICE = "10.20.8.21";

        /** A person of the organisation, working from the office. */
        public static Actor of(BenchOrg.Member member) {
            return new Actor(member.id(), member.username(), OFFICE);
        }
    }

    private final Rows rows;

    public AuditRows(Rows rows) {
        this.rows = rows;
    }

    public void created(Instant at, Actor actor, String type, Object id, String values) {
        rows.insert(TABLE, COLUMNS, at, actor.id(), actor.name(), "CREATE", type, id.toString(), null, null, cut(values),
                null, actor.address());
    }

    /** One UPDATE entry per field whose text changed between the two descriptions. */
    public void updated(Instant at, Actor actor, String type, Object id, Map<String, String> before,
                        Map<String, String> after) {
        after.forEach((field, value) -> {
            String old = before.get(field);
            if (!Objects.equals(old, value)) {
                rows.insert(TABLE, COLUMNS, at, actor.id(), actor.name(), "UPDATE", type, id.toString(), field, cut(old),
                        cut(value), null, actor.address());
            }
        });
    }

    public void recorded(Instant at, Actor actor, String action, String type, Object id, String detail) {
        rows.insert(TABLE, COLUMNS, at, actor.id(), actor.name(), action, type, id.toString(), null, null, null,
                cut(detail), actor.address());
    }

    /** The recorder keeps at most this much of a value (AuditRecorder.MAX_VALUE_LENGTH), marking the cut. */
    static final int MAX_VALUE_LENGTH = 2000;

    /** As AuditRecorder.cut: a contract's clauses and other long texts are stored cut, with an ellipsis. */
    static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "…";
    }
}
