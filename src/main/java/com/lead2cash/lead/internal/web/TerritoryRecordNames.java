package com.lead2cash.lead.internal.web;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.RecordNames;
import com.lead2cash.platform.Role;
import java.util.Collection;
import java.util.Map;
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
        if (!CurrentUser.get().map(u -> u.hasAny(Role.ADMIN, Role.SALES_DIRECTOR)).orElse(false)) {
            return Map.of();
        }
        return RecordNames.read(jdbc, "select id, name from lead_territory where id in (:ids)", ids,
                id -> "/leads/territories?edit=" + id);
    }
}
