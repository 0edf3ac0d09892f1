package com.lead2cash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.internal.CustomerQueries;
import com.lead2cash.platform.SearchKeys;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.ScopeKind;
import com.lead2cash.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Benchmark (not part of {@code mvn verify}; run with {@code mvn verify -Pbench}): one million generated
 * customers (two thousand reps of five hundred each, a pool of five percent, a contact each) on the
 * product's schema, and {@code EXPLAIN (ANALYZE, BUFFERS)} of the customer list and search statements
 * exactly as {@link CustomerQueries#statement} builds them, for a rep, a team and the whole company.
 * The plans and times go to {@code target/customer-search-plans.txt} and, summarised, to
 * docs/performance.md. It asserts that each search uses an index, never the time.
 */
class CustomerSearchPlanBench {

    static final int CUSTOMERS = Integer.getInteger("l2c.bench.customers", 1_000_000);
    static final int REPS = 2_000;
    static final String[] PLACES = {"北京", "上海", "广州", "深圳", "杭州", "南京", "苏州", "成都", "重庆", "武汉", "西安", "天津",
            "长沙", "郑州", "青岛", "厦门", "宁波", "无锡", "合肥", "福州", "济南", "大连", "沈阳", "昆明", "东莞", "佛山"};
    static final String CORE = "华为中兴联想海尔美的格力长城东方新星宏远恒通鑫达瑞丰金泰盛德永安嘉禾博雅天成信诚正大汇通" +
            "宝丰广源同创远航睿智智联云图星辰蓝海绿洲红日光明启明卓越精诚万达百川千禧华夏中天国泰民安润和";
    static final String[] TRADES = {"科技", "技术", "贸易", "实业", "电子", "信息技术", "制造", "机械", "软件", "网络", "物流",
            "医疗器械", "生物科技", "新能源", "建材", "食品", "服饰", "汽车零部件", "环保科技", "智能装备"};
    static final String[] FORMS = {"有限公司", "股份有限公司", "有限责任公司", "集团有限公司"};

    @Test
    void plansAtOneMillionCustomers() throws Exception {
        EmbeddedPostgres pg = TestPostgres.server();
        String url = TestPostgres.newDatabase("customersearch");
        try (Connection connection = java.sql.DriverManager.getConnection(url)) {
            SingleConnectionDataSource ds = new SingleConnectionDataSource(connection, true);
            // the product gives the migrations its zone (spring.flyway.placeholders in application.yml)
            Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    .placeholders(java.util.Map.of("company_zone", "Asia/Shanghai")).load().migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            List<UUID> reps = new ArrayList<>();
            for (int i = 0; i < REPS; i++) {
                reps.add(new UUID(0x01a0000000007000L, i + 1L));
            }
            long started = System.nanoTime();
            generate(connection, jdbc, reps);
            Duration generating = Duration.ofNanos(System.nanoTime() - started);
            jdbc.sql("analyze customer_customer").update();
            jdbc.sql("analyze customer_contact").update();

            UUID rep = reps.get(7);
            Set<UUID> team = new HashSet<>(reps.subList(0, 20));
            Scope self = new Scope(ScopeKind.SELF, rep, Set.of(rep));
            Scope teamScope = new Scope(ScopeKind.TEAM, reps.get(0), team);
            Scope all = new Scope(ScopeKind.ALL, UUID.randomUUID(), null);
            Map<String, CustomerQueries.Statement> statements = new LinkedHashMap<>();
            statements.put("list, whole company, first page", statement(null, null, all));
            statements.put("list, one rep", statement(null, null, self));
            statements.put("name 华为 (2 characters), whole company", statement("华为", null, all));
            statements.put("name 华为, one rep", statement("华为", null, self));
            statements.put("name 华为, a team of 20", statement("华为", null, teamScope));
            statements.put("name 科技 (very common), whole company", statement("科技", null, all));
            statements.put("name 华为技术 (4 characters), whole company", statement("华为技术", null, all));
            statements.put("single character 鑫, whole company", statement("鑫", null, all));
            statements.put("initials hwjs, whole company", statement("hwjs", null, all));
            statements.put("initials hwjs, one rep", statement("hwjs", null, self));
            statements.put("full pinyin huawei, whole company", statement("huawei", null, all));
            statements.put("phone 13800138000, whole company", statement("13800138000", null, all));
            statements.put("phone 13800138000, one rep", statement("13800138000", null, self));
            statements.put("credit code, whole company", statement("914403001922038216", null, all));
            statements.put("code C-2026-000500, whole company", statement("C-2026-000500", null, all));
            statements.put("public pool, first page", statement(null, "pool", all));

            StringBuilder report = new StringBuilder("# Customer search plans, " + CUSTOMERS + " customers, "
                    + REPS + " reps (generated in " + generating.toSeconds() + " s)\n");
            for (var e : statements.entrySet()) {
                CustomerQueries.Statement st = e.getValue();
                // warm once, then explain: the plan of a running system, not of a cold cache
                jdbc.sql(st.sql()).params(st.params()).query().listOfRows();
                List<String> plan = jdbc.sql("explain (analyze, buffers) " + st.sql()).params(st.params())
                        .query(String.class).list();
                String time = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?");
                System.out.printf("BENCH customer search | %-45s | %s%n", e.getKey(), time);
                report.append("\n## ").append(e.getKey()).append("\n").append(String.join("\n", plan)).append("\n");
                if (st.sql().contains("search_tokens") || st.sql().contains("uscc") || st.sql().contains("phone")) {
                    assertThat(String.join("\n", plan)).as(e.getKey()).doesNotContain("Seq Scan on customer_customer");
                }
            }
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/customer-search-plans.txt"), report);
        }
        assertThat(pg).isNotNull();
    }

    private static CustomerQueries.Statement statement(String q, String view, Scope scope) {
        return CustomerQueries.statement(new CustomerQueries.CustomerFilter(q, null, null, null, null, view, null, 20),
                scope, 20, com.lead2cash.platform.SearchKeyStatistics.Counts.NONE); // no token statistics: the index must serve even a name's every token
    }

    /** One million customers through COPY; the search index is built after the load, as a bulk load would. */
    private static void generate(Connection connection, JdbcClient jdbc, List<UUID> reps) throws Exception {
        // the search indexes as the migrations made them, dropped for the load and built again after it
        Map<String, String> searchIndexes = new LinkedHashMap<>();
        jdbc.sql("select indexname, indexdef from pg_indexes where tablename = 'customer_customer' "
                + "and indexname like '%search%'").query(rs -> {
                    searchIndexes.put(rs.getString(1), rs.getString(2));
                });
        assertThat(searchIndexes).isNotEmpty();
        searchIndexes.keySet().forEach(index -> jdbc.sql("drop index " + index).update());
        jdbc.sql("set maintenance_work_mem = '512MB'").update();
        PGConnection pgc = connection.unwrap(PGConnection.class);
        Random random = new Random(20261201);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        int batch = 50_000;
        for (int from = 0; from < CUSTOMERS; from += batch) {
            StringBuilder customers = new StringBuilder();
            StringBuilder contacts = new StringBuilder();
            for (int i = from; i < Math.min(CUSTOMERS, from + batch); i++) {
                String name = i == 500 ? "华为技术有限公司" : name(random);
                SearchKeys.Name keys = SearchKeys.name(name);
                UUID id = new UUID(0x01a0000000007000L | (i >>> 12), 0x8000000000000000L | i);
                boolean pool = random.nextInt(100) < 5;
                UUID owner = pool ? null : reps.get(random.nextInt(reps.size()));
                Instant created = start.plusSeconds(i * 60L);
                customers.append(id).append('\t').append(String.format("C-2026-%06d", i)).append('\t').append(name)
                        .append('\t').append(com.lead2cash.customer.CompanyNames.normalize(name)).append('\t')
                        .append(i == 500 ? "914403001922038216" : "\\N").append('\t')
                        .append(pool ? "PROSPECT" : "INITIAL_CONTACT").append('\t').append(owner == null ? "\\N" : owner)
                        .append('\t').append(pool ? created.plusSeconds(3600) : "\\N").append('\t')
                        .append("ABC".charAt(random.nextInt(3))).append('\t').append(created).append('\t')
                        .append(keys.folded()).append('\t')
                        .append('{').append(String.join(",", keys.tokens().stream().map(t -> "\"" + t + "\"").toList()))
                        .append('}').append('\t').append(keys.pinyin()).append('\t').append(keys.initials()).append("\t0\n");
                String phone = i == 500 ? "13800138000" : "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
                contacts.append(new UUID(0x01a0000000009000L | (i >>> 12), 0x8000000000000000L | i)).append('\t')
                        .append(id).append('\t').append("联系人").append(i % 1000).append('\t').append(phone).append('\t')
                        .append(phone).append('\t').append(created).append("\ttrue\n");
            }
            pgc.getCopyAPI().copyIn("""
                    copy customer_customer (id, code, name, name_normalized, uscc, status, owner_id, pool_since, grade,
                        created_at, name_folded, search_tokens, search_pinyin, search_initials, version) from stdin
                    with (format text)""",
                    new StringReader(customers.toString()));
            pgc.getCopyAPI().copyIn("""
                    copy customer_contact (id, customer_id, name, phone, phone_normalized, created_at, is_primary)
                    from stdin with (format text)""", new StringReader(contacts.toString()));
            System.out.printf("BENCH customer search | generated %d customers%n", Math.min(CUSTOMERS, from + batch));
        }
        searchIndexes.values().forEach(definition -> jdbc.sql(definition).update());
    }

    private static String name(Random random) {
        StringBuilder core = new StringBuilder();
        int length = 2 + random.nextInt(2);
        for (int i = 0; i < length; i++) {
            core.append(CORE.charAt(random.nextInt(CORE.length())));
        }
        return PLACES[random.nextInt(PLACES.length)] + core + TRADES[random.nextInt(TRADES.length)]
                + FORMS[random.nextInt(FORMS.length)];
    }
}
