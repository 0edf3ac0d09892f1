package com.lead2cash.lead.internal.web;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.RecordNames;
import com.lead2cash.platform.Role;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a sales territory reads where records are listed by type and id (the audit screen, a lead's territory): by its
 * name; the territories screen is the administrator's and the sales director's ({@link TerritoryController}), so it is
 * named and linked for them and for no one else.
 */
@Component
class TerritoryRecordNames implements RecordNames {

    private final JdbcClient jdbc;

    TerritoryRecordNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String recordType() {
        return "SalesTerritory";
    }

    @Override
    public Map<String, RecordName> names(Collection<String> ids) {
        List<UUID> uuids = RecordNames.uuids(ids);
        Map<String, RecordName> names = new HashMap<>();
        if (uuids.isEmpty() || !CurrentUser.get().map(u -> u.hasAny(Role.ADMIN, Role.SALES_DIRECTOR)).orElse(false)) {
            return names;
        }
        jdbc.sql("select id, name from lead_territory where id in (:ids)").param("ids", uuids).query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            names.put(id.toString(), new RecordName(rs.getString("name"), "/leads/territories?edit=" + id));
        });
        return names;
    }
}
