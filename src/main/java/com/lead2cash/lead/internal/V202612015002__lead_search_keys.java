package com.lead2cash.lead.internal;

import com.lead2cash.platform.SearchKeys;
import com.lead2cash.platform.SearchKeysFill;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Gives every existing lead its search keys, computed by the same code new leads use, in Flyway's
 * transaction before the application serves anything ({@link SearchKeysFill}).
 */
@Component
public class V202612015002__lead_search_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        SearchKeysFill.fill(context.getConnection(), "lead_lead",
                "select id, company_name, contact_name, code, phone_normalized from lead_lead where search_keys is null",
                rs -> SearchKeys.of(Stream.of(rs.getString(2), rs.getString(3), rs.getString(4)).filter(Objects::nonNull).toList(),
                        rs.getString(5) == null ? List.of() : List.of(rs.getString(5))));
    }
}
