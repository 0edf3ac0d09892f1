package com.lead2cash.lead.internal;

import com.lead2cash.platform.SearchKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Gives every existing lead its search keys, computed by the same code new leads use, in Flyway's
 * transaction before the application serves anything: the keys go into a temporary table in batches and
 * are set in one update, so a million leads take a minute, not a million round trips.
 */
@Component
class V202612015002__lead_search_keys extends BaseJavaMigration {

    private static final int CHUNK = 10_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (var st = c.createStatement()) {
            st.execute("create temporary table lead_search_keys_new (id uuid primary key, keys text[] not null) "
                    + "on commit drop");
        }
        try (PreparedStatement select = c.prepareStatement(
                "select id, company_name, contact_name, code, phone_normalized from lead_lead where search_keys is null");
             PreparedStatement insert = c.prepareStatement(
                     "insert into lead_search_keys_new values (cast(? as uuid), cast(? as text[]))")) {
            select.setFetchSize(CHUNK);
            try (ResultSet rs = select.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    List<String> keys = SearchKeys.of(Stream.of(rs.getString(2), rs.getString(3), rs.getString(4))
                            .filter(Objects::nonNull).toList(),
                            rs.getString(5) == null ? List.of() : List.of(rs.getString(5)));
                    insert.setString(1, rs.getString(1));
                    insert.setString(2, arrayLiteral(keys));
                    insert.addBatch();
                    if (++rows % CHUNK == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
        try (var st = c.createStatement()) {
            st.executeUpdate("update lead_lead l set search_keys = k.keys from lead_search_keys_new k where l.id = k.id");
            st.execute("drop table lead_search_keys_new");
        }
    }

    /** A text[] literal; keys are letters, digits and '#', so quoting them is enough. */
    static String arrayLiteral(List<String> keys) {
        List<String> quoted = new ArrayList<>();
        keys.forEach(k -> quoted.add('"' + k + '"'));
        return "{" + String.join(",", quoted) + "}";
    }
}
