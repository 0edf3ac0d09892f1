package com.lead2cash.platform;

import java.util.Collection;
import java.util.Map;

/**
 * Lets the module that owns a kind of record say how it reads where the platform lists records by type and id (the
 * audit trail): by the number people know ("L-2026-000123 上海某某公司", "HT-2026-000001") and, when the reader may open
 * it, the record's page. A module contributes one bean per record type; a type without one, or a record without a
 * number, is shown by its id. The platform never reads a module's tables: it asks here (docs/decisions/0024).
 */
public interface RecordNames {

    /** The record type as the trail writes it: the aggregate's simple class name ({@code Lead}, {@code Contract}). */
    String recordType();

    /**
     * Names for the given ids, as the reader on this thread may follow them: the link only to a page the module's own
     * access rules open for them. Ids it does not know are simply absent. One query for the lot, not one per id.
     */
    Map<String, RecordName> names(Collection<String> ids);

    /** The ids that are UUIDs (most records' are), skipping any that are not: a record of another kind is not named. */
    static java.util.List<java.util.UUID> uuids(Collection<String> ids) {
        java.util.List<java.util.UUID> uuids = new java.util.ArrayList<>();
        for (String id : ids) {
            try {
                uuids.add(java.util.UUID.fromString(id));
            } catch (IllegalArgumentException notAUuid) {
                // named by something else than an id
            }
        }
        return uuids;
    }

    /**
     * The names a query reads ({@code sql}: the columns {@code id} and {@code name} of the rows whose id is among
     * {@code :ids}), each linked to {@code page}'s path for it (null: named, not linked): the one way a module names
     * its records by a column or two.
     */
    static Map<String, RecordName> read(org.springframework.jdbc.core.simple.JdbcClient jdbc, String sql,
                                        Collection<String> ids, java.util.function.Function<java.util.UUID, String> page) {
        java.util.List<java.util.UUID> uuids = uuids(ids);
        Map<String, RecordName> names = new java.util.HashMap<>();
        if (uuids.isEmpty()) {
            return names;
        }
        jdbc.sql(sql).param("ids", uuids).query(rs -> {
            java.util.UUID id = rs.getObject("id", java.util.UUID.class);
            names.put(id.toString(), new RecordName(rs.getString("name"), page.apply(id)));
        });
        return names;
    }

    /** How a record reads; link: the page's app-relative path when the reader may open it, else null. */
    record RecordName(String text, String link) {
    }
}
