package com.lead2cash.bench.dataset;

import java.time.Instant;
import java.util.Map;

/**
 * An aggregate's audit trail as {@code AggregateAuditListener} writes it on every save: one CREATE entry with every
 * value set, then one UPDATE entry per field a save changed; the saves give the stored version.
 */
public final class AuditTrail {

    private final AuditRows audit;
    private final AggregateRows aggregates;
    private final Object aggregate;
    private final String type;
    private final Object id;
    private Map<String, String> last;
    private long saves;

    /** The aggregate's first save (its creation) at {@code at} by {@code actor}. */
    public AuditTrail(AuditRows audit, AggregateRows aggregates, Object aggregate, Object id, Instant at,
                      AuditRows.Actor actor) {
        this.audit = audit;
        this.aggregates = aggregates;
        this.aggregate = aggregate;
        this.type = aggregate.getClass().getSimpleName();
        this.id = id;
        audit.created(at, actor, type, id, aggregates.auditCreation(aggregate));
        last = aggregates.auditValues(aggregate);
        saves = 1;
    }

    /** Another save of the aggregate as it now stands. */
    public void saved(Instant at, AuditRows.Actor actor) {
        Map<String, String> now = aggregates.auditValues(aggregate);
        audit.updated(at, actor, type, id, last, now);
        last = now;
        saves++;
    }

    /** The version Spring Data JDBC stores after these saves (0 after the insert). */
    public long version() {
        return saves - 1;
    }
}
