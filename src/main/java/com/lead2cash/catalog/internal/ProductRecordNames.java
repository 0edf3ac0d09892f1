package com.lead2cash.catalog.internal;

import com.lead2cash.platform.RecordNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a product reads where records are listed by type and id (the audit screen): its code and name, linking to its
 * page for who keeps the catalogue (the page is theirs; everybody else reads products in lists and quotes).
 */
@Component
class ProductRecordNames implements RecordNames {

    private final JdbcClient jdbc;

    ProductRecordNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String recordType() {
        return "Product";
    }

    @Override
    public Map<String, RecordName> names(Collection<String> ids) {
        List<UUID> uuids = RecordNames.uuids(ids);
        Map<String, RecordName> names = new HashMap<>();
        if (uuids.isEmpty()) {
            return names;
        }
        boolean opens = CatalogRoles.currentUserEdits();
        jdbc.sql("select id, code, name from catalog_product where id in (:ids)").param("ids", uuids).query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            names.put(id.toString(), new RecordName(rs.getString("code") + " " + rs.getString("name"),
                    opens ? "/products/" + id : null));
        });
        return names;
    }
}
