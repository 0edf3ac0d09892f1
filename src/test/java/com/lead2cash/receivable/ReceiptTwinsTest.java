package com.lead2cash.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.ExportedWorkbook;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Twins (the same transfer entered twice): a standing receipt that repeats the bank reference of a standing receipt of
 * its customer, from before references were held unique or from a customer merge. Finance finds them — marked in the
 * receipts list, a filter, a count on the workbench, both receipts' pages, the API — and reverses the one not meant;
 * the mark shows only while both stand.
 */
@IntegrationTest
@Import(TestClock.class)
class ReceiptTwinsTest {

    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    static Reviewers reviewers;

    Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = support.reviewers("rtw", CustomerTestSupport.HIRED.minusYears(10));
        }
        return reviewers;
    }

    @BeforeEach
    void midDecember() {
        clock.set(LocalDateTime.parse("2026-12-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    /** A customer's receipts as the test made them: the first holding the reference, its twins, one other. */
    record Twins(String customerId, JsonNode first, List<JsonNode> twins, JsonNode other) {
        String id(JsonNode receipt) {
            return receipt.get("id").asString();
        }
    }

    private String finance() {
        return customers.bearer(mvc, reviewers().finance());
    }

    private JsonNode record(String body) {
        var recorded = customers.post(mvc, finance(), "/api/v1/receipts", body);
        assertThat(recorded).as(ContractTestSupport.text(recorded)).hasStatus(201);
        return customers.json(recorded);
    }

    private JsonNode receipt(String id) {
        return customers.getJson(mvc, finance(), "/api/v1/receipts/" + id);
    }

    /**
     * A customer with a receipt holding {@code reference}, {@code count} twins repeating it in another letter case and
     * marked as the migration marks a receipt stored twice before references were held unique, and one receipt with
     * another reference.
     */
    private Twins twins(String name, String payer, String reference, int count) {
        String customerId = customers.customer(mvc, customers.bearer(mvc, reviewers().rep()), name, null).get("id").asString();
        String body = """
                {"customerId":"%s","amount":%s,"receivedOn":"2026-12-14","method":"BANK_TRANSFER","payer":"%s","reference":"%s"}""";
        JsonNode first = record(body.formatted(customerId, "5000.00", payer, reference));
        List<JsonNode> twins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clock.set(clock.instant().plusSeconds(60));
            String twin = record(body.formatted(customerId, "5000.00", payer, "TEMP-" + i + "-" + reference)).get("id").asString();
            jdbc.sql("update receivable_receipt set reference = :reference, reference_duplicate = true where id = :id::uuid")
                    .param("reference", reference.toLowerCase()).param("id", twin).update();
            twins.add(receipt(twin));
        }
        JsonNode other = record(body.formatted(customerId, "700.00", payer, "OTHER-" + reference));
        return new Twins(customerId, first, twins, other);
    }

    private Cookie session(User user) {
        return fixtures.session(mvc, user.username(), Fixtures.PASSWORD);
    }

    private String page(Cookie session, String path, String lang) {
        var result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
        assertThat(result).as(path + " " + lang).hasStatusOk();
        String html = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html).as("untranslated key on " + path).doesNotContain("??");
        return html;
    }

    /** The table row of the page that links the receipt. */
    private static String row(String html, String receiptId) {
        return Arrays.stream(html.split("<tr")).filter(r -> r.contains("href=\"/receipts/" + receiptId + "\""))
                .findFirst().orElseThrow(() -> new AssertionError("no row of " + receiptId));
    }

    private long standingTwins() {
        return jdbc.sql("select count(*) from receivable_receipt where state = 'RECORDED' and reference_duplicate")
                .query(Long.class).single();
    }

    private static String waiting(long n, String lang) {
        return "en".equals(lang) ? (n == 1 ? "1 receipt repeats" : n + " receipts repeat") : "有 " + n + " 笔收款";
    }

    private List<String> listed(String query) {
        return StreamSupport.stream(customers.getJson(mvc, finance(), "/api/v1/receipts?" + query).get("items").spliterator(),
                false).map(i -> i.get("id").asString() + "=" + i.get("repeatedReference").asBoolean()).toList();
    }

    private void reverse(String id) {
        long version = receipt(id).get("version").asLong();
        var reversed = customers.post(mvc, finance(), "/api/v1/receipts/" + id + "/reversal",
                "{\"reason\":\"同一笔转账登记两次\",\"version\":%d}".formatted(version));
        assertThat(reversed).as(ContractTestSupport.text(reversed)).hasStatusOk();
    }

    @Test
    void aReceiptRepeatingTheBankReferenceOfAStandingReceiptIsMarkedCountedFilteredAndNamedOnBothPages() throws Exception {
        long before = standingTwins();
        Twins t = twins("台州重复流水机械有限公司", "台州重复流水付款", "ICBC-TW-1214-01", 1);
        String first = t.id(t.first());
        String twin = t.id(t.twins().get(0));
        Cookie finance = session(reviewers().finance());

        for (String[] lang : new String[][] {{"en", "Repeated reference", "Only repeated bank references"},
                {"zh-CN", "流水号重复", "仅看流水号重复"}}) {
            String list = page(finance, "/receipts?payer=台州重复流水付款", lang[0]);
            assertThat(row(list, twin)).as("the twin marked beside its reference, " + lang[0])
                    .contains("icbc-tw-1214-01", "receipt-repeated-reference", lang[1], "title=\"");
            assertThat(row(list, first)).as("the first holds the reference").doesNotContain("receipt-repeated-reference");
            assertThat(row(list, t.id(t.other()))).doesNotContain("receipt-repeated-reference");
            assertThat(list).as("the filter offered").contains("name=\"repeatedReference\"", lang[2]);

            String filtered = page(finance, "/receipts?repeatedReference=true", lang[0]);
            assertThat(filtered).as("the filter finds the twin only").contains("href=\"/receipts/" + twin + "\"")
                    .doesNotContain("href=\"/receipts/" + first + "\"", "href=\"/receipts/" + t.id(t.other()) + "\"")
                    .containsPattern("id=\"f-repeatedReference\"[^>]*checked")
                    .as("the export takes the filter").contains("repeatedReference=true");

            String workbench = page(finance, "/receivables", lang[0]);
            assertThat(workbench).as("the workbench counts them and links the filtered list")
                    .contains("id=\"repeated-references\"", waiting(before + 1, lang[0]),
                            "href=\"/receipts?repeatedReference=true\"");

            String twinPage = page(finance, "/receipts/" + twin, lang[0]);
            assertThat(twinPage).as("the twin names the receipt it repeats, linking it")
                    .contains("id=\"receipt-repeats\"", "href=\"/receipts/" + first + "\"", t.first().get("number").asString())
                    .doesNotContain("id=\"receipt-repeated-by\"");
            assertThat(page(finance, "/receipts/" + first, lang[0])).as("the first names its twin")
                    .contains("id=\"receipt-repeated-by\"", "href=\"/receipts/" + twin + "\"")
                    .doesNotContain("id=\"receipt-repeats\"");
            assertThat(page(finance, "/receipts/" + t.id(t.other()), lang[0]))
                    .doesNotContain("id=\"receipt-repeats\"", "id=\"receipt-repeated-by\"");
        }
        assertThat(page(finance, "/receipts/" + twin, "en")).contains("finance reverses the one not meant");
        assertThat(page(finance, "/receipts/" + twin, "zh-CN")).contains("请财务冲销登记有误的那一笔");
        assertThat(page(session(reviewers().director()), "/receivables", "en")).as("the director reads receipts too")
                .contains("id=\"repeated-references\"");
        assertThat(page(session(reviewers().rep()), "/receivables", "en")).as("a rep reads no receipts")
                .doesNotContain("id=\"repeated-references\"");

        assertThat(listed("payer=台州重复流水付款")).as("the API's list carries the mark")
                .containsExactlyInAnyOrder(first + "=false", twin + "=true", t.id(t.other()) + "=false");
        assertThat(listed("payer=台州重复流水付款&repeatedReference=true")).containsExactly(twin + "=true");
        assertThat(listed("payer=台州重复流水付款&repeatedReference=false")).hasSize(3);
        assertThat(receipt(twin).get("repeatedReference").asBoolean()).isTrue();
        assertThat(receipt(first).get("repeatedReference").asBoolean()).isFalse();

        var exported = ExportedWorkbook.rows(mvc, finance, "/receipts/export.xlsx?repeatedReference=true&payer=台州重复流水付款&lang=en");
        assertThat(exported).as("headers and the twin only").hasSize(2);
        assertThat(exported.get(1).getCellText(0)).isEqualTo(t.twins().get(0).get("number").asString());
        assertThat(jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Receipt'
                and actor_name = :u order by occurred_at desc limit 1""").param("u", reviewers().finance().username())
                .query(String.class).single()).as("the export of the twins says so").startsWith("receipt.audit.exportedRepeated\n1\n");
    }

    @Test
    void reversingTheTwinTakesTheMarkAwayAndTheFirstKeepsItsReference() {
        long before = standingTwins();
        Twins t = twins("湖州重复流水机械有限公司", "湖州重复流水付款", "ABC-TW-1214-02", 1);
        String first = t.id(t.first());
        String twin = t.id(t.twins().get(0));
        assertThat(standingTwins()).isEqualTo(before + 1);

        reverse(twin);

        assertThat(standingTwins()).isEqualTo(before);
        assertThat(listed("payer=湖州重复流水付款")).as("no mark on either")
                .containsExactlyInAnyOrder(first + "=false", twin + "=false", t.id(t.other()) + "=false");
        assertThat(listed("payer=湖州重复流水付款&repeatedReference=true")).isEmpty();
        Cookie finance = session(reviewers().finance());
        assertThat(row(page(finance, "/receipts?payer=湖州重复流水付款", "en"), twin)).doesNotContain("receipt-repeated-reference");
        assertThat(page(finance, "/receipts/" + twin, "en")).doesNotContain("id=\"receipt-repeats\"");
        assertThat(page(finance, "/receipts/" + first, "en")).doesNotContain("id=\"receipt-repeated-by\"");
        if (before == 0) {
            assertThat(page(finance, "/receivables", "en")).as("said only when there are any")
                    .doesNotContain("id=\"repeated-references\"");
        }
        var again = customers.post(mvc, finance(), "/api/v1/receipts", """
                {"customerId":"%s","amount":5000.00,"receivedOn":"2026-12-14","method":"BANK_TRANSFER","reference":"abc-tw-1214-02"}"""
                .formatted(t.customerId()));
        assertThat(again).as("the first still holds the reference").hasStatus(422);
        assertThat(customers.json(again).get("errors").get(0).get("message").asString())
                .contains(t.first().get("number").asString());
    }

    @Test
    void reversingTheFirstHandsItsReferenceToTheEarliestTwinAndALaterTwinNowRepeatsThat() {
        long before = standingTwins();
        Twins t = twins("嘉兴重复流水机械有限公司", "嘉兴重复流水付款", "BOC-TW-1214-03", 2);
        String first = t.id(t.first());
        String second = t.id(t.twins().get(0));
        String third = t.id(t.twins().get(1));
        long secondVersion = t.twins().get(0).get("version").asLong();
        assertThat(standingTwins()).isEqualTo(before + 2);

        reverse(first);

        assertThat(standingTwins()).as("the second holds the reference now, the third still repeats it").isEqualTo(before + 1);
        assertThat(listed("payer=嘉兴重复流水付款")).containsExactlyInAnyOrder(first + "=false", second + "=false",
                third + "=true", t.id(t.other()) + "=false");
        assertThat(jdbc.sql("select reference_duplicate from receivable_receipt where id = :id::uuid").param("id", second)
                .query(Boolean.class).single()).as("in the one-reference index again").isFalse();
        Cookie finance = session(reviewers().finance());
        assertThat(page(finance, "/receipts/" + third, "en")).as("the third repeats the second now")
                .contains("id=\"receipt-repeats\"", "href=\"/receipts/" + second + "\"");
        assertThat(page(finance, "/receipts/" + second, "en")).doesNotContain("id=\"receipt-repeats\"")
                .contains("id=\"receipt-repeated-by\"", "href=\"/receipts/" + third + "\"");

        // a page still offering to reverse the second as a twin is stale: the second is the money that stands now
        assertThat(customers.post(mvc, finance(), "/api/v1/receipts/" + second + "/reversal",
                "{\"reason\":\"以为是重复\",\"version\":%d}".formatted(secondVersion))).hasStatus(409);
        assertThat(receipt(second).get("state").asString()).isEqualTo("RECORDED");

        var again = customers.post(mvc, finance(), "/api/v1/receipts", """
                {"customerId":"%s","amount":5000.00,"receivedOn":"2026-12-14","method":"BANK_TRANSFER","reference":"BOC-TW-1214-03"}"""
                .formatted(t.customerId()));
        assertThat(again).as("the reference stays taken").hasStatus(422);

        reverse(second);
        assertThat(standingTwins()).as("the third, alone, holds it").isEqualTo(before);
        assertThat(listed("payer=嘉兴重复流水付款&repeatedReference=true")).isEmpty();
        assertThat(page(finance, "/receipts/" + third, "en")).doesNotContain("id=\"receipt-repeats\"");
    }

    @Test
    void twinsBroughtTogetherByACustomerMergeAreMarkedUnderTheSurvivor() {
        Reviewers r = reviewers();
        String rep = customers.bearer(mvc, r.rep());
        String survivor = customers.customer(mvc, rep, "绍兴合并流水机械有限公司", null).get("id").asString();
        String merged = customers.customer(mvc, rep, "绍兴合并流水机械（重复）", null).get("id").asString();
        String body = """
                {"customerId":"%s","amount":8000.00,"receivedOn":"2026-12-14","method":"BANK_TRANSFER","payer":"绍兴合并流水付款","reference":"%s"}""";
        JsonNode first = record(body.formatted(survivor, "CCB-TW-1214-04"));
        JsonNode twin = record(body.formatted(merged, "ccb-tw-1214-04"));
        assertThat(listed("payer=绍兴合并流水付款&repeatedReference=true")).as("two customers, two transfers").isEmpty();

        assertThat(customers.post(mvc, customers.bearer(mvc, r.manager()), "/api/v1/customers/" + survivor + "/merge",
                "{\"mergedId\":\"" + merged + "\",\"reason\":\"同一家公司\"}")).hasStatusOk();

        assertThat(listed("payer=绍兴合并流水付款&repeatedReference=true")).containsExactly(twin.get("id").asString() + "=true");
        assertThat(page(session(r.finance()), "/receipts/" + twin.get("id").asString(), "zh-CN"))
                .contains("id=\"receipt-repeats\"", "href=\"/receipts/" + first.get("id").asString() + "\"");
    }

    @Test
    void theFilterIsKeptByTheListsNextPage() {
        Twins t = twins("金华重复流水机械有限公司", "金华重复流水付款", "ICBC-TW-1214-05", 1);
        JsonNode twin = t.twins().get(0);
        // more twins than a page holds, on an old day so they sort after everyone else's receipts
        jdbc.sql("""
                insert into receivable_receipt (id, number, customer_id, amount, allocated_amount, currency, received_on,
                    method, payer, reference, state, recorded_by, recorded_at, version, reference_duplicate)
                select gen_random_uuid(), number || '-TW' || g, customer_id, amount, amount, currency, date '2026-07-01',
                    method, payer, reference, state, recorded_by, recorded_at + g * interval '1 second', 0, true
                from receivable_receipt, generate_series(1, 50) g where id = :id::uuid""")
                .param("id", twin.get("id").asString()).update();
        try {
            Cookie finance = session(reviewers().finance());
            String list = page(finance, "/receipts?repeatedReference=true", "en");
            String more = list.substring(list.indexOf("class=\"load-more\""));
            assertThat(more).as("the next page asked for with the filter").contains("repeatedReference=true");
            String url = more.substring(more.indexOf("hx-get=\"") + 8, more.indexOf('"', more.indexOf("hx-get=\"") + 8))
                    .replace("&amp;", "&");
            var next = mvc.get().uri(url).header("HX-Request", "true").cookie(finance).exchange();
            assertThat(next).hasStatusOk();
            String rows = new String(next.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            int receipts = rows.split("class=\"receipt-link\"").length - 1;
            assertThat(receipts).as("a next page of twins").isPositive();
            assertThat(rows.split("receipt-repeated-reference").length - 1).as("each of them marked").isEqualTo(receipts);
            assertThat(rows).doesNotContain("href=\"/receipts/" + t.id(t.first()) + "\"");
        } finally {
            // leave no twins for the other tests' counts
            jdbc.sql("update receivable_receipt set state = 'REVERSED', reversal_reason = 'test' where number like :n")
                    .param("n", twin.get("number").asString() + "-TW%").update();
        }
    }
}
