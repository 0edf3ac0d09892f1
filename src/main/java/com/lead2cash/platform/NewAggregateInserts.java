package com.lead2cash.platform;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.relational.core.mapping.event.BeforeConvertEvent;
import org.springframework.data.repository.support.Repositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Saves an aggregate that is new with one plain insert, built once per type from Spring Data's own
 * mapping: the same columns and values Spring Data JDBC would write and the same
 * {@code BeforeConvertEvent} (the audit trail's CREATE entry), without deriving the statement and
 * converting every property through the generic machinery on each save — which cost an imported
 * customer more CPU than everything else it does (docs/performance.md). An aggregate that is not new
 * goes through Spring Data unchanged. Only single-table aggregates (simple properties, embedded values,
 * arrays of texts) are written this way; any other is refused at start-up, so a property can never be
 * silently dropped. Repositories take it as the {@link NewAggregateInsert} fragment.
 *
 * <p>In a transaction that asked for it ({@link #deferNewAggregates()}: an import batch, which reads none
 * of its new aggregates back before commit) the rows wait with the transaction's {@link DeferredInserts},
 * as rows others refer to (sent first, in the order their types were first saved), and go out as one
 * JDBC batch per type.
 */
@Component
public class NewAggregateInserts implements SmartInitializingSingleton {

    private static final Set<Class<?>> AS_IS = Set.of(String.class, UUID.class, BigDecimal.class, Boolean.class,
            boolean.class, Integer.class, int.class, Long.class, long.class, String[].class);

    /** The statement of one type and how each of its values is read from an aggregate. */
    private record Insert(String sql, List<Function<Object, Object>> values) {
    }

    private static final Object DEFERRED = new Object();

    private final ListableBeanFactory beans;
    private final RelationalMappingContext mapping;
    private final JdbcAggregateOperations aggregates;
    private final JdbcTemplate jdbc;
    private final DeferredInserts deferred;
    private final ApplicationEventPublisher events;
    private final Map<Class<?>, Insert> inserts = new ConcurrentHashMap<>();

    NewAggregateInserts(RelationalMappingContext mapping, JdbcAggregateOperations aggregates, JdbcTemplate jdbc,
                        DeferredInserts deferred, ApplicationEventPublisher events, ListableBeanFactory beans) {
        this.beans = beans;
        this.mapping = mapping;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.deferred = deferred;
        this.events = events;
    }

    /**
     * New aggregates saved in the current transaction from now on are sent with its deferred inserts,
     * not one by one: for callers that do not read them back (nor let anything else) before commit.
     * Outside a transaction it changes nothing.
     */
    public static void deferNewAggregates() {
        PerTransaction.mark(DEFERRED);
    }

    /** Whether new aggregates of the current transaction wait with its deferred inserts ({@link #deferNewAggregates}). */
    public static boolean deferring() {
        return PerTransaction.isMarked(DEFERRED);
    }

    /**
     * Builds the insert of every aggregate whose repository has the {@link NewAggregateInsert} fragment:
     * a type with a property this insert cannot write stops the application here.
     */
    @Override
    public void afterSingletonsInstantiated() {
        Repositories repositories = new Repositories(beans);
        for (Class<?> type : repositories) {
            repositories.getRepositoryInformationFor(type)
                    .filter(info -> NewAggregateInsert.class.isAssignableFrom(info.getRepositoryInterface()))
                    .ifPresent(info -> inserts.computeIfAbsent(type, this::build));
        }
    }

    /** Inserts the aggregate when it is new, else saves it through Spring Data; answers the saved aggregate. */
    @SuppressWarnings("unchecked")
    public <S> S save(S aggregate) {
        RelationalPersistentEntity<S> entity = (RelationalPersistentEntity<S>) mapping
                .getRequiredPersistentEntity(aggregate.getClass());
        if (!entity.isNew(aggregate)) {
            return aggregates.save(aggregate);
        }
        Insert insert = inserts.computeIfAbsent(aggregate.getClass(), this::build);
        events.publishEvent(new BeforeConvertEvent<>(aggregate));
        PersistentPropertyAccessor<S> accessor = entity.getPropertyAccessor(aggregate);
        if (entity.hasVersionProperty()) {
            accessor.setProperty(entity.getRequiredVersionProperty(), 0L);
        }
        S saved = accessor.getBean();
        Object[] row = new Object[insert.values().size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = insert.values().get(i).apply(saved);
        }
        if (deferring()) {
            deferred.addReferenced(insert.sql(), row);
        } else {
            jdbc.update(insert.sql(), row);
        }
        return saved;
    }

    private Insert build(Class<?> type) {
        RelationalPersistentEntity<?> entity = mapping.getRequiredPersistentEntity(type);
        List<String> columns = new ArrayList<>();
        List<Function<Object, Object>> values = new ArrayList<>();
        addColumns(entity, "", Function.identity(), columns, values);
        return new Insert(insertSql(entity.getTableName().getReference(), columns), List.copyOf(values));
    }

    private void addColumns(RelationalPersistentEntity<?> entity, String prefix, Function<Object, Object> owner,
                            List<String> columns, List<Function<Object, Object>> values) {
        entity.doWithProperties((RelationalPersistentProperty p) -> {
            Function<Object, Object> property = bean -> bean == null ? null
                    : entity.getPropertyAccessor(bean).getProperty(p);
            Function<Object, Object> read = owner.andThen(property);
            if (p.isEmbedded()) {
                addColumns(mapping.getRequiredPersistentEntity(p.getActualType()), prefix + p.getEmbeddedPrefix(), read,
                        columns, values);
                return;
            }
            if (p.isCollectionLike() && !p.isEntity() && p.getActualType() == String.class) {
                // a collection of texts is an array column, as Spring Data JDBC writes it
                columns.add(prefix + p.getColumnName().getReference());
                values.add(read.andThen(v -> v instanceof Collection<?> c ? c.toArray(String[]::new) : v));
                return;
            }
            if (p.isEntity() || p.isCollectionLike()) {
                throw new IllegalStateException(entity.getType().getSimpleName() + "." + p.getName()
                        + " is a relation: a new " + entity.getType().getSimpleName() + " cannot be one plain insert");
            }
            columns.add(prefix + p.getColumnName().getReference());
            values.add(read.andThen(columnValue(p)));
        });
    }

    /** {@code insert into table (columns) values (?, …)}: positional parameters in the columns' order. */
    public static String insertSql(String table, List<String> columns) {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** How a value of the property's simple type goes into its column, as Spring Data JDBC writes it. */
    public static Function<Object, Object> columnValue(RelationalPersistentProperty p) {
        Class<?> type = p.getType();
        if (type.isEnum()) {
            return v -> v == null ? null : ((Enum<?>) v).name();
        }
        if (type == Instant.class) {
            return v -> v == null ? null : Timestamp.from((Instant) v);
        }
        if (type == LocalDate.class) {
            return v -> v == null ? null : Date.valueOf((LocalDate) v);
        }
        if (AS_IS.contains(type)) {
            return v -> v;
        }
        throw new IllegalStateException(p.getOwner().getType().getSimpleName() + "." + p.getName() + " of type "
                + type.getName() + " is not written by a plain insert");
    }
}
