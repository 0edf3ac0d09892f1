package com.lead2cash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.SearchKeysFill;
import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Benchmark (run with {@code mvn verify -Pbench -Dtest=ContractBench}, not part of {@code mvn verify}):
 * 200 000 contracts of 200 reps in 20 teams, in every status, generated in SQL on the product's schema;
 * then the contract list through the API for a rep, a team manager, the director (all, by status, the
 * second page) and a lawyer (every submitted contract), the list screen, and a 20-page contract's PDF.
 * It asserts the answers, never the time; the figures go to docs/performance.md.
 */
@IntegrationTest
class ContractBench {

    static final int TEAMS = 20;
    static final int REPS_PER_TEAM = 10;
    static final int CONTRACTS = 200_000;
    static final int RUNS = 40;
    static final int PDF_RUNS = 10;
    /** Unmeasured calls before each operation's runs, so the JIT has compiled its path. */
    static final int WARM_UP = 10;

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired CustomerDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired javax.sql.DataSource dataSource;

    @Test
    void contractListAtTwoHundredThousandContractsAndATwentyPagePdf() throws Exception {
        BenchDurability.assertDurable(jdbc);
        java.time.LocalDate hired = java.time.LocalDate.of(2020, 1, 1);
        List<UUID> reps = new ArrayList<>();
        String firstManager = null;
        String firstRep = null;
        for (int t = 0; t < TEAMS; t++) {
            UUID unit = fixtures.unit("合同基准团队" + t);
            var manager = fixtures.user("cbench.m" + t, unit, hired, Role.SALES_MANAGER);
            fixtures.appointManager(unit, manager.id());
            firstManager = firstManager == null ? manager.username() : firstManager;
            for (int r = 0; r < REPS_PER_TEAM; r++) {
                var rep = fixtures.user("cbench.r" + t + "." + r, unit, hired, Role.SALES_REP);
                reps.add(rep.id());
                firstRep = firstRep == null ? rep.username() : firstRep;
            }
        }
        fixtures.user("cbench.dir", fixtures.rootUnit(), hired, Role.SALES_DIRECTOR);
        fixtures.user("cbench.law", fixtures.rootUnit(), hired, Role.LEGAL);
        List<UUID> customers = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            customers.add(directory.register(new CustomerDirectory.NewCustomer("合同基准客户" + c + "有限公司", null, "制造业", null,
                    reps.get(c % reps.size()), "OTHER", null)).id());
        }
        long started = System.nanoTime();
        jdbc.sql("""
                insert into contract_contract (id, number, title, opportunity_id, customer_id, owner_id, status, status_changed_at,
                       amount, currency, risk_level, term_start, term_end, buyer_name, seller_name, review_round, submitted_at,
                       waiting_for, waiting_since, approved_at, signed_on, retain_until, created_at, updated_at, version, search_keys)
                select gen_random_uuid(), 'HT-B-' || lpad(g::text, 6, '0'), '基准合同' || g, gen_random_uuid(),
                       (:customers)[1 + g % 200], (:reps)[1 + g % 200], st.status, c.created, 10000 + (g % 997) * 1000, 'CNY',
                       (array['LOW','MEDIUM','HIGH'])[1 + g % 3], date '2025-01-01', date '2026-12-31',
                       '合同基准客户' || (g % 200) || '有限公司', 'Lead2Cash', case when st.status = 'DRAFT' then 0 else 1 end,
                       case when st.status <> 'DRAFT' then c.created end,
                       case when st.status in ('IN_REVIEW', 'FINAL_APPROVAL') then 'ROLE:LEGAL,ROLE:FINANCE,ROLE:OPERATIONS'
                            when st.status in ('DRAFT', 'REVISING', 'APPROVED', 'SIGNED') then 'USER:' || (:reps)[1 + g % 200] end,
                       c.created,
                       case when st.status in ('APPROVED', 'SIGNED', 'ARCHIVED') then c.created end,
                       case when st.status in ('SIGNED', 'ARCHIVED') then (c.created)::date end,
                       date '2036-12-31', c.created, c.created, 0, '{}'
                from generate_series(1, :n) g
                cross join lateral (select timestamptz '2024-01-01' + g * interval '7 minutes' as created) c
                cross join lateral (select (array['DRAFT','IN_REVIEW','REVISING','FINAL_APPROVAL','APPROVED','SIGNED',
                                                  'ARCHIVED','ARCHIVED','ARCHIVED','TERMINATED'])[1 + g % 10] as status) st
                """).param("customers", customers.toArray(new UUID[0])).param("reps", reps.toArray(new UUID[0]))
                .param("n", CONTRACTS).update();
        // the search keys the contract computes, by the code that fills existing contracts' keys
        try (java.sql.Connection c = dataSource.getConnection()) {
            SearchKeysFill.fill(c, "contract_contract",
                    "select id, number, title, buyer_name from contract_contract where search_keys = '{}'",
                    rs -> Contract.searchKeys(rs.getString(2), rs.getString(3), rs.getString(4)));
        }
        jdbc.sql("vacuum analyze contract_contract").update();
        System.out.printf("BENCH generated %d contracts in %.1f s%n", CONTRACTS, (System.nanoTime() - started) / 1e9);

