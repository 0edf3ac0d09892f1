package com.lead2cash.bench.dataset;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;

/**
 * Turns aggregates built with the product's own domain code into the rows Spring Data JDBC would store
 * for them (the root row and one row per element of each mapped collection), and into the audit
 * trail's text of them, read from the same mapping metadata the product uses — so a field added to an
 * aggregate shows up in the generated data without touching the generator.
 */
public final class AggregateRows {

    /** A mapped collection; {@code keyed} when its rows carry their list index (a {@code keyColumn}). */
    private record Child(RelationalPersistentProperty property, String table, List<String> columns,
                         List<RelationalPersistentProperty> properties, boolean keyed) {
    }

    /**
     * A root column: a property of the aggregate, or of a value embedded in it ({@code embedded} its holder,
     * columns named with the holder's prefix).
     */
    private record Column(RelationalPersistentProperty embedded, RelationalPersistentProperty property) {
    }

    private record Shape(String table, List<String> columns, List<Column> properties,
                         RelationalPersistentProperty version, List<Child> children) {
    }

    private final RelationalMappingContext context;
    private final Object auditListener;
    private final MethodHandle snapshot;
    private final MethodHandle creation;
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    /** {@code app} is the running product: its mapping metadata and its audit listener. */
    public AggregateRows(ApplicationContext app) {
        this.context = app.getBean(RelationalMappingContext.class);
        this.auditListener = app.getBean("aggregateAuditListener");
        try {
            Method method = auditListener.getClass().getDeclaredMethod("snapshot", RelationalPersistentEntity.class,
                    Object.class);
            method.setAccessible(true);
            this.snapshot = MethodHandles.lookup().unreflect(method);
            Method creating = auditListener.getClass().getDeclaredMethod("creation", RelationalPersistentEntity.class,
                    Object.class);
            creating.setAccessible(true);
            this.creation = MethodHandles.lookup().unreflect(creating);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the audit listener no longer describes aggregates as it did", e);
        }
    }

    /** Writes the aggregate's rows with the version the product would have stored after that many saves. */
    public void write(Rows rows, Object aggregate, long version) {
        Shape shape = shape(aggregate.getClass());
        RelationalPersistentEntity<?> entity = context.getRequiredPersistentEntity(aggregate.getClass());
        PersistentPropertyAccessor<?> accessor = entity.getPropertyAccessor(aggregate);
        Object[] values = new Object[shape.columns().size()];
        for (int i = 0; i < shape.properties().size(); i++) {
            Column c = shape.properties().get(i);
            if (c.property() == shape.version()) {
                values[i] = version;
            } else if (c.embedded() == null) {
                values[i] = accessor.getProperty(c.property());
            } else {
                Object holder = accessor.getProperty(c.embedded());
                values[i] = holder == null ? null : context.getRequiredPersistentEntity(holder.getClass())
                        .getPropertyAccessor(holder).getProperty(c.property());
            }
        }
        rows.insert(shape.table(), shape.columns(), values);
        Object id = entity.getIdentifierAccessor(aggregate).getRequiredIdentifier();
        for (Child child : shape.children()) {
            Object items = accessor.getProperty(child.property());
            if (items == null) {
                continue;
            }
            int index = 0;
            for (Object item : (Collection<?>) items) {
                PersistentPropertyAccessor<?> itemAccessor = context
                        .getRequiredPersistentEntity(item.getClass()).getPropertyAccessor(item);
                Object[] childValues = new Object[child.columns().size()];
                childValues[0] = id;
                int first = 1;
                if (child.keyed()) { // a list's element stores its index, from 0, as Spring Data JDBC does
                    childValues[1] = index;
                    first = 2;
                }
                for (int i = 0; i < child.properties().size(); i++) {
                    childValues[i + first] = itemAccessor.getProperty(child.properties().get(i));
                }
                rows.insert(child.table(), child.columns(), childValues);
                index++;
            }
        }
    }

    /**
     * The aggregate's fields as the audit trail records them (field → text; id, version and
     * not-audited fields left out), asked of the product's own audit listener so the text is the one
     * it would have written.
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> auditValues(Object aggregate) {
        try {
            return (Map<String, String>) snapshot.invoke(auditListener,
                    context.getRequiredPersistentEntity(aggregate.getClass()), aggregate);
        } catch (Throwable e) {
            throw new IllegalStateException("the audit listener could not describe " + aggregate, e);
        }
    }

    /** The audit entry of a creation: every value that is set, as one text. */
    public String auditCreation(Object aggregate) {
        try {
            return (String) creation.invoke(auditListener, context.getRequiredPersistentEntity(aggregate.getClass()),
                    aggregate);
        } catch (Throwable e) {
            throw new IllegalStateException("the audit listener could not describe " + aggregate, e);
        }
    }

    private Shape shape(Class<?> type) {
        return shapes.computeIfAbsent(type, t -> {
            RelationalPersistentEntity<?> entity = context.getRequiredPersistentEntity(t);
            List<String> columns = new ArrayList<>();
            List<Column> properties = new ArrayList<>();
            List<Child> children = new ArrayList<>();
            entity.forEach(p -> {
                if (p.isEmbedded()) {
                    // an embedded value's columns sit in the root row, named with its prefix
                    context.getRequiredPersistentEntity(p.getActualType()).forEach(ep -> {
                        columns.add(p.getEmbeddedPrefix() + ep.getColumnName().getReference());
                        properties.add(new Column(p, ep));
                    });
                } else if (p.isEntity()) {
                    RelationalPersistentEntity<?> childEntity = context.getRequiredPersistentEntity(p.getActualType());
                    List<String> childColumns = new ArrayList<>();
                    childColumns.add(p.getReverseColumnName(entity).getReference());
                    boolean keyed = p.isQualified() && p.getKeyColumn() != null;
                    if (keyed) {
                        childColumns.add(p.getKeyColumn().getReference());
                    }
                    List<RelationalPersistentProperty> childProperties = new ArrayList<>();
                    childEntity.forEach(cp -> {
                        childColumns.add(cp.getColumnName().getReference());
                        childProperties.add(cp);
                    });
                    children.add(new Child(p, childEntity.getTableName().getReference(), List.copyOf(childColumns),
                            List.copyOf(childProperties), keyed));
                } else {
                    columns.add(p.getColumnName().getReference());
                    properties.add(new Column(null, p));
                }
            });
            return new Shape(entity.getTableName().getReference(), List.copyOf(columns), List.copyOf(properties),
                    entity.getVersionProperty(), List.copyOf(children));
        });
    }
}
