package com.lead2cash.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.ScopeKind;
import com.lead2cash.testing.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The director's customer list filtered by a status the newest customers rarely have yet (signed: signing
 * comes months after registration) walks the customers of that status newest first, not every customer newest
 * first dropping the others (V202612030101; at L 10 800 rows read for a first page of 21).
 */
@IntegrationTest
class CustomerStatusListPlanTest {

    private static final int CUSTOMERS = 30_000;
    private static final int NEWEST_PROSPECTS = 20_000;

    @Autowired JdbcClient jdbc;

    @Test
    void theSignedFirstPageIsReadFromTheStatusIndexAndIsTheNewestSigned() {
        // customer i registered i minutes ago: the 20 000 newest are prospects, the older ones signed
        jdbc.sql("""
                insert into customer_customer (id, code, name, name_normalized, status, version, created_at, grade,
                                               owner_id, name_folded)
                select gen_random_uuid(), 'C-STATUS-' || i, '状态公司' || i, '状态公司' || i,
                       case when i < :prospects then 'PROSPECT' else 'SIGNED' end, 0,
                       now() - i * interval '1 minute', 'B', cast(:owner as uuid), '状态公司' || i
                from generate_series(0, :customers - 1) i
                """).param("prospects", NEWEST_PROSPECTS).param("customers", CUSTOMERS)
                .param("owner", new UUID(0, 7)).update();
        jdbc.sql("analyze customer_customer").update();

        CustomerQueries.Statement statement = CustomerQueries.statement(
                new CustomerQueries.CustomerFilter(null, null, CustomerStatus.SIGNED, null, null, null, null, 20),
                new Scope(ScopeKind.ALL, new UUID(0, 1), null), 20, Map.of());
        String plan = String.join("\n", jdbc.sql("explain (analyze, buffers) " + statement.sql())
                .params(statement.params()).query(String.class).list());
        assertThat(plan).contains("customer_customer_status_created_idx");
        // the prospects are never read: at most the page's rows pass through any filter
        java.util.regex.Matcher removed = java.util.regex.Pattern.compile("Rows Removed by Filter: (\\d+)").matcher(plan);
        while (removed.find()) {
            assertThat(Long.parseLong(removed.group(1))).as(plan).isLessThan(21);
        }

        var codes = jdbc.sql(statement.sql()).params(statement.params())
                .query((rs, n) -> rs.getString("code")).list();
        assertThat(codes).hasSize(21).startsWith("C-STATUS-" + NEWEST_PROSPECTS, "C-STATUS-" + (NEWEST_PROSPECTS + 1));
    }
}
