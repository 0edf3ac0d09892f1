package com.lead2cash.order;

import static com.lead2cash.testing.TestClock.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.files.TestFiles;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.DocumentNumbers;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Orders and delivery through the API (SPEC §5 "Orders and delivery", rules D1–D3): an order from a signed
 * contract, partial shipments and the waybill deadline, the weekly progress check, a delay that e-mails the
 * customer, delivery, and acceptance online through the confirmation link, which makes the acceptance
 * payment fall due and moves the customer to DELIVERED.
 */
@IntegrationTest
@Import(TestClock.class)
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=2", "l2c.notification.poll-interval=1h"})
class OrderApiTest {

    /** One set of reviewers for the class: K2 asks the longest-serving legal head. */
    static Reviewers reviewers;
    static String product;

    @Autowired MockMvcTester mvc;
    @Autowired SignedContracts contracts;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired com.lead2cash.testing.Fixtures fixtures;
    @Autowired com.lead2cash.platform.BackgroundTasks.Node scheduler;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = support.reviewers("ord", CustomerTestSupport.HIRED.minusYears(10));
            product = sales.product(mvc, reviewers.team(), "GW-100", "工业网关 GW-100", "6000.00", "13");
        }
        return reviewers;
    }

    String rep() {
        return customers.bearer(mvc, reviewers().rep());
    }

    String operations() {
        return customers.bearer(mvc, reviewers().operations());
    }

    /** A signed contract of 600 000.00 and an order of 10 gateways on it, promised for 2026-12-20. */
    JsonNode order(String customer) {
        return order(signed(customer));
    }

    JsonNode signed(String customer) {
        return contracts.sign(mvc, reviewers(), customer, "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
    }

    JsonNode order(JsonNode contract) {
        MvcTestResult created = customers.post(mvc, rep(), "/api/v1/orders", """
                {"contractId":"%s","lines":[{"productId":"%s","quantity":10}],"address":"杭州市西湖区文三路 1 号",
                 "consignee":"王经理","consigneePhone":"13800000000","promisedDate":"2026-12-20"}"""
                .formatted(contract.get("id").asString(), product));
        assertThat(created).as(ContractTestSupport.text(created)).hasStatus(201);
        return customers.json(created);
    }

    @Test
    void aQuantityWrittenWithTrailingZerosIsReadAsItsValueAndAContractWithoutProductsAsksForThem() {
        JsonNode contract = signed("杭州订单数量小数科技有限公司");
        String head = """
                {"contractId":"%s","address":"杭州市西湖区文三路 1 号","consignee":"王经理","consigneePhone":"13800000000",
                 "promisedDate":"2026-12-20\"""".formatted(contract.get("id").asString());
        // a contract keeps its quantities as 2.000: three places written, two needed
        MvcTestResult written = customers.post(mvc, rep(), "/api/v1/orders",
                head + ",\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":2.000}]}");
        assertThat(written).as(ContractTestSupport.text(written)).hasStatus(201);
        assertThat(customers.json(written).get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("2");
        MvcTestResult tooFine = customers.post(mvc, rep(), "/api/v1/orders",
                head + ",\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":2.005}]}");
        assertThat(tooFine).hasStatus(422);
        assertThat(customers.json(tooFine).get("errors").get(0).get("field").asString() + " "
                + customers.json(tooFine).get("errors").get(0).get("code").asString())
                .isEqualTo("lines[0].quantity error.input.amountTooPrecise");
        // this contract was drafted without a quote and lists no products: an order without lines is told to name them
        MvcTestResult unnamed = customers.post(mvc, rep(), "/api/v1/orders", head + "}");
        assertThat(unnamed).hasStatus(422);
        assertThat(customers.json(unnamed).get("errors").get(0).get("code").asString()).isEqualTo("order.lines.name");
    }

    JsonNode expectOk(MvcTestResult result) {
        assertThat(result).as(ContractTestSupport.text(result)).hasStatusOk();
        return customers.json(result);
    }

    /** The subject's deadlines of a rule as "STATE due-time", oldest first. */
    List<String> deadlines(String rule, String subjectType, String subjectId) {
        return jdbc.sql("select state, due_at from sop_deadline where rule_id = :r and subject_type = :t and subject_id = :id "
                        + "order by started_at, created_at")
                .param("r", rule).param("t", subjectType).param("id", subjectId)
                .query((rs, i) -> rs.getString("state") + " " + rs.getTimestamp("due_at").toInstant()).list();
    }

    @Test
    void theConsigneesPhoneIsWholeForTheOwnerAndOperationsWhoShipAndMaskedForFinance() throws Exception {
        String id = order("杭州订单收货电话科技有限公司").get("id").asString();
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("consigneePhone").asString())
                .isEqualTo("13800000000");
        assertThat(customers.getJson(mvc, operations(), "/api/v1/orders/" + id).get("consigneePhone").asString())
                .isEqualTo("13800000000");
        String finance = customers.bearer(mvc, reviewers().finance());
        assertThat(customers.getJson(mvc, finance, "/api/v1/orders/" + id).get("consigneePhone").asString())
                .as("finance reads the order for its money, not to call the consignee").isEqualTo("138****0000");
        String page = mvc.get().uri("/orders/" + id).cookie(customers.session(mvc, reviewers().finance())).exchange()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("138****0000").doesNotContain("13800000000");
    }

    @Test
    void theConsigneesPhoneFollowsTheFieldRulesOperationsIncluded() {
        String id = order("杭州收货电话字段权限科技有限公司").get("id").asString();
        customers.fieldRules(mvc, """
                [{"role":"OPERATIONS","field":"CONSIGNEE_PHONE","access":"MASKED"},
                 {"role":"SALES_REP","field":"CONSIGNEE_PHONE","access":"HIDDEN"}]""");
        try {
            assertThat(customers.getJson(mvc, operations(), "/api/v1/orders/" + id).get("consigneePhone").asString())
                    .isEqualTo("138****0000");
            assertThat(customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("consigneePhone").isNull()).isTrue();
        } finally {
            customers.fieldRules(mvc, "[]");
        }
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("consigneePhone").asString())
                .isEqualTo("13800000000");
    }

    @Test
    void D2_theWaybillIsDueOneBusinessDayBeforeTheShipDateAcrossTheWeekendAndShipmentsGoInParts() {
        JsonNode order = order("杭州订单一号科技有限公司");
        String id = order.get("id").asString();
        assertThat(order.get("status").asString()).isEqualTo("CREATED");

        JsonNode partly = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":4,"carrier":"顺丰速运","shipDate":"2026-12-07","version":%d}"""
                .formatted(order.get("version").asLong())));

        assertThat(partly.get("status").asString()).as("six still to ship").isEqualTo("PREPARING");
        assertThat(deadlines("D2", "OrderShipment", id + ":1")).as("Monday's shipment: Friday 09:00")
                .containsExactly("OPEN " + shanghai("2026-12-04T09:00"));
        assertThat(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":7,"carrier":"顺丰速运","shipDate":"2026-12-08","version":%d}"""
                .formatted(partly.get("version").asLong()))).as("more than is left to ship").hasStatus(422);

        clock.set(shanghai("2026-12-03T16:00"));
        JsonNode withWaybill = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments/1/waybill",
                "{\"waybillNumber\":\"SF1234567890\",\"version\":%d}".formatted(partly.get("version").asLong())));
        assertThat(deadlines("D2", "OrderShipment", id + ":1")).containsExactly("MET " + shanghai("2026-12-04T09:00"));

        JsonNode shipped = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":6,"carrier":"顺丰速运","waybillNumber":"SF1234567891","shipDate":"2026-12-08","version":%d}"""
                .formatted(withWaybill.get("version").asLong())));
        assertThat(shipped.get("status").asString()).as("all booked, the last goods leave on Tuesday")
                .isEqualTo("PREPARING");
        assertThat(shipped.get("lines").get(0).get("shipped").decimalValue()).isEqualByComparingTo("10");
        assertThat(deadlines("D2", "OrderShipment", id + ":2")).as("the waybill came with the shipment")
                .containsExactly("MET " + shanghai("2026-12-07T09:00"));
    }

    @Test
    void D2_aShipmentDatedBeforeTheOrderIsRefusedAndAWaybillRecordedAfterItsDueTimeIsLateNotOnTime() {
        JsonNode order = order("杭州订单补录运单科技有限公司");
        String id = order.get("id").asString();
        MvcTestResult beforeTheOrder = customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":2,"carrier":"顺丰速运","waybillNumber":"SF0","shipDate":"2026-11-30","version":%d}"""
                .formatted(order.get("version").asLong()));
        assertThat(beforeTheOrder).as("the order was made on 2026-12-01").hasStatus(422);
        assertThat(customers.json(beforeTheOrder).at("/errors/0/field").asString()).isEqualTo("shipDate");

        // leaving tomorrow without a waybill: by the policy due today 09:00, already past when it is booked (decision
        // 0122); recorded three days after that
        JsonNode tomorrow = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":2,"carrier":"顺丰速运","shipDate":"2026-12-02","version":%d}"""
                .formatted(order.get("version").asLong())));
        clock.set(shanghai("2026-12-04T11:00"));
        expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments/1/waybill",
                "{\"waybillNumber\":\"SF2\",\"version\":%d}".formatted(tomorrow.get("version").asLong())));

        assertThat(deadlines("D2", "OrderShipment", id + ":1")).containsExactly("MET " + shanghai("2026-12-01T09:00"));
        assertThat(jdbc.sql("select met_at > due_at from sop_deadline where rule_id = 'D2' and subject_id = :s")
                .param("s", id + ":1").query(Boolean.class).single()).as("met late").isTrue();
        var session = fixtures.session(mvc, reviewers().rep().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        String html = new String(mvc.get().uri("/orders/" + id + "?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("运单号逾期登记").doesNotContain("运单号按时登记");
    }

    @Test
    void D2_aWaybillGivenLessThanTheWindowBeforeItsShipDateIsMetLateWhateverDayTheShipmentIsRecorded() {
        JsonNode contract = signed("杭州订单当日发货科技有限公司");
        clock.set(shanghai("2026-12-07T10:00"));
        JsonNode order = order(contract);
        String id = order.get("id").asString();
        // D2 of the deadlines due from Friday 09:00 to Monday 09:00, both included, before these shipments
        String period = "from=2026-12-04T01:00:00Z&to=2026-12-07T01:00:01Z&groupBy=rule";
        JsonNode before = complianceRow("D2", period);
        // by the policy a Monday shipment's waybill was due the Friday before and a Tuesday one's at 09:00 today:
        // given with the shipment at 10:00 on Monday, neither came a business day before its ship date
        JsonNode monday = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":2,"carrier":"顺丰速运","waybillNumber":"SF-M","shipDate":"2026-12-07","version":%d}"""
                .formatted(order.get("version").asLong())));
        JsonNode tuesday = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":2,"carrier":"顺丰速运","waybillNumber":"SF-T","shipDate":"2026-12-08","version":%d}"""
                .formatted(monday.get("version").asLong())));
        // recorded on Tuesday for Monday's goods (backdated), waybill and all
        clock.set(shanghai("2026-12-08T10:00"));
        expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":2,"carrier":"顺丰速运","waybillNumber":"SF-B","shipDate":"2026-12-07","version":%d}"""
                .formatted(tuesday.get("version").asLong())));

        for (String[] shipment : new String[][] {{"1", "2026-12-04T09:00"}, {"2", "2026-12-07T09:00"},
                {"3", "2026-12-04T09:00"}}) {
            assertThat(deadlines("D2", "OrderShipment", id + ":" + shipment[0])).as(shipment[0])
                    .as("due the policy's window before the ship date, however late the shipment is recorded")
                    .containsExactly("MET " + shanghai(shipment[1]));
            assertThat(jdbc.sql("select met_at > due_at from sop_deadline where rule_id = 'D2' and subject_id = :s")
                    .param("s", id + ":" + shipment[0]).query(Boolean.class).single()).as("met late").isTrue();
        }
        JsonNode after = complianceRow("D2", period);
        assertThat(after.get("met").asLong()).as("none on time").isEqualTo(before == null ? 0 : before.get("met").asLong());
        assertThat(after.get("breached").asLong()).as("all three late")
                .isEqualTo((before == null ? 0 : before.get("breached").asLong()) + 3);
        var session = fixtures.session(mvc, reviewers().rep().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        String html = new String(mvc.get().uri("/orders/" + id + "?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("运单号逾期登记（截止 2026-12-04 09:00）", "运单号逾期登记（截止 2026-12-07 09:00）")
                .doesNotContain("运单号按时登记");
    }

    /** The compliance report's row of one rule for a period, as the admin reads it; null when it has none. */
    private JsonNode complianceRow(String rule, String query) {
        JsonNode body = customers.getJson(mvc, "Bearer " + fixtures.token(mvc, "admin"), "/api/v1/compliance?" + query);
        return body.get("rows").valueStream().filter(r -> rule.equals(r.get("key").asString())).findFirst().orElse(null);
    }

    @Test
    void D1_theOwningRepChecksDeliveryProgressEveryWeekAndEachNoteOpensTheNextWeek() {
        JsonNode order = order("杭州订单二号科技有限公司");
        String id = order.get("id").asString();
        assertThat(deadlines("D1", "Order", id)).containsExactly("OPEN " + TestClock.START.plus(Duration.ofDays(7)));

        clock.set(TestClock.START.plus(Duration.ofDays(3)));
        expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/progress-notes", "{\"note\":\"已与仓库确认，下周一发货\"}"));

        assertThat(deadlines("D1", "Order", id)).containsExactly("MET " + TestClock.START.plus(Duration.ofDays(7)),
                "OPEN " + TestClock.START.plus(Duration.ofDays(10)));
        JsonNode withNote = customers.getJson(mvc, rep(), "/api/v1/orders/" + id);
        assertThat(withNote.get("progressNotes")).as("the notes the page shows").singleElement()
                .satisfies(n -> assertThat(n.get("note").asString()).isEqualTo("已与仓库确认，下周一发货"));
        assertThat(withNote.get("number").asString()).as("SPEC's fields kept").isEqualTo(order.get("number").asString());
        assertThat(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/progress-notes", "{\"note\":\"x\"}"))
                .as("the owning rep's check, not operations' part").hasStatus(403);

        var session = fixtures.session(mvc, reviewers().rep().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        for (String lang : new String[] {"zh-CN", "en"}) {
            for (String path : new String[] {"/orders", "/orders/" + id}) {
                var page = mvc.get().uri(path + "?lang=" + lang).cookie(session).exchange();
                assertThat(page).as(path + " " + lang).hasStatusOk();
                String html = new String(page.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(html).as(path + " " + lang).doesNotContain("??").contains(order.get("number").asString());
            }
        }
        clock.set(TestClock.START.plus(Duration.ofDays(5)));
        var posted = mvc.post().uri("/orders/" + id + "/progress-notes").with(csrf()).cookie(session)
                .param("note", "物流在途，预计周五到").exchange();
        assertThat(posted).hasStatus3xxRedirection();
        assertThat(deadlines("D1", "Order", id)).last().isEqualTo("OPEN " + TestClock.START.plus(Duration.ofDays(12)));
        String html = new String(mvc.get().uri("/orders/" + id + "?lang=en").cookie(session).exchange().getResponse()
                .getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("物流在途，预计周五到", "已与仓库确认，下周一发货");
    }

    @Test
    void aRefusedActionNamesTheActionAndTheStateInTheReadersLanguageNotTheirCodes() {
        JsonNode order = order("杭州订单拒绝措辞科技有限公司");
        String id = order.get("id").asString();
        for (String[] lang : new String[][] {{"en", "Recording the delivery", "Created"}, {"zh-CN", "登记到货", "已创建"}}) {
            // nothing shipped yet: the order's state refuses it to anyone (422)
            MvcTestResult refused = mvc.post().uri("/api/v1/orders/" + id + "/delivery")
                    .header(HttpHeaders.AUTHORIZATION, operations()).header(HttpHeaders.ACCEPT_LANGUAGE, lang[0])
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content("{\"deliveredOn\":\"2026-12-01\",\"version\":%d}".formatted(order.get("version").asLong())).exchange();
            assertThat(refused).as(lang[0]).hasStatus(422);
            assertThat(refused).bodyJson().extractingPath("$.detail").asString().as(lang[0])
                    .contains(lang[1], lang[2]).doesNotContain("DELIVER").doesNotContain("CREATED");
        }
        for (String[] lang : new String[][] {{"en", "Recording delivery progress"}, {"zh-CN", "记录交付进展"}}) {
            // the state allows it, but it is the rep's part, not operations' (403), and says so
            MvcTestResult notTheirs = mvc.post().uri("/api/v1/orders/" + id + "/progress-notes")
                    .header(HttpHeaders.AUTHORIZATION, operations()).header(HttpHeaders.ACCEPT_LANGUAGE, lang[0])
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"note\":\"x\"}").exchange();
            assertThat(notTheirs).as(lang[0]).hasStatus(403);
            assertThat(notTheirs).bodyJson().extractingPath("$.detail").asString().as(lang[0])
                    .contains(lang[1]).doesNotContain("RECORD_PROGRESS").doesNotContain("CREATED");
        }
    }

    /**
     * Decision 0014's order: operations, whose part the progress note, telling the customer of a delay and the
     * acceptance link never are, get 403 from the route before their body (400) or the order's id (404) is read —
     * said in the order's words, not a generic "not allowed" — while the rep's requests are read and taken as before.
     */
    @Test
    void theRepsActionsRefuseOperationsBeforeTheBodyOrTheIdIsReadAndTheRepStillTakesThem() {
        JsonNode order = order("杭州订单角色在先科技有限公司");
        String id = order.get("id").asString();
        String orders = "/api/v1/orders/";
        String unknown = orders + java.util.UUID.randomUUID();
        String progress = "Recording delivery progress";
        String link = "Sending the acceptance for confirmation";
        Map<String, String[]> refused = new TreeMap<>();
        refused.put("progress, unreadable body", new String[] {orders + id + "/progress-notes", "{\"note\":", progress});
        refused.put("progress, unknown field", new String[] {orders + id + "/progress-notes", "{\"text\":\"x\"}", progress});
        refused.put("progress, no body", new String[] {orders + id + "/progress-notes", null, progress});
        refused.put("progress, unknown order", new String[] {unknown + "/progress-notes", "{\"note\":\"x\"}", progress});
        refused.put("customer told, unknown order", new String[] {unknown + "/delays/customer-told", null, progress});
        refused.put("customer told, garbled id", new String[] {orders + "not-an-id/delays/customer-told", null, progress});
        refused.put("link, garbled contact", new String[] {orders + id + "/acceptance/send", "{\"contactId\":\"nobody\"}", link});
        refused.put("link, no body", new String[] {orders + id + "/acceptance/send", null, link});
        refused.put("link, unknown order", new String[] {unknown + "/acceptance/send", "{}", link});
        refused.forEach((what, route) -> {
            MvcTestResult answer = postAs(operations(), route[0], route[1]);
            assertThat(answer).as(what).hasStatus(403);
            assertThat(answer).bodyJson().extractingPath("$.code").as(what).isEqualTo("order.action.notYours");
            assertThat(answer).bodyJson().extractingPath("$.detail").asString().as(what).contains(route[2]);
        });

        // the rep's requests pass the route and are read: a bad body is 400, the order's state 422, as before
        assertThat(postAs(rep(), orders + id + "/progress-notes", "{\"note\":")).hasStatus(400);
        expectOk(customers.post(mvc, rep(), orders + id + "/progress-notes", "{\"note\":\"已与仓库确认\"}"));
        assertThat(postAs(rep(), orders + id + "/delays/customer-told", null)).as("no delay to tell of").hasStatus(422);
        // a contact without an address: the delay e-mails nobody, so the rep tells the customer (D3)
        jdbc.sql("update customer_contact set email = null, email_normalized = null where customer_id = :c")
                .param("c", java.util.UUID.fromString(order.get("customerId").asString())).update();
        JsonNode delayed = expectOk(customers.post(mvc, rep(), orders + id + "/delays", "{\"promisedDate\":\"2026-12-28\","
                + "\"reason\":\"供应商停产\",\"version\":%d}".formatted(order.get("version").asLong())));
        assertThat(delayed.get("customerEmailed").asBoolean()).isFalse();
        JsonNode told = expectOk(postAs(rep(), orders + id + "/delays/customer-told", null));
        assertThat(told.get("promises").get(1).get("customerToldAt").isNull()).as("told by the rep").isFalse();
        assertThat(deadlines("D3", "OrderDelay", id + ":2")).singleElement().satisfies(d -> assertThat(d).startsWith("MET"));
        JsonNode shipped = shippedWhole(told, "顺丰速运", "SF-ROLES");
        expectOk(customers.post(mvc, rep(), orders + id + "/delivery",
                "{\"deliveredOn\":\"2026-12-05\",\"version\":%d}".formatted(shipped.get("version").asLong())));
        assertThat(postAs(rep(), orders + id + "/acceptance/send", "{\"contactId\":\"nobody\"}")).hasStatus(400);
        String contact = jdbc.sql("select id from customer_contact where customer_id = :c")
                .param("c", java.util.UUID.fromString(order.get("customerId").asString())).query(String.class).single();
        assertThat(expectOk(customers.post(mvc, rep(), orders + id + "/acceptance/send", "{\"contactId\":\"" + contact + "\"}"))
                .get("confirmation").get("url").asString()).contains("/c/");
    }

    /** A JSON post in English, with {@code body} as sent (none when null). */
    @Test
    void everyStepRefusedAtItsRouteSaysInTheOrdersWordsThatItIsNotTheCallersPart() {
        String order = "/api/v1/orders/" + java.util.UUID.randomUUID();
        String finance = customers.bearer(mvc, reviewers().finance());
        Map<String, String[]> refused = new TreeMap<>();
        refused.put("rep prepares", new String[] {rep(), order + "/preparation", "Starting preparation"});
        refused.put("rep ships", new String[] {rep(), order + "/shipments", "Recording a shipment"});
        refused.put("rep records a waybill", new String[] {rep(), order + "/shipments/1/waybill", "Recording a waybill"});
        refused.put("rep cancels a shipment", new String[] {rep(), order + "/shipments/1/cancellation",
                "Cancelling a booked shipment"});
        refused.put("finance delays", new String[] {finance, order + "/delays", "Delaying the delivery"});
        refused.put("finance delivers", new String[] {finance, order + "/delivery", "Recording the delivery"});
        refused.forEach((what, route) -> {
            MvcTestResult answer = postAs(route[0], route[1], "{");
            assertThat(answer).as(what).hasStatus(403);
            assertThat(answer).bodyJson().extractingPath("$.code").as(what).isEqualTo("order.action.notYours");
            assertThat(answer).bodyJson().extractingPath("$.detail").asString().as(what).contains(route[2]);
        });
        MvcTestResult acceptance = mvc.post().uri(order + "/acceptance").multipart()
                .header(HttpHeaders.AUTHORIZATION, operations()).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange();
        assertThat(acceptance).as("operations records no acceptance").hasStatus(403);
        assertThat(acceptance).bodyJson().extractingPath("$.detail").asString().contains("Recording the acceptance");
    }

    private MvcTestResult postAs(String token, String uri, String body) {
        var request = mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return (body == null ? request : request.content(body)).exchange();
    }

    @Test
    void anOrderNotFoundIsNamedInTheReadersWordsNotByItsTypeInCode() {
        for (String[] lang : new String[][] {{"en", "Order "}, {"zh-CN", "未找到订单"}}) {
            MvcTestResult missing = mvc.get().uri("/api/v1/orders/" + java.util.UUID.randomUUID())
                    .header(HttpHeaders.AUTHORIZATION, rep()).header(HttpHeaders.ACCEPT_LANGUAGE, lang[0]).exchange();
            assertThat(missing).as(lang[0]).hasStatus(404);
            assertThat(missing).bodyJson().extractingPath("$.detail").asString().as(lang[0]).contains(lang[1]);
        }
        MvcTestResult zh = mvc.get().uri("/api/v1/orders/" + java.util.UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, rep()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        assertThat(zh).bodyJson().extractingPath("$.detail").asString().doesNotContain("Order");
    }

    @Test
    void D3_aDelayRecordsTheNewDateKeepsTheHistoryAndEmailsTheCustomerContactTheSameDay() {
        JsonNode order = order("杭州订单三号科技有限公司");
        String id = order.get("id").asString();

        JsonNode delayed = expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delays",
                "{\"promisedDate\":\"2026-12-28\",\"reason\":\"芯片到货延迟\",\"version\":%d}".formatted(order.get("version").asLong())));

        assertThat(delayed.get("customerEmailed").asBoolean()).isTrue();
        JsonNode o = delayed.get("order");
        assertThat(o.get("promisedDate").asString()).isEqualTo("2026-12-28");
        assertThat(o.get("promises")).extracting(p -> p.get("promisedDate").asString()).containsExactly("2026-12-20", "2026-12-28");
        assertThat(o.get("promises").get(1).get("reason").asString()).isEqualTo("芯片到货延迟");
        assertThat(deadlines("D3", "OrderDelay", id + ":2")).singleElement().satisfies(d -> assertThat(d).startsWith("MET"));
        // other tests delay their orders to the same contact: this order's e-mail, by its number
        assertThat(jdbc.sql("select body from notification_outbound_email where to_address = 'wang@example.test' and kind = 'order.delay'"
                        + " and position(:number in body) > 0").param("number", o.get("number").asString())
                .query(String.class).list()).singleElement().satisfies(body -> assertThat(body).contains("2026-12-28", "芯片到货延迟"));
        assertThat(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delays",
                "{\"promisedDate\":\"2026-12-27\",\"reason\":\"再议\",\"version\":%d}".formatted(o.get("version").asLong())))
                .as("a delay moves the date later").hasStatus(422);
    }

    @Test
    void theCustomerAcceptsOnlineThroughTheLinkTheCustomerIsDeliveredAndTheAcceptancePaymentFallsDue() throws Exception {
        JsonNode order = order("杭州订单四号科技有限公司");
        String id = order.get("id").asString();
        JsonNode shipped = shippedWhole(order, "顺丰速运", "SF1");
        JsonNode delivered = expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delivery",
                "{\"deliveredOn\":\"2026-12-05\",\"version\":%d}".formatted(shipped.get("version").asLong())));
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        String contact = jdbc.sql("select id from customer_contact where customer_id = :c")
                .param("c", java.util.UUID.fromString(order.get("customerId").asString())).query(String.class).single();

        String englishReader = customers.json(SalesTestSupport.expect(customers.post(mvc, rep(), "/api/v1/customers/"
                + order.get("customerId").asString() + "/contacts", "{\"name\":\"Mr Smith\",\"email\":\"smith@example.test\"}"),
                201)).get("id").asString();
        MvcTestResult french = customers.post(mvc, rep(), "/api/v1/orders/" + id + "/acceptance/send",
                "{\"contactId\":\"" + englishReader + "\",\"locale\":\"fr\"}");
        assertThat(french).as("a language documents are not written in is refused, not answered in Chinese")
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(french).bodyJson().extractingPath("$.errors[0].field").isEqualTo("locale");
        assertThat(jdbc.sql("select count(*) from confirmation_confirmation where subject_type = 'OrderAcceptance' "
                + "and subject_id = :o").param("o", id).query(Integer.class).single()).isZero();
        expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/acceptance/send",
                "{\"contactId\":\"" + englishReader + "\",\"locale\":\"en\"}"));
        JsonNode sent = expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/acceptance/send",
                "{\"contactId\":\"" + contact + "\"}"));
        assertThat(jdbc.sql("select title from confirmation_confirmation where subject_type = 'OrderAcceptance' "
                        + "and subject_id = :o order by locale").param("o", id).query(String.class).list())
                .as("the document in the language asked for, Chinese when none is")
                .containsExactly("Acceptance of order " + order.get("number").asString(),
                        "订单 " + order.get("number").asString() + " 验收单");
        String url = sent.get("confirmation").get("url").asString();
        String path = url.substring(url.indexOf("/c/"));
        MvcTestResult answered = mvc.post().uri(path).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").with(csrf())
                .param("outcome", "CONFIRMED").param("name", "王经理").exchange();
        assertThat(answered).hasStatus3xxRedirection();

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "ACCEPTED".equals(customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("status").asString()));
        JsonNode accepted = customers.getJson(mvc, rep(), "/api/v1/orders/" + id);
        assertThat(accepted.get("acceptance").get("signedBy").asString()).isEqualTo("王经理");
        assertThat(accepted.get("acceptance").get("acceptedOn").asString()).isEqualTo("2026-12-05");
        assertThat(customers.getJson(mvc, rep(), "/api/v1/customers/" + order.get("customerId").asString())
                .get("status").asString()).isEqualTo("DELIVERED");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode plans = customers.getJson(mvc, rep(), "/api/v1/receivables?contractId=" + order.get("contractId").asString());
            for (JsonNode p : plans.get("items")) {
                if ("ACCEPTANCE".equals(p.get("type").asString())) {
                    return "2027-01-04".equals(p.get("dueDate").asString()); // 30 days after acceptance
                }
            }
            return false;
        });
        assertThat(deadlines("D1", "Order", id)).as("no more progress checks").allSatisfy(d -> assertThat(d).doesNotStartWith("OPEN"));
        await().atMost(Duration.ofSeconds(20)).alias("the contact who accepted is asked how satisfied they are")
                .until(() -> jdbc.sql("""
                        select count(*) from aftersales_survey s join confirmation_confirmation c on c.id = s.confirmation_id
                        where s.occasion = 'ORDER_ACCEPTED' and s.subject_id = :o and s.rep_id = :rep
                          and s.product_line = '安防' and c.recipient_contact_id = :contact""")
                        .param("o", java.util.UUID.fromString(id)).param("rep", reviewers().rep().id())
                        .param("contact", java.util.UUID.fromString(contact)).query(Integer.class).single() == 1);
    }

    @Test
    void anAcceptanceConfirmedOnlineStatesItsResultsInTheReadersLanguageOnTheApiAndTheOrdersPage() {
        JsonNode order = order("杭州订单在线验收语言科技有限公司");
        String id = order.get("id").asString();
        JsonNode shipped = shippedWhole(order, "顺丰速运", "SF93");
        expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delivery",
                "{\"deliveredOn\":\"2026-12-05\",\"version\":%d}".formatted(shipped.get("version").asLong())));
        String contact = jdbc.sql("select id from customer_contact where customer_id = :c")
                .param("c", java.util.UUID.fromString(order.get("customerId").asString())).query(String.class).single();
        String url = expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/acceptance/send",
                "{\"contactId\":\"" + contact + "\"}")).get("confirmation").get("url").asString();
        assertThat(mvc.post().uri(url.substring(url.indexOf("/c/"))).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(csrf()).param("outcome", "CONFIRMED").param("name", "王经理").exchange()).hasStatus3xxRedirection();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "ACCEPTED".equals(customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("status").asString()));

        JsonNode english = customers.json(mvc.get().uri("/api/v1/orders/" + id).header(HttpHeaders.AUTHORIZATION, rep())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()).get("acceptance");
        assertThat(english.get("quantity").asString()).isEqualTo("Received in full (confirmed online)");
        assertThat(english.get("quality").asString()).isEqualTo("Accepted (confirmed online)");
        JsonNode chinese = customers.json(mvc.get().uri("/api/v1/orders/" + id).header(HttpHeaders.AUTHORIZATION, rep())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange()).get("acceptance");
        assertThat(chinese.get("quantity").asString()).isEqualTo("全部收到（在线确认）");
        assertThat(chinese.get("quality").asString()).isEqualTo("验收合格（在线确认）");

        jakarta.servlet.http.Cookie session = customers.session(mvc, reviewers().rep());
        assertThat(ordersPage(session, id, "en")).contains("Received in full (confirmed online) · Accepted (confirmed online)")
                .doesNotContain("全部收到");
        assertThat(ordersPage(session, id, "zh-CN")).contains("全部收到（在线确认） · 验收合格（在线确认）");
    }

    /**
     * Walk finding: the acceptance card named who signed online with no word that it was not the recipient, while the
     * confirmation lists below it mark such an answer. The card marks it alike and says whom the link was sent to; an
     * acceptance signed with the recipient's own name is not marked.
     */
    @Test
    void anAcceptanceSignedOnlineWithANameNotTheRecipientsSaysSoOnTheOrdersAcceptanceCard() {
        jakarta.servlet.http.Cookie session = customers.session(mvc, reviewers().rep());
        // both signed before either is delivered (a delivery moves the test clock on past the day contracts sign)
        Map<String, JsonNode> orders = new TreeMap<>();
        for (String company : List.of("杭州订单代签验收科技有限公司", "杭州订单本人验收科技有限公司")) {
            orders.put(company, order(company));
        }
        for (String company : orders.keySet()) {
            boolean other = company.contains("代签");
            JsonNode order = orders.get(company);
            String id = order.get("id").asString();
            JsonNode shipped = shippedWhole(order, "顺丰速运", other ? "SF94" : "SF95");
            expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delivery",
                    "{\"deliveredOn\":\"2026-12-05\",\"version\":%d}".formatted(shipped.get("version").asLong())));
            java.util.Map<String, Object> contact = jdbc.sql("select cast(id as varchar) as id, name from customer_contact "
                    + "where customer_id = :c").param("c", java.util.UUID.fromString(order.get("customerId").asString()))
                    .query().singleRow();
            String recipient = (String) contact.get("name");
            String url = expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/acceptance/send",
                    "{\"contactId\":\"" + contact.get("id") + "\"}")).get("confirmation").get("url").asString();
            String signer = other ? recipient + "的同事" : recipient;
            assertThat(mvc.post().uri(url.substring(url.indexOf("/c/"))).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                    .with(csrf()).param("outcome", "CONFIRMED").param("name", signer).exchange())
                    .hasStatus3xxRedirection();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "ACCEPTED".equals(customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("status").asString()));
            String zh = ordersPage(session, id, "zh-CN");
            String en = ordersPage(session, id, "en");
            String card = zh.substring(zh.indexOf("id=\"accepted-by\""), zh.indexOf("id=\"acceptance-results\""));
            assertThat(card).as(company).contains(signer);
            // the API's acceptance says it as the confirmation's answer does (nameMatchesRecipient)
            JsonNode acceptance = customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("acceptance");
            assertThat(acceptance.get("signedBy").asString()).as(company).isEqualTo(signer);
            assertThat(acceptance.get("nameMatchesRecipient").isBoolean()).as(company).isTrue();
            assertThat(acceptance.get("nameMatchesRecipient").asBoolean()).as(company).isEqualTo(!other);
            if (other) {
                assertThat(card).contains("accepted-by-name-differs", "与收件人姓名不一致", "收件人：" + recipient);
                assertThat(en).contains("accepted-by-name-differs", "not the recipient name", "Sent to " + recipient + ".");
            } else {
                assertThat(card).doesNotContain("accepted-by-name-differs", "与收件人姓名不一致");
            }
        }
    }

    private String ordersPage(jakarta.servlet.http.Cookie session, String id, String lang) {
        MvcTestResult page = mvc.get().uri("/orders/" + id + "?lang=" + lang).cookie(session).exchange();
        assertThat(page).hasStatusOk();
        return new String(page.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aTerminatedContractStopsItsOrdersNotYetShippedAndOffersNoAcceptanceOfThoseOnTheRoadAndOperationsIsTold() {
        JsonNode contract = contracts.sign(mvc, reviewers(), "杭州合同终止订单科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String orderBody = """
                {"contractId":"%s","lines":[{"productId":"%s","quantity":5}],"address":"杭州市西湖区文三路 1 号",
                 "consignee":"王经理","consigneePhone":"13800000000","promisedDate":"2026-12-20"}"""
                .formatted(contract.get("id").asString(), product);
        JsonNode waiting = customers.json(SalesTestSupport.expect(customers.post(mvc, rep(), "/api/v1/orders", orderBody), 201));
        JsonNode onTheRoad = customers.json(SalesTestSupport.expect(customers.post(mvc, rep(), "/api/v1/orders", orderBody), 201));
        String waitingId = waiting.get("id").asString();
        String onTheRoadId = onTheRoad.get("id").asString();
        expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + onTheRoadId + "/shipments", """
                {"line":1,"quantity":5,"carrier":"顺丰速运","waybillNumber":"SF-T1","shipDate":"2026-12-01","version":%d}"""
                .formatted(onTheRoad.get("version").asLong())));
        JsonNode arrived = customers.json(SalesTestSupport.expect(customers.post(mvc, rep(), "/api/v1/orders", orderBody), 201));
        String arrivedId = arrived.get("id").asString();
        JsonNode arrivedShipped = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + arrivedId + "/shipments", """
                {"line":1,"quantity":5,"carrier":"顺丰速运","waybillNumber":"SF-T2","shipDate":"2026-12-01","version":%d}"""
                .formatted(arrived.get("version").asLong())));
        expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + arrivedId + "/delivery",
                "{\"deliveredOn\":\"2026-12-01\",\"version\":%d}".formatted(arrivedShipped.get("version").asLong())));
        String contact = jdbc.sql("select id from customer_contact where customer_id = :c")
                .param("c", java.util.UUID.fromString(contract.get("customerId").asString())).query(String.class).single();
        JsonNode acceptanceLink = expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + arrivedId + "/acceptance/send",
                "{\"contactId\":\"" + contact + "\"}")).get("confirmation");
        String linkPath = acceptanceLink.get("url").asString().substring(acceptanceLink.get("url").asString().indexOf("/c/"));

        expectOk(customers.post(mvc, customers.bearer(mvc, reviewers().manager()),
                "/api/v1/contracts/" + contract.get("id").asString() + "/termination",
                "{\"reason\":\"客户取消\",\"effectiveOn\":\"2026-12-02\",\"version\":%d}"
                        .formatted(customers.getJson(mvc, rep(), "/api/v1/contracts/" + contract.get("id").asString())
                                .get("version").asLong())));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                customers.getJson(mvc, operations(), "/api/v1/orders/" + waitingId).get("contractTerminatedOn").asString())
                .isEqualTo("2026-12-02"));
        JsonNode stopped = customers.getJson(mvc, operations(), "/api/v1/orders/" + waitingId);
        assertThat(stopped.get("status").asString()).as("SPEC's states, no new one").isEqualTo("CREATED");
        assertThat(stopped.get("actions")).as("nothing to prepare or ship").isEmpty();
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders/" + waitingId).get("actions")).isEmpty();
        for (String[] lang : new String[][] {{"en", "The contract was terminated"}, {"zh-CN", "合同已终止"}}) {
            MvcTestResult refused = mvc.post().uri("/api/v1/orders/" + waitingId + "/shipments")
                    .header(HttpHeaders.AUTHORIZATION, operations()).header(HttpHeaders.ACCEPT_LANGUAGE, lang[0])
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content("""
                            {"line":1,"quantity":5,"carrier":"顺丰速运","shipDate":"2026-12-03","version":%d}"""
                            .formatted(stopped.get("version").asLong())).exchange();
            assertThat(refused).as(lang[0]).hasStatus(422);
            assertThat(refused).bodyJson().extractingPath("$.detail").asString().as(lang[0]).contains(lang[1]);
        }
        assertThat(customers.post(mvc, operations(), "/api/v1/orders/" + waitingId + "/preparation",
                "{\"version\":%d}".formatted(stopped.get("version").asLong()))).hasStatus(422);
        assertThat(deadlines("D1", "Order", waitingId)).singleElement().asString().startsWith("CANCELLED");
        assertThat(deadlines("D1", "Order", onTheRoadId)).singleElement().asString().startsWith("CANCELLED");
        // the acceptance link the customer got before the termination is withdrawn: it says so and takes no answer, in
        // the contact's language (Chinese) whatever the browser asks, or in the one the reader picks (0089)
        for (String[] lang : new String[][] {{"?lang=en", "This request was withdrawn"}, {"", "此确认请求已撤回"}}) {
            MvcTestResult opened = mvc.get().uri(linkPath + lang[0]).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange();
            assertThat(opened).as(lang[0]).hasStatus(HttpStatus.GONE);
            assertThat(new String(opened.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                    .as(lang[0])
                    .contains(lang[1]).doesNotContain("name=\"outcome\"");
        }
        assertThat(mvc.post().uri(linkPath).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").with(csrf())
                .param("outcome", "CONFIRMED").param("name", "王经理").exchange()).as("says it was withdrawn")
                .hasStatus(HttpStatus.GONE);
        assertThat(customers.getJson(mvc, rep(), "/api/v1/confirmations/" + acceptanceLink.get("id").asString())
                .get("state").asString()).isEqualTo("WITHDRAWN");

        JsonNode delivered = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + onTheRoadId + "/delivery",
                "{\"deliveredOn\":\"2026-12-01\",\"version\":%d}".formatted(
                        customers.getJson(mvc, operations(), "/api/v1/orders/" + onTheRoadId).get("version").asLong())));
        assertThat(delivered.get("status").asString()).as("the goods on the road still arrive").isEqualTo("DELIVERED");
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders/" + onTheRoadId).get("actions"))
                .extracting(JsonNode::asString).doesNotContain("ACCEPT", "SEND_ACCEPTANCE");
        assertThat(customers.post(mvc, rep(), "/api/v1/orders/" + onTheRoadId + "/acceptance/send", "{}"))
                .hasStatus(422);

        assertThat(jdbc.sql("select link from notification_message where recipient_id = :ops "
                        + "and title_key = 'order.notify.contractTerminated' order by link")
                .param("ops", reviewers().operations().id()).query(String.class).list())
                .as("only the order the termination stopped; none for goods already shipped or delivered")
                .containsExactly("/orders/" + waitingId);
        // some goods left: what the customer owes for them is finance's to judge, no plan is closed; finance is told
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from notification_message "
                + "where kind = 'receivable.contractTerminated' and recipient_id = :finance")
                .param("finance", reviewers().finance().id()).query(Long.class).single() > 0);
        JsonNode plans = customers.getJson(mvc, customers.bearer(mvc, reviewers().finance()),
                "/api/v1/receivables?contractId=" + contract.get("id").asString()).get("items");
        assertThat(plans).hasSize(2).extracting(p -> p.get("state").asString()).doesNotContain("WRITTEN_OFF");

        var session = fixtures.session(mvc, reviewers().rep().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        String html = new String(mvc.get().uri("/orders/" + onTheRoadId + "?lang=zh-CN").cookie(session).exchange()
                .getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("合同已终止", "2026-12-02").doesNotContain("acceptance/send");
        String arrivedHtml = new String(mvc.get().uri("/orders/" + arrivedId + "?lang=en").cookie(session).exchange()
                .getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(arrivedHtml).as("the rep sees the link withdrawn").contains(">Withdrawn<");
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders/" + arrivedId).get("status").asString())
                .as("not accepted by the withdrawn link").isEqualTo("DELIVERED");
    }

    @Test
    void aTerminatedContractClosesItsOrdersRunningDeadlinesD1D2D3AsCancelledAndTheOrderRefusesAShipmentAndSaysSo()
            throws Exception {
        JsonNode contract = signed("杭州合同终止时限科技有限公司");
        JsonNode order = order(contract);
        String id = order.get("id").asString();
        // the customer's contact has no e-mail: the delay's D3 stays open until the rep tells them
        String contactId = jdbc.sql("select id from customer_contact where customer_id = :c")
                .param("c", java.util.UUID.fromString(contract.get("customerId").asString())).query(String.class).single();
        JsonNode contact = customers.getJson(mvc, rep(), "/api/v1/contacts/" + contactId);
        // a correction clears only what it sends as null (docs/decisions/0030)
        expectOk(customers.put(mvc, rep(), "/api/v1/contacts/" + contactId,
                "{\"email\":null,\"version\":%d}".formatted(contact.get("version").asLong())));
        // next Tuesday's shipment without its waybill: D2 due Monday 09:00
        JsonNode tuesday = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":4,"carrier":"顺丰速运","shipDate":"2026-12-08","version":%d}"""
                .formatted(order.get("version").asLong())));
        // today's shipment without its waybill: due by the end of today, still missing the next morning — late
        JsonNode tomorrow = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":2,"carrier":"顺丰速运","shipDate":"2026-12-01","version":%d}"""
                .formatted(tuesday.get("version").asLong())));
        clock.set(shanghai("2026-12-02T08:00"));
        JsonNode delayed = expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delays",
                "{\"promisedDate\":\"2026-12-28\",\"reason\":\"芯片到货延迟\",\"version\":%d}"
                        .formatted(tomorrow.get("version").asLong())));
        assertThat(delayed.get("customerEmailed").asBoolean()).isFalse();
        assertThat(deadlines("D1", "Order", id)).singleElement().asString().startsWith("OPEN");
        assertThat(deadlines("D2", "OrderShipment", id + ":1")).singleElement().asString().startsWith("OPEN");
        assertThat(deadlines("D3", "OrderDelay", id + ":2")).singleElement().asString().startsWith("OPEN");

        clock.set(shanghai("2026-12-02T09:00"));
        expectOk(customers.post(mvc, customers.bearer(mvc, reviewers().manager()),
                "/api/v1/contracts/" + contract.get("id").asString() + "/termination",
                "{\"reason\":\"客户取消\",\"effectiveOn\":\"2026-12-02\",\"version\":%d}"
                        .formatted(customers.getJson(mvc, rep(), "/api/v1/contracts/" + contract.get("id").asString())
                                .get("version").asLong())));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deadlines("D1", "Order", id)).singleElement().asString().startsWith("CANCELLED"));
        assertThat(deadlines("D2", "OrderShipment", id + ":1")).as("the waybill of goods that will not leave")
                .singleElement().asString().startsWith("CANCELLED");
        assertThat(deadlines("D3", "OrderDelay", id + ":2")).as("no customer to tell of a delay of a stopped order")
                .singleElement().asString().startsWith("CANCELLED");
        assertThat(deadlines("D2", "OrderShipment", id + ":2")).as("late before the termination: stays a breach")
                .singleElement().asString().doesNotStartWith("CANCELLED");

        JsonNode stopped = customers.getJson(mvc, operations(), "/api/v1/orders/" + id);
        assertThat(stopped.get("status").asString()).as("its status stays as history").isEqualTo("PREPARING");
        assertThat(stopped.get("contractTerminatedOn").asString()).isEqualTo("2026-12-02");
        for (String[] lang : new String[][] {{"en", "The contract was terminated"}, {"zh-CN", "合同已终止"}}) {
            MvcTestResult refused = mvc.post().uri("/api/v1/orders/" + id + "/shipments")
                    .header(HttpHeaders.AUTHORIZATION, operations()).header(HttpHeaders.ACCEPT_LANGUAGE, lang[0])
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content("""
                            {"line":1,"quantity":4,"carrier":"顺丰速运","shipDate":"2026-12-09","version":%d}"""
                            .formatted(stopped.get("version").asLong())).exchange();
            assertThat(refused).as(lang[0]).hasStatus(422);
            assertThat(refused).bodyJson().extractingPath("$.detail").asString().as(lang[0]).contains(lang[1]);
        }
        assertThat(customers.getJson(mvc, operations(), "/api/v1/orders/" + id).get("lines").get(0).get("shipped")
                .decimalValue()).as("nothing more shipped").isEqualByComparingTo("6");
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders?contractId=" + contract.get("id").asString())
                .get("items")).singleElement().satisfies(row ->
                        assertThat(row.get("contractTerminatedOn").asString()).isEqualTo("2026-12-02"));

        var session = fixtures.session(mvc, reviewers().rep().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        String page = new String(mvc.get().uri("/orders/" + id + "?lang=en").cookie(session).exchange()
                .getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"order-stopped\"", ">Contract terminated<", "Waybill deadline cancelled",
                "closed, not counted as late").doesNotContain("id=\"customer-told\"");
        String list = new String(mvc.get().uri("/orders?lang=zh-CN").cookie(session).exchange()
                .getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        String number = order.get("number").asString();
        assertThat(list).contains(number);
        String row = list.substring(list.indexOf(">" + number + "<"));
        assertThat(row.substring(0, row.indexOf("</tr>"))).as("the list marks the stopped order")
                .contains("备货中", ">合同已终止<");
        var exported = com.lead2cash.testing.ExportedWorkbook.rows(mvc, session, "/orders/export.xlsx?lang=en");
        assertThat(exported.stream().filter(r -> number.equals(r.getCellText(0))).findFirst().orElseThrow().getCellText(4))
                .as("the export as the list").isEqualTo("Preparing · Contract terminated");
    }

    @Test
    void theApiDocumentSaysTheAcceptancesVersionIsRequiredAsItIsAnswered428Without() {
        JsonNode document = customers.getJson(mvc, rep(), "/v3/api-docs");
        String acceptance = document.at("/paths/~1api~1v1~1orders~1{id}~1acceptance/post").toString();
        assertThat(acceptance).contains("Required: the order's version as read", "\"428\"");
    }

    @Test
    void anOrderWithAPhoneThatIsNoneAProductTwiceAndNoAddressIsRefusedWithEveryProblemAtOnce() {
        JsonNode contract = contracts.sign(mvc, reviewers(), "杭州订单多处错误科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":600000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
        for (String phone : new String[] {"abc", "1"}) {
            MvcTestResult refused = customers.post(mvc, rep(), "/api/v1/orders", """
                    {"contractId":"%s","lines":[{"productId":"%s","quantity":2},{"productId":"%s","quantity":3}],
                     "address":" ","consignee":"王经理","consigneePhone":"%s","promisedDate":"2026-11-01"}"""
                    .formatted(contract.get("id").asString(), product, product, phone));
            assertThat(refused).as(phone).hasStatus(422);
            assertThat(customers.json(refused).get("errors")).as(phone)
                    .extracting(e -> e.get("field").asString() + " " + e.get("code").asString())
                    .containsExactlyInAnyOrder("lines[1].productId order.line.duplicate", "address order.address.required",
                            "consigneePhone order.consigneePhone.invalid", "promisedDate order.promisedDate.past");
        }
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders?contractId=" + contract.get("id").asString())
                .get("items")).as("nothing stored").isEmpty();
        MvcTestResult landline = customers.post(mvc, rep(), "/api/v1/orders", """
                {"contractId":"%s","lines":[{"productId":"%s","quantity":2}],"address":"杭州市西湖区文三路 1 号",
                 "consignee":"王经理","consigneePhone":"0571-8888 6666","promisedDate":"2026-12-20"}"""
                .formatted(contract.get("id").asString(), product));
        assertThat(landline).as("a landline with its area code, as contacts take it").hasStatus(201);
    }

    /**
     * Audit of the walk's finding (a quote's 20 000 lines priced before their limit): an order's lines had no limit, and
     * on a contract drafted without a quote each was looked up in the catalogue, one query a line, with the contract
     * locked. More than 200 lines are refused for their count alone — had one been looked up, its unknown product would
     * be named —, and nothing is stored.
     */
    @Test
    void moreLinesThanAnOrderHasAreRefusedForTheirCountBeforeAnyIsLookedUpAndNothingIsStored() {
        JsonNode contract = signed("杭州订单行数过多科技有限公司");
        String lines = String.join(",", java.util.Collections.nCopies(201,
                "{\"productId\":\"" + java.util.UUID.randomUUID() + "\",\"quantity\":1}"));
        MvcTestResult refused = customers.post(mvc, rep(), "/api/v1/orders", """
                {"contractId":"%s","lines":[%s],"address":"杭州市西湖区文三路 1 号",
                 "consignee":"王经理","consigneePhone":"13800000000","promisedDate":"2026-12-20"}"""
                .formatted(contract.get("id").asString(), lines));
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("errors"))
                .extracting(e -> e.get("field").asString() + " " + e.get("code").asString())
                .containsExactly("lines order.lines.tooMany");
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders?contractId=" + contract.get("id").asString())
                .get("items")).as("nothing stored").isEmpty();
    }

    @Test
    void aShipDateBeyondTenYearsAheadOrThirtyBackIsRefusedAndNothingChanges() {
        JsonNode order = order("杭州订单七号科技有限公司");
        String id = order.get("id").asString();
        for (String refused : new String[] {"2199-01-01", "1900-01-01"}) {
            MvcTestResult answer = customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                    {"line":1,"quantity":10,"carrier":"顺丰速运","shipDate":"%s","version":%d}"""
                    .formatted(refused, order.get("version").asLong()));
            assertThat(answer).as(refused).hasStatus(422);
            JsonNode error = customers.json(answer).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("shipDate");
            assertThat(error.get("code").asString()).isEqualTo("order.shipment.shipDate.range");
        }
        JsonNode unchanged = customers.getJson(mvc, rep(), "/api/v1/orders/" + id);
        assertThat(unchanged.get("status").asString()).isEqualTo("CREATED");
        assertThat(unchanged.get("shipments")).isEmpty();
        assertThat(unchanged.get("version").asLong()).isEqualTo(order.get("version").asLong());
        assertThat(deadlines("D2", "OrderShipment", id + ":1")).isEmpty();
    }

    @Test
    void aDeliveryDatedBeforeTheShipmentLeftOrAfterTodayIsRefusedAndNothingChanges() {
        JsonNode order = order("杭州订单六号科技有限公司");
        String id = order.get("id").asString();
        JsonNode shipped = shippedWhole(order, "顺丰速运", "SF6");

        for (String[] refused : new String[][] {{"2026-12-02", "order.deliveredOn.beforeShipment"},
                {"2026-12-06", "order.deliveredOn.invalid"}}) {
            MvcTestResult answer = customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delivery",
                    "{\"deliveredOn\":\"%s\",\"version\":%d}".formatted(refused[0], shipped.get("version").asLong()));
            assertThat(answer).as(refused[0]).hasStatus(422);
            JsonNode error = customers.json(answer).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("deliveredOn");
            assertThat(error.get("code").asString()).isEqualTo(refused[1]);
        }
        JsonNode unchanged = customers.getJson(mvc, rep(), "/api/v1/orders/" + id);
        assertThat(unchanged.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(unchanged.get("deliveredOn").isNull()).isTrue();
        assertThat(unchanged.get("version").asLong()).isEqualTo(shipped.get("version").asLong());
    }

    @Test
    void anOrderBookedInFullForALaterDayIsNotShippedBeforeItsGoodsLeaveAndIsShippedOnThatDay() {
        JsonNode order = order("杭州订单八号科技有限公司");
        String id = order.get("id").asString();
        JsonNode booked = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":10,"carrier":"顺丰速运","waybillNumber":"SF8","shipDate":"2026-12-08","version":%d}"""
                .formatted(order.get("version").asLong())));
        assertThat(booked.get("status").asString()).as("not 已发货 before the goods leave").isEqualTo("PREPARING");
        assertThat(booked.get("actions")).extracting(JsonNode::asString).as("nothing left to ship")
                .doesNotContain("SHIP", "DELIVER");
        clock.set(shanghai("2026-12-05T10:00"));
        for (String day : new String[] {"2026-12-05", "2026-12-08"}) {
            MvcTestResult answer = customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delivery",
                    "{\"deliveredOn\":\"%s\",\"version\":%d}".formatted(day, booked.get("version").asLong()));
            assertThat(answer).as(day).hasStatus(422);
            assertThat(customers.json(answer).get("code").asString()).isEqualTo("order.deliver.notYet");
        }
        JsonNode unchanged = customers.getJson(mvc, rep(), "/api/v1/orders/" + id);
        assertThat(unchanged.get("status").asString()).isEqualTo("PREPARING");
        assertThat(unchanged.get("version").asLong()).isEqualTo(booked.get("version").asLong());

        clock.set(shanghai("2026-12-08T00:00"));
        goodsLeaveTaskRuns(id);
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("actions"))
                .extracting(JsonNode::asString).contains("DELIVER");
    }

    @Test
    void D3_aShipDateAfterThePromisedDateIsRefusedUntilADelayMovesThePromiseAndNothingChanges() {
        JsonNode order = order("杭州订单晚于承诺科技有限公司");
        String id = order.get("id").asString();
        for (String[] lang : new String[][] {{"en", "record a delay first"}, {"zh-CN", "请先登记延期"}}) {
            MvcTestResult refused = mvc.post().uri("/api/v1/orders/" + id + "/shipments")
                    .header(HttpHeaders.AUTHORIZATION, operations()).header(HttpHeaders.ACCEPT_LANGUAGE, lang[0])
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content("""
                            {"line":1,"quantity":1,"carrier":"顺丰速运","shipDate":"2026-12-21","version":%d}"""
                            .formatted(order.get("version").asLong())).exchange();
            assertThat(refused).as(lang[0]).hasStatus(422);
            JsonNode error = customers.json(refused).get("errors").get(0);
            assertThat(error.get("field").asString() + " " + error.get("code").asString())
                    .isEqualTo("shipDate order.shipment.afterPromised");
            assertThat(error.get("message").asString()).as(lang[0]).contains("2026-12-21", "2026-12-20", lang[1]);
        }
        JsonNode unchanged = customers.getJson(mvc, operations(), "/api/v1/orders/" + id);
        assertThat(unchanged.get("shipments")).isEmpty();
        assertThat(unchanged.get("lines").get(0).get("shipped").decimalValue()).isEqualByComparingTo("0");
        assertThat(unchanged.get("version").asLong()).isEqualTo(order.get("version").asLong());
        assertThat(deadlines("D2", "OrderShipment", id + ":1")).isEmpty();

        JsonNode onThePromise = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":4,"carrier":"顺丰速运","shipDate":"2026-12-20","version":%d}"""
                .formatted(order.get("version").asLong())));
        assertThat(onThePromise.get("shipments")).as("on the promised date itself").hasSize(1);
        JsonNode delayed = expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delays",
                "{\"promisedDate\":\"2026-12-28\",\"reason\":\"物流排期\",\"version\":%d}"
                        .formatted(onThePromise.get("version").asLong()))).get("order");
        JsonNode later = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":6,"carrier":"顺丰速运","shipDate":"2026-12-21","version":%d}"""
                .formatted(delayed.get("version").asLong())));
        assertThat(later.get("shipments")).as("the delay moved the promise: the same date is taken").hasSize(2);
    }

    @Test
    void aBookedShipmentThatHasNotLeftIsCancelledByOperationsWithAReasonAndItsQuantityShipsAgain() {
        JsonNode order = order("杭州订单取消预约科技有限公司");
        String id = order.get("id").asString();
        JsonNode delayed = expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delays",
                "{\"promisedDate\":\"2027-01-10\",\"reason\":\"客户要求\",\"version\":%d}"
                        .formatted(order.get("version").asLong()))).get("order");
        // a mistyped ship date: one booked far ahead, the rest leaving today
        JsonNode mistyped = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":1,"carrier":"顺丰速运","shipDate":"2027-01-07","version":%d}"""
                .formatted(delayed.get("version").asLong())));
        JsonNode rest = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":9,"carrier":"顺丰速运","waybillNumber":"SF-R","shipDate":"2026-12-01","version":%d}"""
                .formatted(mistyped.get("version").asLong())));
        assertThat(rest.get("status").asString()).as("held by the booked one").isEqualTo("PREPARING");
        assertThat(rest.get("actions")).extracting(JsonNode::asString).contains("CANCEL_SHIPMENT").doesNotContain("DELIVER");
        assertThat(rest.get("shipments")).extracting(s -> s.get("cancellable").asBoolean())
                .as("only the one that has not left").containsExactly(true, false);
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("shipments").get(0).get("cancellable")
                .asBoolean()).as("not the rep's to cancel").isFalse();
        long version = rest.get("version").asLong();
        String cancel = "/api/v1/orders/" + id + "/shipments/1/cancellation";

        assertThat(customers.post(mvc, rep(), cancel, "{}")).as("the role before the body (0014)").hasStatus(403);
        assertThat(customers.post(mvc, operations(), cancel, "{\"reason\":\"日期填错\"}")).as("no version").hasStatus(428);
        MvcTestResult noReason = customers.post(mvc, operations(), cancel,
                "{\"reason\":\" \",\"version\":%d}".formatted(version));
        assertThat(noReason).hasStatus(422);
        assertThat(customers.json(noReason).at("/errors/0/field").asString()).isEqualTo("reason");
        MvcTestResult left = customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments/2/cancellation",
                "{\"reason\":\"日期填错\",\"version\":%d}".formatted(version));
        assertThat(left).as("goods that left stay on record").hasStatus(422);
        assertThat(customers.json(left).get("code").asString()).isEqualTo("order.shipment.cancel.left");
        assertThat(customers.getJson(mvc, operations(), "/api/v1/orders/" + id).get("version").asLong())
                .as("refusals change nothing").isEqualTo(version);

        JsonNode cancelled = expectOk(customers.post(mvc, operations(), cancel,
                "{\"reason\":\"发货日期填错\",\"version\":%d}".formatted(version)));
        JsonNode first = cancelled.get("shipments").get(0);
        assertThat(first.get("cancelledAt").isNull()).isFalse();
        assertThat(first.get("cancelReason").asString()).isEqualTo("发货日期填错");
        assertThat(first.get("cancellable").asBoolean()).isFalse();
        assertThat(cancelled.get("lines").get(0).get("shipped").decimalValue()).as("its quantity is free")
                .isEqualByComparingTo("9");
        assertThat(cancelled.get("actions")).extracting(JsonNode::asString).contains("SHIP")
                .doesNotContain("CANCEL_SHIPMENT", "RECORD_WAYBILL");
        assertThat(deadlines("D2", "OrderShipment", id + ":1")).singleElement().asString().startsWith("CANCELLED");
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'order-goods-leave' and task_instance = :id")
                .param("id", id).query(Integer.class).single()).as("no goods wait to leave").isZero();
        assertThat(jdbc.sql("select detail from platform_audit_event where action = 'ORDER_SHIPMENT_CANCELLED' "
                + "and entity_id = :id").param("id", id).query(String.class).single())
                .contains("2027-01-07", "发货日期填错");
        JsonNode timeline = customers.getJson(mvc, rep(), "/api/v1/customers/" + order.get("customerId").asString()
                + "/timeline?size=100");
        assertThat(entries(timeline, java.util.Set.of("order"))).as("beside the shipment on the customer's timeline")
                .contains("order order.customerTimeline.SHIPMENT_CANCELLED", "order order.customerTimeline.SHIPPED");
        assertThat(timeline.get("items").toString()).contains("发货日期填错");
        MvcTestResult again = customers.post(mvc, operations(), cancel,
                "{\"reason\":\"再取消\",\"version\":%d}".formatted(cancelled.get("version").asLong()));
        assertThat(again).hasStatus(422);

        JsonNode shipped = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":1,"carrier":"顺丰速运","waybillNumber":"SF-L","shipDate":"2026-12-01","version":%d}"""
                .formatted(cancelled.get("version").asLong())));
        assertThat(shipped.get("status").asString()).as("the last goods left today").isEqualTo("SHIPPED");
        expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delivery",
                "{\"deliveredOn\":\"2026-12-01\",\"version\":%d}".formatted(shipped.get("version").asLong())));
    }

    @Test
    void D2_aShipmentBookedOnTheDayItLeavesWithoutItsWaybillIsOverdueAtOnceTheAdvanceNoticeWasMissed() {
        JsonNode order = order("杭州订单当日无运单科技有限公司");
        String id = order.get("id").asString();
        clock.set(shanghai("2026-12-03T10:00"));
        JsonNode shipped = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + id + "/shipments", """
                {"line":1,"quantity":10,"carrier":"顺丰速运","shipDate":"2026-12-03","version":%d}"""
                .formatted(order.get("version").asLong())));
        assertThat(shipped.get("status").asString()).as("leaving today").isEqualTo("SHIPPED");
        assertThat(deadlines("D2", "OrderShipment", id + ":1")).as("the policy's time (12-02 09:00) had passed")
                .containsExactly("OPEN " + shanghai("2026-12-02T09:00"));
        var session = fixtures.session(mvc, reviewers().operations().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        String html = new String(mvc.get().uri("/orders/" + id + "?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("运单号已逾期：截止 2026-12-02 09:00");
    }

    /** An order shipped whole and delivered, and the acceptance link sent to its customer's contact. */
    private record Sent(String orderId, JsonNode link) {
    }

    private Sent deliveredAndSent(String customerName, String waybill) {
        JsonNode order = order(customerName);
        String id = order.get("id").asString();
        JsonNode shipped = shippedWhole(order, "顺丰速运", waybill);
        expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delivery",
                "{\"deliveredOn\":\"2026-12-05\",\"version\":%d}".formatted(shipped.get("version").asLong())));
        String contact = jdbc.sql("select id from customer_contact where customer_id = :c")
                .param("c", java.util.UUID.fromString(order.get("customerId").asString())).query(String.class).single();
        return new Sent(id, expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/acceptance/send",
                "{\"contactId\":\"" + contact + "\"}")).get("confirmation"));
    }

    @Test
    void anAcceptanceOnThePaperFormWithdrawsTheOpenLinksAndALaterOnlineAnswerChangesNothingAndSaysSo() {
        Sent sent = deliveredAndSent("杭州订单纸质验收撤回科技有限公司", "SF-P1");
        String id = sent.orderId();
        JsonNode link = sent.link();
        String path = link.get("url").asString().substring(link.get("url").asString().indexOf("/c/"));
        assertThat(mvc.get().uri(path).exchange()).as("the customer opens the form").hasStatusOk();

        JsonNode accepted = expectOk(paperAcceptance(id));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(customers.getJson(mvc, rep(), "/api/v1/confirmations/" + link.get("id").asString())
                .get("state").asString()).isEqualTo("WITHDRAWN");

        // in the contact's language (Chinese) whatever the browser asks, or in the one the reader picks (0089)
        for (String[] lang : new String[][] {{"", "此确认请求已撤回"}, {"?lang=en", "This request was withdrawn"}}) {
            MvcTestResult late = mvc.post().uri(path + lang[0]).header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(csrf())
                    .param("outcome", "CHANGES_REQUESTED").param("name", "王经理").param("comment", "货物有损坏，不同意验收")
                    .exchange();
            assertThat(late).as(lang[0]).hasStatus(HttpStatus.GONE);
            assertThat(new String(late.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                    .as(lang[0]).contains(lang[1]).doesNotContain("name=\"outcome\"");
        }
        assertThat(customers.getJson(mvc, rep(), "/api/v1/confirmations/" + link.get("id").asString())
                .get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("select count(*) from notification_message where kind = 'confirmation.answered' and link = :l")
                .param("l", "/orders/" + id).query(Integer.class).single()).as("the rep is told of no answer").isZero();
        JsonNode still = customers.getJson(mvc, rep(), "/api/v1/orders/" + id);
        assertThat(still.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(still.get("acceptance").get("formFileId").isNull()).as("accepted on the paper form").isFalse();
        assertThat(still.get("acceptance").get("nameMatchesRecipient").isNull())
                .as("no name typed online to hold against a recipient").isTrue();
    }

    @Test
    void anOnlineAnswerAndThePaperFormAreTakenOneAfterTheOtherNeverBoth() {
        Sent sent = deliveredAndSent("杭州订单验收竞争科技有限公司", "SF-P2");
        String id = sent.orderId();
        JsonNode link = sent.link();
        java.util.UUID linkId = java.util.UUID.fromString(link.get("id").asString());

        // the customer's answer is in, the order not yet accepted by it (it follows the answer's commit): the paper
        // form comes second and is refused as a lost race, so only one acceptance is recorded
        jdbc.sql("update confirmation_confirmation set state = 'CONFIRMED', answered_at = now(), answered_name = '王经理' "
                + "where id = :id").param("id", linkId).update();
        MvcTestResult paper = paperAcceptance(id);
        assertThat(paper).hasStatus(HttpStatus.CONFLICT);
        assertThat(customers.json(paper).get("code").asString()).isEqualTo("order.acceptance.acceptedOnline");
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("status").asString()).isEqualTo("DELIVERED");

        // the other way round: the paper form first, then an answer through a link still open (as links were left before)
        jdbc.sql("update confirmation_confirmation set state = 'VIEWED', answered_at = null, answered_name = null "
                + "where id = :id").param("id", linkId).update();
        expectOk(paperAcceptance(id));
        jdbc.sql("update confirmation_confirmation set state = 'VIEWED', withdrawn_at = null where id = :id")
                .param("id", linkId).update();
        String path = link.get("url").asString().substring(link.get("url").asString().indexOf("/c/"));
        MvcTestResult online = mvc.post().uri(path).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").with(csrf())
                .param("outcome", "CONFIRMED").param("name", "王经理").exchange();
        assertThat(online).as("the order no longer waits for it: withdrawn, and the page says so").hasStatus(HttpStatus.GONE);
        assertThat(customers.getJson(mvc, rep(), "/api/v1/confirmations/" + linkId).get("state").asString())
                .isEqualTo("WITHDRAWN");
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("acceptance").get("formFileId").isNull())
                .as("the paper form's acceptance stands").isFalse();
    }

    /** The rep records the signed acceptance form of 2026-12-05 on the order's current version. */
    private MvcTestResult paperAcceptance(String id) {
        return mvc.post().uri("/api/v1/orders/" + id + "/acceptance").multipart()
                .file(new MockMultipartFile("form", "acceptance.pdf", "application/pdf", TestFiles.pdf(2048, 3)))
                .param("acceptedOn", "2026-12-05").param("signedBy", "王经理").param("quantity", "10 台全部收到")
                .param("quality", "合格").param("version", String.valueOf(
                        customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("version").asLong()))
                .header(HttpHeaders.AUTHORIZATION, rep()).exchange();
    }

    /**
     * The day has come by the test clock: the order's goods-leave task runs now instead of at its wall-clock time,
     * and the order is SHIPPED.
     */
    private void goodsLeaveTaskRuns(String id) {
        assertThat(jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = 'order-goods-leave' "
                + "and task_instance = :id").param("id", id).update()).as("the task was scheduled").isEqualTo(1);
        scheduler.scheduler().triggerCheckForDueExecutions();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "SHIPPED".equals(customers.getJson(mvc, rep(), "/api/v1/orders/" + id).get("status").asString()));
    }

    @Test
    void theAcceptanceFormIsUploadedSignedAndAnOrderOutsideScopeIsNotFound() {
        JsonNode order = order("杭州订单五号科技有限公司");
        String id = order.get("id").asString();
        JsonNode shipped = shippedWhole(order, "德邦物流", "DB1");
        JsonNode delivered = expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delivery",
                "{\"deliveredOn\":\"2026-12-04\",\"version\":%d}".formatted(shipped.get("version").asLong())));

        String version = String.valueOf(delivered.get("version").asLong());
        MvcTestResult unversioned = mvc.post().uri("/api/v1/orders/" + id + "/acceptance").multipart()
                .file(new MockMultipartFile("form", "acceptance.pdf", "application/pdf", TestFiles.pdf(2048, 3)))
                .param("acceptedOn", "2026-12-05").param("signedBy", "王经理").param("quantity", "10 台全部收到")
                .param("quality", "合格").header(HttpHeaders.AUTHORIZATION, rep()).exchange();
        assertThat(unversioned).as("accepted on the version read, or not at all").hasStatus(428);
        assertThat(customers.json(unversioned).get("code").asString()).isEqualTo("error.versionRequired");
        JsonNode unaccepted = customers.getJson(mvc, rep(), "/api/v1/orders/" + id);
        assertThat(unaccepted.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(unaccepted.get("version").asLong()).isEqualTo(delivered.get("version").asLong());
        MvcTestResult executable = mvc.post().uri("/api/v1/orders/" + id + "/acceptance").multipart()
                .file(new MockMultipartFile("form", "acceptance.pdf", "application/pdf", TestFiles.executable()))
                .param("acceptedOn", "2026-12-05").param("signedBy", "王经理").param("quantity", "10 台全部收到")
                .param("quality", "合格").header(HttpHeaders.AUTHORIZATION, rep()).header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .exchange();
        assertThat(executable).as("a renamed executable is no acceptance form").hasStatus(422);
        MvcTestResult noQuantity = mvc.post().uri("/api/v1/orders/" + id + "/acceptance").multipart()
                .file(new MockMultipartFile("form", "acceptance.pdf", "application/pdf", TestFiles.pdf(2048, 3)))
                .param("acceptedOn", "2026-12-05").param("signedBy", "王经理").param("quality", "合格")
                .header(HttpHeaders.AUTHORIZATION, rep()).header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .exchange();
        assertThat(noQuantity).as("a form field left out is named as the form's, not a query parameter").hasStatus(400);
        assertThat(customers.json(noQuantity).get("code").asString()).isEqualTo("error.missingField");
        assertThat(customers.json(noQuantity).get("errors").get(0).get("field").asString()).isEqualTo("quantity");
        MvcTestResult accepted = mvc.post().uri("/api/v1/orders/" + id + "/acceptance").multipart()
                .file(new MockMultipartFile("form", "acceptance.pdf", "application/pdf", TestFiles.pdf(2048, 3)))
                .param("acceptedOn", "2026-12-05").param("signedBy", "王经理").param("quantity", "10 台全部收到")
                .param("quality", "合格").param("remarks", "外包装完好").param("version", String.valueOf(delivered.get("version").asLong()))
                .header(HttpHeaders.AUTHORIZATION, rep()).exchange();
        JsonNode done = expectOk(accepted);
        assertThat(done.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(done.get("acceptance").get("formFileId").isNull()).isFalse();

        assertThat(customers.get(mvc, customers.bearer(mvc, reviewers().otherRep()), "/api/v1/orders/" + id)).hasStatus(404);
        assertThat(customers.getJson(mvc, customers.bearer(mvc, reviewers().otherRep()), "/api/v1/orders").get("items").size()).isZero();
        assertThat(customers.getJson(mvc, rep(), "/api/v1/orders?contractId=" + order.get("contractId").asString())
                .get("items").size()).isEqualTo(1);
    }

    @Test
    void aRefusedOrderTakesNoOrderNumberTheNextOrderGetsTheOneAfterTheLast() {
        JsonNode contract = contracts.signFromAcceptedQuote(mvc, reviewers(), "onum", "杭州订单编号科技有限公司", "2026-12-01");
        String gateway = contract.get("lines").get(0).get("productId").asString();
        String body = """
                {"contractId":"%s","lines":[{"productId":"%s","quantity":%d}],"address":"杭州",
                 "consignee":"王经理","consigneePhone":"13800000000","promisedDate":"2026-12-20"}""";
        String id = contract.get("id").asString();
        MvcTestResult first = customers.post(mvc, rep(), "/api/v1/orders", body.formatted(id, gateway, 4));
        assertThat(first).as(ContractTestSupport.text(first)).hasStatus(201);
        String last = customers.json(first).get("number").asString();

        // refused for its lines, after the order took its number: the number is given back
        assertThat(customers.post(mvc, rep(), "/api/v1/orders", body.formatted(id, gateway, 7))).as("7 of the 6 left")
                .hasStatus(422);

        MvcTestResult next = customers.post(mvc, rep(), "/api/v1/orders", body.formatted(id, gateway, 6));
        assertThat(next).as(ContractTestSupport.text(next)).hasStatus(201);
        assertThat(customers.json(next).get("number").asString()).isEqualTo(DocumentNumbers.following(last));
    }

    @Test
    void tenOrdersOfAContractsWholeLineAtOnceOnlyOneIsMadeAndTheRestAreRefused() throws Exception {
        JsonNode contract = contracts.signFromAcceptedQuote(mvc, reviewers(), "race", "杭州订单并发科技有限公司", "2026-12-01");
        String gateway = contract.get("lines").get(0).get("productId").asString();
        assertThat(contract.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("10");
        String body = """
                {"contractId":"%s","lines":[{"productId":"%s","quantity":10}],"address":"杭州",
                 "consignee":"王经理","consigneePhone":"13800000000","promisedDate":"2026-12-20"}"""
                .formatted(contract.get("id").asString(), gateway);
        String rep = rep();

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MvcTestResult>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return customers.post(mvc, rep, "/api/v1/orders", body);
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> refusals = new ArrayList<>();
        for (Future<MvcTestResult> f : futures) {
            MvcTestResult r = f.get(60, TimeUnit.SECONDS);
            statuses.merge(r.getResponse().getStatus(), 1, Integer::sum);
            if (r.getResponse().getStatus() == 422) {
                refusals.add(customers.json(r).at("/errors/0/code").asString());
                assertThat(customers.json(r).at("/errors/0/message").asString()).as("the quantity as written, 0 not 0.000")
                        .contains("0").doesNotContain("0.000");
            }
        }
        pool.shutdown();

        assertThat(statuses).as("one order takes the ten gateways").containsExactly(Map.entry(201, 1), Map.entry(422, 9));
        assertThat(refusals).containsOnly("order.line.exceedsContract");
        assertThat(jdbc.sql("select coalesce(sum(l.quantity), 0) from order_line l join order_order o on o.id = l.order_id "
                        + "where o.contract_id = :c and l.product_id = :p")
                .param("c", java.util.UUID.fromString(contract.get("id").asString()))
                .param("p", java.util.UUID.fromString(gateway)).query(java.math.BigDecimal.class).single())
                .as("ordered within the contract").isEqualByComparingTo("10");
    }

    /** The customer's timeline entries of the given kinds, newest first, as "kind messageKey". */
    static List<String> entries(JsonNode timeline, java.util.Set<String> kinds) {
        return timeline.get("items").valueStream().filter(e -> kinds.contains(e.get("kind").asString()))
                .map(e -> e.get("kind").asString() + " " + e.get("messageKey").asString()).toList();
    }

    @Test
    void theCustomersTimelineShowsTheContractItsOrderAndTheReceiptsInOrderPageByPage() throws Exception {
        clock.set(shanghai("2026-12-01T10:00"));
        JsonNode contract = contracts.sign(mvc, reviewers(), "杭州订单动态科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String customer = contract.get("customerId").asString();
        clock.set(shanghai("2026-12-01T11:00"));
        JsonNode order = customers.json(customers.post(mvc, rep(), "/api/v1/orders", """
                {"contractId":"%s","lines":[{"productId":"%s","quantity":10}],"address":"杭州市西湖区文三路 1 号",
                 "consignee":"王经理","promisedDate":"2026-12-20"}""".formatted(contract.get("id").asString(), product)));
        String id = order.get("id").asString();
        clock.set(shanghai("2026-12-02T09:00"));
        JsonNode shipped = shippedWhole(order, "顺丰速运", "SF9");
        JsonNode delivered = expectOk(customers.post(mvc, rep(), "/api/v1/orders/" + id + "/delivery",
                "{\"deliveredOn\":\"2026-12-05\",\"version\":%d}".formatted(shipped.get("version").asLong())));
        clock.set(shanghai("2026-12-05T15:00"));
        expectOk(mvc.post().uri("/api/v1/orders/" + id + "/acceptance").multipart()
                .file(new MockMultipartFile("form", "acceptance.pdf", "application/pdf", TestFiles.pdf(2048, 3)))
                .param("acceptedOn", "2026-12-05").param("signedBy", "王经理").param("quantity", "10 台全部收到")
                .param("quality", "合格").param("version", String.valueOf(delivered.get("version").asLong()))
                .header(HttpHeaders.AUTHORIZATION, rep()).exchange());
        String finance = customers.bearer(mvc, reviewers().finance());
        clock.set(shanghai("2026-12-06T09:00"));
        String receipt = """
                {"customerId":"%s","amount":%s,"receivedOn":"2026-12-06","method":"BANK_TRANSFER","payer":"杭州订单动态科技有限公司"}""";
        JsonNode wrong = customers.json(customers.post(mvc, finance, "/api/v1/receipts", receipt.formatted(customer, "1800.00")));
        clock.set(shanghai("2026-12-06T09:30"));
        expectOk(customers.post(mvc, finance, "/api/v1/receipts/" + wrong.get("id").asString() + "/reversal",
                "{\"reason\":\"金额录错\",\"version\":%d}".formatted(wrong.get("version").asLong())));
        clock.set(shanghai("2026-12-06T10:00"));
        MvcTestResult recorded = customers.post(mvc, finance, "/api/v1/receipts", receipt.formatted(customer, "180000.00"));
        assertThat(recorded).hasStatus(201);

        JsonNode timeline = customers.getJson(mvc, rep(), "/api/v1/customers/" + customer + "/timeline?size=100");

        var business = java.util.Set.of("contract", "order", "receipt");
        assertThat(entries(timeline, business)).containsExactly(
                "receipt receipt.customerTimeline.RECORDED", "receipt receipt.customerTimeline.REVERSED",
                "receipt receipt.customerTimeline.RECORDED", "order order.customerTimeline.ACCEPTED",
                "order order.customerTimeline.DELIVERED", "order order.customerTimeline.SHIPPED",
                "order order.customerTimeline.CREATED", "contract contract.customerTimeline.SIGNED",
                "contract contract.customerTimeline.APPROVED", "contract contract.customerTimeline.SUBMITTED");
        JsonNode paid = timeline.get("items").valueStream().filter(e -> e.get("kind").asString().equals("receipt")).findFirst().orElseThrow();
        assertThat(paid.get("args").get(1).asString()).as("the amount as screens print it").isEqualTo("180,000.00");
        assertThat(paid.get("link").isNull()).as("the rep may not open the receipts list").isTrue();
        assertThat(timeline.get("items").valueStream().filter(e -> e.get("kind").asString().equals("opportunity")))
                .as("the opportunity opened and won, its amount as screens print it too").hasSize(2)
                .allSatisfy(e -> assertThat(e.get("args").get(2).asString()).matches("\\d{1,3}(,\\d{3})*\\.\\d{2}"));
        assertThat(timeline.get("items").valueStream().filter(e -> e.get("kind").asString().equals("order")))
                .allSatisfy(e -> assertThat(e.get("link").asString()).isEqualTo("/orders/" + id));
        assertThat(timeline.get("items").valueStream().filter(e -> e.get("kind").asString().equals("order"))
                .map(e -> e.get("messageKey").asString() + " " + e.get("actorId").asString()))
                .as("who recorded the delivery and the acceptance").contains(
                        "order.customerTimeline.DELIVERED " + reviewers().rep().id(),
                        "order.customerTimeline.ACCEPTED " + reviewers().rep().id());
        assertThat(timeline.get("items").valueStream().filter(e -> e.get("kind").asString().equals("contract")))
                .allSatisfy(e -> assertThat(e.get("link").asString()).isEqualTo("/contracts/" + contract.get("id").asString()));
        assertThat(timeline.get("items").valueStream()
                .filter(e -> e.get("messageKey").asString().equals("contract.customerTimeline.APPROVED"))
                .map(e -> e.get("actorId").asString()))
                .as("the approval names who approved last (K2: the legal head)").containsExactly(reviewers().legalHead().id().toString());
        JsonNode forFinance = customers.getJson(mvc, finance, "/api/v1/customers/" + customer + "/timeline?size=100");
        assertThat(forFinance.get("items").valueStream().filter(e -> e.get("kind").asString().equals("receipt")).findFirst()
                .orElseThrow().get("link").asString()).isEqualTo("/receipts?from=2026-12-06&to=2026-12-06");

        jakarta.servlet.http.Cookie session = customers.session(mvc, reviewers().rep());
        String en = mvc.get().uri("/customers/" + customer + "?lang=en").cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(en).contains("Receipt " + customers.json(recorded).get("number").asString()
                        + " recorded: 180,000.00 CNY received on 2026-12-06 (Bank transfer)",
                "Order " + order.get("number").asString() + " accepted on 2026-12-05, signed by 王经理",
                "Contract " + contract.get("number").asString() + " 工业网关采购合同 signed: 600,000.00");
        String zh = mvc.get().uri("/customers/" + customer + "?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(zh).contains("订单 " + order.get("number").asString() + " 已于 2026-12-05 验收，签收人 王经理",
                "收款 " + wrong.get("number").asString() + "（1,800.00 CNY）已冲销：金额录错");

        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = customers.getJson(mvc, rep(), "/api/v1/customers/" + customer + "/timeline?size=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(3);
            page.get("items").forEach(e -> walked.add(e.get("key").asString()));
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        assertThat(walked).as("pages of three across every source: each entry once, in order")
                .containsExactlyElementsOf(timeline.get("items").valueStream().map(e -> e.get("key").asString()).toList());

        assertThat(customers.get(mvc, customers.bearer(mvc, reviewers().otherRep()),
                "/api/v1/customers/" + customer + "/timeline")).as("another team's rep").hasStatus(404);
    }

    /** Operations records the whole order leaving on 2026-12-03 (that day), then the clock moves to 2026-12-05. */
    private JsonNode shippedWhole(JsonNode order, String carrier, String waybill) {
        clock.set(shanghai("2026-12-03T10:00"));
        JsonNode shipped = expectOk(customers.post(mvc, operations(), "/api/v1/orders/" + order.get("id").asString()
                + "/shipments", """
                {"line":1,"quantity":10,"carrier":"%s","waybillNumber":"%s","shipDate":"2026-12-03","version":%d}"""
                .formatted(carrier, waybill, order.get("version").asLong())));
        clock.set(shanghai("2026-12-05T10:00"));
        return shipped;
    }
}
