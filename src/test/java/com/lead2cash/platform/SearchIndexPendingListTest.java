package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import java.util.List;
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
        List<String> gin = jdbc.sql("""
                select c.relname from pg_class c join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
                where am.amname = 'gin' and c.relkind = 'i' and n.nspname = current_schema()
                """).query(String.class).list();
        List<String> bounded = jdbc.sql("""
                select c.relname from pg_class c join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
                where am.amname = 'gin' and c.relkind = 'i' and n.nspname = current_schema()
                  and 'gin_pending_list_limit=256' = any (c.reloptions)
                """).query(String.class).list();

        assertThat(gin).contains("lead_lead_search_idx", "customer_customer_owned_search_idx",
                "customer_customer_pool_search_idx", "contract_contract_search_idx", "opportunity_product_lines_idx");
        assertThat(bounded).containsExactlyInAnyOrderElementsOf(gin);
    }
}
