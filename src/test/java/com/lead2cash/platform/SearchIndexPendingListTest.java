package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every GIN index of the product keeps a short pending list. Each search reads the list whole, and at a million
 * rows only a full list is emptied (autovacuum comes after inserts of a fifth of the table): with the 4 MB
 * default a lead search at the benchmark's size L read up to 512 pages of it (V202612042201 says why 256 kB).
 */
@IntegrationTest
class SearchIndexPendingListTest {

    @Autowired JdbcClient jdbc;

    @Test
    void everyGinIndexBoundsItsPendingListTo256Kilobytes() {
        // each GIN index of the schema with its pending list's limit, null where it has the default
        Map<String, String> limits = new HashMap<>();
        jdbc.sql("""
                select c.relname,
                       (select o from unnest(c.reloptions) o where o like 'gin_pending_list_limit=%') as limit
                from pg_class c join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
                where am.amname = 'gin' and c.relkind = 'i' and n.nspname = current_schema()
                """).query(rs -> {
                    limits.put(rs.getString(1), rs.getString(2));
                });

        assertThat(limits).containsKeys("lead_lead_search_idx", "customer_customer_owned_search_idx",
                "customer_customer_pool_search_idx", "contract_contract_search_idx", "opportunity_product_lines_idx");
        assertThat(limits).allSatisfy((index, limit) ->
                assertThat(limit).as(index).isEqualTo("gin_pending_list_limit=256"));
    }
}
