package com.lead2cash.catalog.internal;

import com.lead2cash.platform.RecordNames;
import java.util.Collection;
import java.util.Map;
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
        boolean opens = CatalogRoles.currentUserEdits();
        return RecordNames.read(jdbc, "select id, code || ' ' || name as name from catalog_product where id in (:ids)",
                ids, id -> opens ? "/products/" + id : null);
    }
}
