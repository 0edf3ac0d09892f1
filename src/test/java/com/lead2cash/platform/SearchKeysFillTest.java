package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Existing rows get the search keys the code computes, only the rows selected, in bulk. */
@IntegrationTest
class SearchKeysFillTest {

    @Autowired DataSource dataSource;

    @Test
    void theSelectedRowsGetTheKeysOfTheirTextsAndTheOthersKeepTheirs() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("create temporary table fill_probe (id uuid primary key, name text, search_keys text[])");
            st.execute("insert into fill_probe values ('%s', '华为技术', null), ('%s', 'ＡＢ-1234', null), ('%s', '不动', '{x}')"
                    .formatted(a, b, kept));

            int filled = SearchKeysFill.fill(c, "fill_probe", "select id, name from fill_probe where search_keys is null",
                    rs -> SearchKeys.of(List.of(rs.getString(2)), List.of()));

            assertThat(filled).isEqualTo(2);
            assertThat(keys(st, a)).containsExactlyInAnyOrderElementsOf(SearchKeys.of(List.of("华为技术"), List.of()))
                    .contains("华为", "技术");
            assertThat(keys(st, b)).containsExactlyInAnyOrderElementsOf(SearchKeys.of(List.of("ＡＢ-1234"), List.of()));
            assertThat(keys(st, kept)).containsExactly("x");
            st.execute("drop table fill_probe");
        }
    }

    private static List<String> keys(java.sql.Statement st, UUID id) throws Exception {
        try (var rs = st.executeQuery("select search_keys from fill_probe where id = '" + id + "'")) {
            rs.next();
            return List.of((String[]) rs.getArray(1).getArray());
        }
    }
}
