package com.lead2cash.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.SearchKeys;
import com.lead2cash.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * V202612030201 gives the customers stored before it the initials trigrams ({@code j:}) that
 * {@link SearchKeys#name} gives every customer saved since, from their stored initials. It runs here on a
 * temporary table of the same name (PostgreSQL looks in the session's temporary schema first), so the
 * other tests' customers are not touched.
 */
@IntegrationTest
class InitialsTrigramsMigrationTest {

    private static final String MIGRATION = "db/migration/V202612030201__customer_initials_trigrams.sql";

    @Autowired DataSource dataSource;

    @Test
    void storedCustomersGetTheInitialsTrigramsTheCodeGivesNewOnes() throws Exception {
        List<String> names = List.of("华为技术（ABC）有限公司", "重庆银行股份有限公司", "杭州宏远科技有限公司", "华为", "ÉcoleΩ北京");
        String migration = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("create temporary table customer_customer (like " + schema(c) + ".customer_customer including defaults)");
            st.execute("create index customer_customer_search_idx on customer_customer using gin (search_tokens)");
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into customer_customer (id, code, name, name_normalized, status, version, created_at, grade,
                                                   search_tokens, name_folded, search_pinyin, search_initials)
                    values (?, ?, ?, ?, 'PROSPECT', 0, now(), 'C', ?, ?, ?, ?)""")) {
                for (int i = 0; i < names.size(); i++) {
                    SearchKeys.Name keys = SearchKeys.name(names.get(i));
                    // as the code stored them before the trigrams
                    List<String> before = keys.tokens().stream().filter(t -> !t.startsWith(SearchKeys.INITIALS_TRIGRAM)).toList();
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    insert.setObject(1, id);
                    insert.setString(2, "C-MIG-" + i);
                    insert.setString(3, names.get(i));
                    insert.setString(4, names.get(i));
                    insert.setArray(5, c.createArrayOf("text", before.toArray()));
                    insert.setString(6, keys.folded());
                    insert.setString(7, keys.pinyin());
                    insert.setString(8, keys.initials());
                    insert.executeUpdate();
                }
            }

            st.execute(migration);

            for (int i = 0; i < names.size(); i++) {
                assertThat(tokens(c, ids.get(i))).as(names.get(i))
                        .containsExactlyInAnyOrderElementsOf(SearchKeys.name(names.get(i)).tokens());
            }
            assertThat(tokens(c, ids.get(0))).contains("j:hwj", "j:wjs", "j:jsa");
            assertThat(tokens(c, ids.get(3))).noneMatch(t -> t.startsWith(SearchKeys.INITIALS_TRIGRAM));
            st.execute("drop table customer_customer");
        }
    }

    private static String schema(Connection c) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("select current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> tokens(Connection c, UUID id) throws Exception {
        try (PreparedStatement q = c.prepareStatement("select search_tokens from customer_customer where id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return List.of((String[]) rs.getArray(1).getArray());
            }
        }
    }
}
