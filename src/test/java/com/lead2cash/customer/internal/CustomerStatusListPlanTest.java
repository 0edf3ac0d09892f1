package com.lead2cash.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.SearchKeyStatistics;
import com.lead2cash.platform.ScopeKind;
import com.lead2cash.testing.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The director's customer list filtered by a status the newest customers rarely have yet (signed: signing
 * comes months after registration) walks the customers of that status newest first, not every customer newest
 * first dropping the others (V202612030101; at L 10 800 rows read for a first page of 21). It walks owned
 * customers only: the company's list leaves out the public pool, where most prospects are (V202612031701).
 */
@IntegrationTest
class CustomerStatusListPlanTest {

    private static final int CUSTOMERS = 30_000;
    private static final int NEWEST_PROSPECTS = 20_000;

    @Autowired JdbcClient jdbc;

    /** Each test's customers alone: both register customers minutes apart from now. */
    @BeforeEach
    void noCustomers() {
        jdbc.sql("delete from customer_customer").update();
    }

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

        CustomerQueries.Statement statement = directorsFirstPage(CustomerStatus.SIGNED);
        String plan = plan(statement);
        assertThat(plan).contains("customer_customer_owned_status_created_idx");
        // the prospects are never read: at most the page's rows pass through any filter
        java.util.regex.Matcher removed = java.util.regex.Pattern.compile("Rows Removed by Filter: (\\d+)").matcher(plan);
        while (removed.find()) {
            assertThat(Long.parseLong(removed.group(1))).as(plan).isLessThan(21);
        }

        assertThat(codes(statement)).hasSize(21)
                .startsWith("C-STATUS-" + NEWEST_PROSPECTS, "C-STATUS-" + (NEWEST_PROSPECTS + 1));
    }

    @Test
    void theProspectsFirstPageReadsNoProspectInThePool() {
        // customer i registered i minutes ago, all prospects: the 20 000 newest in the pool, the older ones owned
        jdbc.sql("""
                insert into customer_customer (id, code, name, name_normalized, status, version, created_at, grade,
                                               owner_id, pool_since, name_folded)
                select gen_random_uuid(), 'C-POOLED-' || i, '公海公司' || i, '公海公司' || i, 'PROSPECT', 0,
                       now() - i * interval '1 minute', 'B', case when i >= :pooled then cast(:owner as uuid) end,
                       case when i < :pooled then now() end, '公海公司' || i
                from generate_series(0, :customers - 1) i
                """).param("pooled", NEWEST_PROSPECTS).param("customers", CUSTOMERS)
                .param("owner", new UUID(0, 7)).update();
        jdbc.sql("analyze customer_customer").update();

        CustomerQueries.Statement statement = directorsFirstPage(CustomerStatus.PROSPECT);
        String plan = plan(statement);
        // either newest-first index of owned customers serves (every owned one is a prospect here); neither holds the pool
        assertThat(plan).containsPattern("customer_customer_owned_(status_)?created_idx")
                .doesNotContain("Rows Removed by Filter");

        assertThat(codes(statement)).hasSize(21)
                .startsWith("C-POOLED-" + NEWEST_PROSPECTS, "C-POOLED-" + (NEWEST_PROSPECTS + 1));
    }

    /** The director's first page of the customers with {@code status}. */
    private static CustomerQueries.Statement directorsFirstPage(CustomerStatus status) {
        return CustomerQueries.statement(new CustomerQueries.CustomerFilter(null, null, status, null, null, null, null, 20),
                new Scope(ScopeKind.ALL, new UUID(0, 1), null), 20, SearchKeyStatistics.Counts.NONE);
    }

    private String plan(CustomerQueries.Statement statement) {
        return String.join("\n", jdbc.sql("explain (analyze, buffers) " + statement.sql())
                .params(statement.params()).query(String.class).list());
    }

    private java.util.List<String> codes(CustomerQueries.Statement statement) {
        return jdbc.sql(statement.sql()).params(statement.params()).query((rs, n) -> rs.getString("code")).list();
    }
}
