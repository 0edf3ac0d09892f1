package com.lead2cash.lead.internal.domain;

import com.lead2cash.platform.DeferredInserts;
import com.lead2cash.platform.NewAggregateInserts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.relational.core.mapping.event.BeforeConvertEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The insert of a new lead, built once from Spring Data's own mapping of {@link Lead}: the same
 * columns and values Spring Data JDBC would write, and the same {@code BeforeConvertEvent} (the audit
 * trail's CREATE entry), without re-deriving the statement and converting every property through the
 * generic machinery on each save — which cost a captured lead more CPU than everything else together
 * (docs/performance.md). In a transaction that asked for it ({@link NewAggregateInserts#deferNewAggregates()}: an import
 * batch, which reads none of its new leads back) the row waits with the transaction's deferred
 * inserts, sent before the rows that refer to it; a query that must see it flushes them first
 * ({@link DuplicateFinder}). Updates go through Spring Data unchanged. Every simple property of the
 * aggregate is written; a property of a kind this insert does not know stops the application at start,
 * so it cannot silently drop one.
 */
public class NewLeadInsertImpl implements NewLeadInsert {

    private final JdbcAggregateOperations aggregates;
    private final JdbcTemplate jdbc;
    private final DeferredInserts inserts;
    private final ApplicationEventPublisher events;
    private final RelationalPersistentEntity<?> lead;
    private final RelationalPersistentEntity<?> reason;
    private final List<RelationalPersistentProperty> leadColumns = new ArrayList<>();
    private final List<Function<Object, Object>> leadValues = new ArrayList<>();
    private final List<RelationalPersistentProperty> reasonColumns = new ArrayList<>();
    private final List<Function<Object, Object>> reasonValues = new ArrayList<>();
    private final String insertLead;
    private final String insertReason;

    NewLeadInsertImpl(JdbcAggregateOperations aggregates, JdbcTemplate jdbc, DeferredInserts inserts,
                      ApplicationEventPublisher events, RelationalMappingContext mapping) {
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.events = events;
        this.lead = mapping.getRequiredPersistentEntity(Lead.class);
        this.reason = mapping.getRequiredPersistentEntity(GradeReason.class);
        lead.doWithProperties((RelationalPersistentProperty p) -> {
            if (p.isCollectionLike() && !p.isEntity() && p.getActualType() == String.class) {
                // a list of texts is an array column (the search keys), as Spring Data JDBC writes it
                leadColumns.add(p);
                leadValues.add(v -> v == null ? null : ((java.util.Collection<?>) v).toArray(String[]::new));
                return;
            }
            if (p.isCollectionLike() || p.isEntity()) {
                if (!p.getName().equals("gradeReasons") && !p.getName().equals("claims")) {
                    throw new IllegalStateException("Lead." + p.getName() + " is a relation the new-lead insert does not write");
                }
                return;
            }
            leadColumns.add(p);
            leadValues.add(NewAggregateInserts.columnValue(p));
        });
        reason.doWithProperties((RelationalPersistentProperty p) -> {
            reasonColumns.add(p);
            reasonValues.add(NewAggregateInserts.columnValue(p));
        });
        this.insertLead = NewAggregateInserts.insertSql(lead.getTableName().getReference(), leadColumns.stream()
                .map(p -> p.getColumnName().getReference()).toList());
        List<String> reasonColumnNames = new ArrayList<>(List.of("lead_id"));
        reasonColumns.forEach(p -> reasonColumnNames.add(p.getColumnName().getReference()));
        this.insertReason = NewAggregateInserts.insertSql(reason.getTableName().getReference(), reasonColumnNames);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends Lead> S save(S entity) {
        if (entity.version() != null || !entity.claimsInOrder().isEmpty()) {
            return aggregates.save(entity);
        }
        events.publishEvent(new BeforeConvertEvent<>(entity));
        PersistentPropertyAccessor<S> accessor = ((RelationalPersistentEntity<S>) lead).getPropertyAccessor(entity);
        accessor.setProperty(lead.getRequiredVersionProperty(), 0L);
        Object[] leadRow = values(accessor, leadColumns, leadValues);
        if (NewAggregateInserts.deferring()) {
            inserts.addReferenced(insertLead, leadRow);
        } else {
            jdbc.update(insertLead, leadRow);
        }
        for (GradeReason r : entity.gradeReasonsInOrder()) {
            PersistentPropertyAccessor<GradeReason> reasonAccessor = ((RelationalPersistentEntity<GradeReason>) reason)
                    .getPropertyAccessor(r);
            Object[] row = values(reasonAccessor, reasonColumns, reasonValues);
            Object[] withLead = new Object[row.length + 1];
            withLead[0] = entity.id();
            System.arraycopy(row, 0, withLead, 1, row.length);
            inserts.add(insertReason, withLead);
        }
        return accessor.getBean();
    }

    private static Object[] values(PersistentPropertyAccessor<?> accessor, List<RelationalPersistentProperty> columns,
                                   List<Function<Object, Object>> converters) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = converters.get(i).apply(accessor.getProperty(columns.get(i)));
        }
        return values;
    }
}
