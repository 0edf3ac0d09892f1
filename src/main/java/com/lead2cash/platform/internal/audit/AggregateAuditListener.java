package com.lead2cash.platform.internal.audit;

import com.lead2cash.platform.NotAudited;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.relational.core.mapping.event.BeforeDeleteEvent;
import org.springframework.data.relational.core.mapping.event.BeforeConvertEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every create, update and delete of an aggregate saved through Spring Data JDBC, field by
 * field (old → new), so that modules get the audit trail without writing a line for it. Fields
 * marked {@link NotAudited} and the version are left out.
 */
@Component
class AggregateAuditListener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditRecorder recorder;
    private final RelationalMappingContext mappingContext;
    private final ObjectProvider<JdbcAggregateOperations> aggregates;
    private final Map<Class<?>, List<RelationalPersistentProperty>> auditedByType = new ConcurrentHashMap<>();

    AggregateAuditListener(AuditRecorder recorder, RelationalMappingContext mappingContext,
                           ObjectProvider<JdbcAggregateOperations> aggregates) {
        this.recorder = recorder;
        this.mappingContext = mappingContext;
        this.aggregates = aggregates;
    }

    /** Before conversion the version is still null for a new aggregate, so a creation costs no read. */
    @EventListener
    void beforeConvert(BeforeConvertEvent<?> event) {
        Object entity = event.getEntity();
        RelationalPersistentEntity<?> meta = mappingContext.getRequiredPersistentEntity(entity.getClass());
        Object id = meta.getIdentifierAccessor(entity).getIdentifier();
        String type = entity.getClass().getSimpleName();
        boolean isNew = !meta.hasVersionProperty()
                ? id == null : meta.getPropertyAccessor(entity).getProperty(meta.getRequiredVersionProperty()) == null;
        Object stored = isNew || id == null ? null : aggregates.getObject().findById(id, entity.getClass());
        if (stored == null) {
            // one entry with every value, not one per field: imports create thousands of records
            recorder.recordFieldChange("CREATE", type, id, null, null, creation(meta, entity));
            return;
        }
        Map<String, String> after = snapshot(meta, entity);
        Map<String, String> before = snapshot(meta, stored);
        after.forEach((field, value) -> {
            String old = before.get(field);
            if (!Objects.equals(old, value)) {
                recorder.recordFieldChange("UPDATE", type, id, field, old, value);
            }
        });
    }

    /**
     * A deletion names the record by its id (the event's bare value, not its wrapper's text) and keeps what the record
     * held as the entry's old value, as a creation keeps it as its new one: the record is gone, so the trail is what
     * says which one it was (a sales territory by its name).
     */
    @EventListener
    void beforeDelete(BeforeDeleteEvent<?> event) {
        Object id = event.getId().getValue();
        Class<?> type = event.getType();
        Object entity = event.getEntity();
        String held = entity == null ? null : creation(mappingContext.getRequiredPersistentEntity(type), entity);
        recorder.recordFieldChange("DELETE", type.getSimpleName(), id, null, held, null);
    }

    /**
     * A creation's values as stored: a JSON object of field → value as an update would record each one (values that
     * are not set left out), which the audit screen reads back field by field; a field holding lines (a quote's lines,
     * an approval's steps and facts) as a JSON array of one object per line, its fields by name as a field's value
     * (before, and when the lines by name would not fit whole in the trail's value, the lines' text as an update
     * records it). Entries written before 2026-12-07 hold the map's own text ({@code {field=value, …}}) and are shown
     * as written.
     */
    String creation(RelationalPersistentEntity<?> meta, Object entity) {
        String withLines = creation(meta, entity, true);
        return withLines.length() <= AuditRecorder.MAX_VALUE_LENGTH ? withLines : creation(meta, entity, false);
    }

    private String creation(RelationalPersistentEntity<?> meta, Object entity, boolean linesByName) {
        PersistentPropertyAccessor<?> accessor = meta.getPropertyAccessor(entity);
        Map<String, Object> set = new LinkedHashMap<>();
        for (RelationalPersistentProperty property : audited(meta)) {
            Object value = accessor.getProperty(property);
            RelationalPersistentEntity<?> line = linesByName ? lines(property) : null;
            Object recorded = line == null ? render(value) : lines(line, value);
            if (recorded != null) {
                set.put(property.getName(), recorded);
            }
        }
        return JSON.writeValueAsString(set);
    }

    /**
     * The entity a field holds one or more of when its lines have more than one field to show (a quote's lines); null
     * for a plain value, and for lines of one field (a user's roles), which read as the list of their values.
     */
    RelationalPersistentEntity<?> lines(RelationalPersistentProperty property) {
        if (!property.isEntity() || property.isEmbedded()) {
            return null;
        }
        RelationalPersistentEntity<?> line = mappingContext.getRequiredPersistentEntity(property.getActualType());
        return audited(line).size() > 1 ? line : null;
    }

    /** A field's lines as recorded: one object per line (a single line as one object), in their order. */
    private Object lines(RelationalPersistentEntity<?> line, Object value) {
        if (value instanceof Collection<?> items) {
            List<Map<String, String>> recorded = new ArrayList<>();
            items.forEach(item -> recorded.add(line(line, item)));
            if (!(value instanceof List<?>)) {
                // a set has no order of its own: the lines' text gives them one, as an update's text is sorted
                recorded.sort(java.util.Comparator.comparing(Object::toString));
            }
            return recorded;
        }
        return value == null ? null : line(line, value);
    }

    private Map<String, String> line(RelationalPersistentEntity<?> line, Object item) {
        Map<String, String> values = snapshot(line, item);
        values.values().removeIf(Objects::isNull);
        return values;
    }

    private Map<String, String> snapshot(RelationalPersistentEntity<?> meta, Object entity) {
        PersistentPropertyAccessor<?> accessor = meta.getPropertyAccessor(entity);
        Map<String, String> values = new LinkedHashMap<>();
        for (RelationalPersistentProperty property : audited(meta)) {
            values.put(property.getName(), render(accessor.getProperty(property)));
        }
        return values;
    }

    /** The properties an entity's entries show, worked out once per type (an import audits thousands of leads). */
    List<RelationalPersistentProperty> audited(RelationalPersistentEntity<?> meta) {
        return auditedByType.computeIfAbsent(meta.getType(), type -> {
            List<RelationalPersistentProperty> properties = new ArrayList<>();
            meta.forEach(property -> {
                if (!property.isVersionProperty() && !property.isIdProperty()
                        && !property.isAnnotationPresent(NotAudited.class)) {
                    properties.add(property);
                }
            });
            return List.copyOf(properties);
        });
    }

    private static String render(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(AggregateAuditListener::render).sorted().collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Object[] items) {
            // an array column (an opportunity's product lines) in its order, not its identity ([Ljava.lang.String;@…,
            // which also differed on every save and read as a change)
            return java.util.Arrays.stream(items).map(AggregateAuditListener::render)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Record record) {
            // A value record reads as its values, not as its toString (FlowStep[name=…, mode=…]): a single-component
            // one (RoleGrant(role)) as its value, others as the first value and the rest that are set in brackets
            // ("finance (并行会签, ROLE:FINANCE)", "amount (275880.00)").
            var components = record.getClass().getRecordComponents();
            List<String> values = new ArrayList<>();
            try {
                for (var component : components) {
                    var accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    values.add(render(accessor.invoke(record)));
                }
            } catch (ReflectiveOperationException e) {
                return record.toString();
            }
            if (values.size() == 1) {
                return values.get(0);
            }
            String rest = values.subList(1, values.size()).stream().filter(Objects::nonNull)
                    .collect(Collectors.joining(", "));
            return Objects.toString(values.get(0), "") + (rest.isEmpty() ? "" : " (" + rest + ")");
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