        String rep = "Bearer " + fixtures.token(mvc, firstRep);
        String manager = "Bearer " + fixtures.token(mvc, firstManager);
        String director = "Bearer " + fixtures.token(mvc, "cbench.dir");
        String lawyer = "Bearer " + fixtures.token(mvc, "cbench.law");
        assertThat(get("/api/v1/contracts", rep)).bodyJson().extractingPath("$.items.length()").isEqualTo(20);
        report("contract list, a rep's own (1 000 contracts)", () -> get("/api/v1/contracts", rep));
        report("contract list, a team manager's (10 000 contracts)", () -> get("/api/v1/contracts", manager));
        report("contract list, the director's (200 000 contracts)", () -> get("/api/v1/contracts", director));
        report("contract list, the director's, status SIGNED", () -> get("/api/v1/contracts?status=SIGNED", director));
        String next = fixtures.mapper().readTree(get("/api/v1/contracts", director).getResponse().getContentAsByteArray())
                .get("nextCursor").asString();
        report("contract list, the director's second page", () -> get("/api/v1/contracts?cursor=" + next, director));
        report("contract list, a lawyer's (every submitted contract)", () -> get("/api/v1/contracts", lawyer));
        // the URI is a template MockMvc encodes: the query goes in as typed
        var found = fixtures.mapper().readTree(get("/api/v1/contracts?q=客户137", director).getResponse().getContentAsByteArray());
        assertThat(found.get("items")).hasSize(20).allSatisfy(i -> assertThat(i.get("customerName").asString()).contains("客户137"));
        report("contract list, the director's search by customer name", () -> get("/api/v1/contracts?q=客户137", director));
        report("contract list, the director's search by a number fragment", () -> get("/api/v1/contracts?q=B-0123", director));
        Cookie session = fixtures.session(mvc, "cbench.dir", Fixtures.PASSWORD);
        report("contract list screen, the director's", () -> mvc.get().uri("/contracts").cookie(session).exchange());
        explain("select id from contract_contract where owner_id in (:reps) order by created_at desc, id desc limit 51",
                reps.subList(0, REPS_PER_TEAM));
        explain("select id from contract_contract where status = 'SIGNED' order by created_at desc, id desc limit 51", null);

        // a 20-page contract: a draft (rendered on every request) with long clauses and 60 lines
        String contractId = jdbc.sql("select id from contract_contract where number = 'HT-B-000010'").query(String.class).single();
        String paragraph = "乙方应按照本合同约定的技术规格、数量、质量标准和交付期限向甲方交付产品，并提供安装、调试、培训及售后服务；"
                + "甲方应按照本合同约定的付款节点向乙方支付合同价款，并为乙方的现场工作提供必要的条件与配合。\n";
        String[] keys = {"PARTIES", "SCOPE", "PRICE", "PAYMENT", "DELIVERY", "ACCEPTANCE", "CONFIDENTIALITY", "LIABILITY", "DISPUTE"};
        for (int i = 0; i < keys.length; i++) {
            jdbc.sql("insert into contract_section (contract, position, section_key, heading, body) values (:c::uuid, :p, :k, :h, :b)")
                    .param("c", contractId).param("p", i).param("k", keys[i]).param("h", "条款" + (i + 1))
                    .param("b", paragraph.repeat(45)).update();
        }
        jdbc.sql("""
                insert into contract_line (contract, position, product_code, product_name, specification, unit, quantity,
                       unit_price, discount_percent, line_total)
                select :c::uuid, k, 'P-' || k, '工业网关 ' || k, '4G 双卡', '台', 2, 1000, 0, 2000 from generate_series(0, 59) k
                """).param("c", contractId).update();
        String owner = "Bearer " + fixtures.token(mvc, jdbc.sql("""
                select u.username from contract_contract c join platform_user u on u.id = c.owner_id where c.id = :c::uuid""")
                .param("c", contractId).query(String.class).single());
        MvcTestResult pdf = get("/api/v1/contracts/" + contractId + "/pdf", owner);
        assertThat(pdf).hasStatusOk();
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            System.out.printf("BENCH contract PDF: %d pages, %d bytes%n", document.getNumberOfPages(),
                    pdf.getResponse().getContentAsByteArray().length);
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(20);
            assertThat(new PDFTextStripper().getText(document)).contains("工业网关 59");
        }
        report("contract PDF, 20 pages and more, rendered", () -> get("/api/v1/contracts/" + contractId + "/pdf", owner), PDF_RUNS);
    }

    private void explain(String sql, List<UUID> reps) {
        var statement = jdbc.sql("explain (analyze, buffers) " + sql);
        if (reps != null) {
            statement = statement.param("reps", reps);
        }
        System.out.println("BENCH plan of: " + sql);
        statement.query(String.class).list().forEach(line -> System.out.println("BENCH   " + line));
    }

    private MvcTestResult get(String path, String token) {
        return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    private static void report(String what, Supplier<MvcTestResult> call) {
        report(what, call, RUNS);
    }

    private static void report(String what, Supplier<MvcTestResult> call, int runs) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(call.get()).hasStatusOk();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            assertThat(call.get()).hasStatusOk();
            micros.add((System.nanoTime() - t) / 1_000);
        }
        micros.sort(null);
        System.out.printf("BENCH %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d runs)%n", what, micros.get(runs / 2) / 1000.0,
                micros.get((int) Math.ceil(runs * 0.95) - 1) / 1000.0, micros.get(runs - 1) / 1000.0, runs);
    }
}
