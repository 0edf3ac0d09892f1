package com.lead2cash.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.files.TestFiles;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.ExportedWorkbook;
import com.lead2cash.testing.FormHtml;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The order screens: the orders card on a signed contract's page with "create order", the order form
 * prefilled from the contract (a refused form keeps what was entered and stores nothing), and an order's
 * page offering exactly the actions the order answers for the reader — the rep works it, operations
 * ships — where a bad shipment is refused beside its field and changes nothing; D1 and D2 deadlines shown.
 */
@IntegrationTest
@Import(TestClock.class)
class OrderPagesTest {

    static Reviewers reviewers;
    static String product;

    @Autowired MockMvcTester mvc;
    @Autowired SignedContracts contracts;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired com.lead2cash.platform.BackgroundTasks.Node scheduler;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = support.reviewers("ordp", CustomerTestSupport.HIRED.minusYears(10));
            product = sales.product(mvc, reviewers.team(), "GW-OP", "工业网关 GW-OP", "6000.00", "13");
        }
        return reviewers;
    }

    String page(Cookie session, String path, String lang) {
        MvcTestResult result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
        assertThat(result).as(path + " " + lang).hasStatusOk();
        return html(result);
    }

    static String html(MvcTestResult result) {
        String html = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html).as("untranslated key").doesNotContain("??");
        return html;
    }

    String signed(String customer) {
        return contracts.sign(mvc, reviewers(), customer, "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01")
                .get("id").asString();
    }

    MvcTestResult createOrder(Cookie session, String contractId, String quantity, String address) {
        return mvc.post().uri("/orders?lang=en").with(csrf()).cookie(session).param("contractId", contractId)
                .param("productId", product, "").param("quantity", quantity, "")
                .param("address", address).param("consignee", "王经理").param("consigneePhone", "13800000000")
                .param("promisedDate", "2026-12-20").exchange();
    }

    long ordersOf(String contractId) {
        return jdbc.sql("select count(*) from order_order where contract_id = cast(:c as uuid)").param("c", contractId)
                .query(Long.class).single();
    }

    Map<String, Object> state(String orderId) {
        return jdbc.sql("select status, version, (select count(*) from order_shipment where order_id = o.id) as shipments, "
                        + "(select shipped from order_line where order_id = o.id and line_key = 0) as shipped "
                        + "from order_order o where id = cast(:id as uuid)")
                .param("id", orderId).query().singleRow();
    }

    String orderIdFrom(MvcTestResult created) {
        String location = created.getResponse().getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void theRepCreatesAnOrderFromTheSignedContractsPageAndARefusedFormStoresNothing() {
        String contractId = signed("杭州订单页面一号科技有限公司");
        Cookie rep = customers.session(mvc, reviewers().rep());

        for (String lang : new String[] {"zh-CN", "en"}) {
            assertThat(page(rep, "/orders/contracts/" + contractId + "/panel", lang)).contains("create-order");
            assertThat(page(rep, "/orders/new?contractId=" + contractId, lang)).contains("order-form", "工业网关 GW-OP");
        }
        // finance reads the contract's orders and makes none: the order form is refused as its Save is (403)
        assertThat(mvc.get().uri("/orders/new?contractId=" + contractId).cookie(customers.session(mvc, reviewers().finance()))
                .exchange()).hasStatus(403);
        assertThat(page(rep, "/contracts/" + contractId, "en")).as("the contract page loads the card")
                .contains("/orders/contracts/" + contractId + "/panel", "/invoices/contracts/" + contractId + "/panel");

        MvcTestResult noAddress = createOrder(rep, contractId, "10", " ");
        assertThat(noAddress).hasStatus(422);
        assertThat(html(noAddress)).contains("Give the delivery address.", "is-invalid")
                .as("what was entered stays").contains("13800000000");
        MvcTestResult badQuantity = createOrder(rep, contractId, "ten", "杭州市西湖区文三路 1 号");
        assertThat(badQuantity).hasStatus(422);
        assertThat(html(badQuantity)).contains("The quantity must be more than zero with at most two decimals.");
        assertThat(ordersOf(contractId)).as("nothing stored").isZero();

        MvcTestResult created = createOrder(rep, contractId, "10", "杭州市西湖区文三路 1 号");
        assertThat(created).hasStatus3xxRedirection();
        String orderId = orderIdFrom(created);
        assertThat(ordersOf(contractId)).isOne();
        for (String lang : new String[] {"zh-CN", "en"}) {
            page(rep, "/orders/" + orderId, lang);
            page(rep, "/orders", lang);
        }
        String number = jdbc.sql("select number from order_order where id = cast(:id as uuid)").param("id", orderId)
                .query(String.class).single();
        assertThat(page(rep, "/orders/contracts/" + contractId + "/panel", "en")).contains(number);
        assertThat(page(rep, "/orders?status=CREATED", "en")).contains(number);
        assertThat(page(rep, "/orders?status=ACCEPTED", "en")).doesNotContain(number);
    }

    @Test
    void theOrderListExportsAsFilteredInTheReadersScopeWithFormulasNeutralised() throws Exception {
        String contractId = signed("杭州订单导出科技有限公司");
        Cookie rep = customers.session(mvc, reviewers().rep());
        String formula = "=HYPERLINK(\"http://evil.example/\",\"订单导出\")";
        String ours = orderIdFrom(ordered(rep, contractId, formula));
        String moved = orderIdFrom(ordered(rep, contractId, "订单导出西区收货人"));
        // the class signs with one team: this order goes to the other team's rep, as a transfer would move it
        jdbc.sql("update order_order set owner_id = :owner where id = cast(:id as uuid)")
                .param("owner", reviewers().otherRep().id()).param("id", moved).update();
        String number = jdbc.sql("select number from order_order where id = cast(:id as uuid)").param("id", ours)
                .query(String.class).single();
        assertThat(page(rep, "/orders?status=CREATED", "en")).as("the button takes the filter")
                .contains("id=\"export-orders\"", "/orders/export.xlsx?status=CREATED");

        byte[] createdFile = ExportedWorkbook.file(mvc, rep, "/orders/export.xlsx?status=CREATED&lang=zh-CN");
        var created = com.lead2cash.testing.SpreadsheetCells.rows(createdFile);
        assertThat(created.get(0).getCellText(0)).as("headers in the reader's language").isEqualTo("订单");
        assertThat(created.get(0).getCellText(2)).isEqualTo("收货人");
        assertThat(created.subList(1, created.size())).extracting(row -> row.getCellText(2))
                .as("the rep's order, its consignee typed as a formula kept as text; not the other team's")
                .contains(formula).doesNotContain("订单导出西区收货人", "'" + formula);
        var row = created.stream().filter(r -> number.equals(r.getCellText(0))).findFirst().orElseThrow();
        com.lead2cash.testing.SpreadsheetCells.assertKeptAsText(createdFile, row.getCell(2), formula);
        assertThat(row.getCellAsDate(3)).as("the promised day a date").hasValue(java.time.LocalDateTime.parse("2026-12-20T00:00"));
        assertThat(ExportedWorkbook.rows(mvc, rep, "/orders/export.xlsx?status=ACCEPTED")).as("the filter applied")
                .noneMatch(r -> number.equals(r.getCellText(0)));
        var west = ExportedWorkbook.rows(mvc, customers.session(mvc, reviewers().otherRep()), "/orders/export.xlsx?lang=en");
        assertThat(west.get(0).getCellText(0)).isEqualTo("Order");
        assertThat(west.subList(1, west.size())).extracting(r -> r.getCellText(2)).as("the other team's rep: theirs only")
                .containsExactly("订单导出西区收货人");

        assertThat(jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Order'
                and actor_name = :u order by id limit 1""").param("u", reviewers().rep().username()).query(String.class).single())
                .as("a message key and its arguments, said in the reader's language on the audit screen")
                .isEqualTo(String.join("\n", "order.audit.exported", String.valueOf(created.size() - 1),
                        "order.status.CREATED"));
    }

    /** An order of one of the contract's products for {@code consignee}. */
    MvcTestResult ordered(Cookie session, String contractId, String consignee) {
        MvcTestResult result = mvc.post().uri("/orders?lang=en").with(csrf()).cookie(session).param("contractId", contractId)
                .param("productId", product, "").param("quantity", "1", "")
                .param("address", "杭州市西湖区文三路 1 号").param("consignee", consignee).param("consigneePhone", "13800000000")
                .param("promisedDate", "2026-12-20").exchange();
        assertThat(result).hasStatus3xxRedirection();
        return result;
    }

    @Test
    void theOrderFormReportsEveryProblemAtOnceAPhoneThatIsNoneAndAProductTwice() {
        String contractId = signed("杭州订单表单多错科技有限公司");
        Cookie rep = customers.session(mvc, reviewers().rep());
        MvcTestResult refused = mvc.post().uri("/orders?lang=en").with(csrf()).cookie(rep).param("contractId", contractId)
                .param("productId", product, product).param("quantity", "-1", "2")
                .param("address", " ").param("consignee", "").param("consigneePhone", "abc")
                .param("promisedDate", "2026-11-01").exchange();
        assertThat(refused).hasStatus(422);
        assertThat(html(refused)).contains("The quantity must be more than zero with at most two decimals.",
                "is already on line 1", "Give the delivery address.",
                "This is not a phone number (mobile, or landline with area code).");
        assertThat(html(refused)).contains("Give the consignee.", "The promised date cannot be in the past.");
        assertThat(ordersOf(contractId)).as("nothing stored").isZero();
    }

    @Test
    void financeWhoNeverRecordsADeliveryIsRefused403WhateverTheOrdersStatusAndNothingChanges() {
        String contractId = signed("杭州订单页面财务交付科技有限公司");
        Cookie rep = customers.session(mvc, reviewers().rep());
        Cookie finance = customers.session(mvc, reviewers().finance());
        String orderId = orderIdFrom(createOrder(rep, contractId, "10", "杭州市西湖区文三路 9 号"));
        Map<String, Object> before = state(orderId);
        assertThat(before.get("status")).isEqualTo("CREATED");
        MvcTestResult refused = mvc.post().uri("/orders/" + orderId + "/delivery?lang=en").with(csrf()).cookie(finance)
                .param("deliveredOn", "2026-12-01").param("version", before.get("version").toString()).exchange();
        assertThat(refused).as("who asks before what the status allows").hasStatus(403);
        assertThat(state(orderId)).isEqualTo(before);
    }

    /**
     * The screens' twins of the rep's actions refuse operations at the route, before the form is read (decision 0014):
     * neither a note the input rules refuse nor a contact that is no id (422 beside the form) nor an unknown order (404)
     * is told first, and the 403 page says in the order's words whose part it is. The rep's note is still taken.
     */
    @Test
    void operationsPostingTheRepsFormsGet403BeforeTheFormIsReadAndTheRepsNoteIsTaken() {
        String contractId = signed("杭州订单页面角色在先科技有限公司");
        Cookie rep = customers.session(mvc, reviewers().rep());
        Cookie operations = customers.session(mvc, reviewers().operations());
        String orderId = orderIdFrom(createOrder(rep, contractId, "10", "杭州市西湖区文三路 11 号"));
        Map<String, MvcTestResult> refused = new java.util.TreeMap<>();
        refused.put("progress, a control character", mvc.post().uri("/orders/" + orderId + "/progress-notes?lang=en")
                .with(csrf()).cookie(operations).param("note", "在途\u0001").exchange());
        refused.put("customer told, unknown order", mvc.post().uri("/orders/" + java.util.UUID.randomUUID()
                + "/delays/customer-told?lang=en").with(csrf()).cookie(operations).exchange());
        refused.put("link, a contact that is no id", mvc.post().uri("/orders/" + orderId + "/acceptance/send?lang=en")
                .with(csrf()).cookie(operations).param("contactId", "nobody").exchange());
        assertThat(refused).allSatisfy((what, answer) -> {
            assertThat(answer).as(what).hasStatus(403);
            assertThat(html(answer)).as(what).contains("is not yours to do on this order");
        });
        assertThat(mvc.post().uri("/orders/" + orderId + "/progress-notes").with(csrf()).cookie(rep)
                .param("note", "物流在途，预计周五到").exchange()).hasStatus3xxRedirection();
        assertThat(jdbc.sql("select note from order_progress_note where order_id = cast(:o as uuid)").param("o", orderId)
                .query(String.class).list()).containsExactly("物流在途，预计周五到");
    }

    @Test
    void theOrderPageOffersOnlyTheActionsTheOrderAnswersAndABadShipmentChangesNothing() {
        String contractId = signed("杭州订单页面二号科技有限公司");
        Cookie rep = customers.session(mvc, reviewers().rep());
        Cookie operations = customers.session(mvc, reviewers().operations());
        String orderId = orderIdFrom(createOrder(rep, contractId, "10", "杭州市西湖区文三路 1 号"));

        String repView = page(rep, "/orders/" + orderId, "en");
        assertThat(repView).as("the rep works the order").contains("progress-form", "delay-form")
                .doesNotContain("ship-form", "start-preparing", "deliver-form", "accept-form", "send-acceptance-form");
        assertThat(repView).as("D1 visible").contains("Next progress check due 2026-12-08");
        String opsView = page(operations, "/orders/" + orderId, "en");
        assertThat(opsView).as("operations prepares and ships").contains("ship-form", "start-preparing", "delay-form")
                .doesNotContain("progress-form", "deliver-form", "accept-form");

        Map<String, Object> before = state(orderId);
        MvcTestResult tooMany = mvc.post().uri("/orders/" + orderId + "/shipments?lang=en").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", "11").param("carrier", "顺丰速运").param("shipDate", "2026-12-07")
                .param("version", before.get("version").toString()).exchange();
        assertThat(tooMany).hasStatus(422);
        assertThat(html(tooMany)).contains("Only 10 of 工业网关 GW-OP is left to ship.")
                .as("the form keeps what was entered").contains("value=\"顺丰速运\"");
        MvcTestResult noCarrier = mvc.post().uri("/orders/" + orderId + "/shipments?lang=en").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", "4").param("carrier", "").param("shipDate", "2026-12-07")
                .param("version", before.get("version").toString()).exchange();
        assertThat(noCarrier).hasStatus(422);
        assertThat(html(noCarrier)).contains("Give the carrier.", "is-invalid");
        assertThat(opsView).as("the ship date's picker offers only dates a shipment may carry: from the day the order was made "
                + "to its promised date (a later one needs a delay first)").contains("min=\"2026-12-01\" max=\"2026-12-20\"");
        MvcTestResult tooFar = mvc.post().uri("/orders/" + orderId + "/shipments?lang=en").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", "4").param("carrier", "顺丰速运").param("shipDate", "2199-01-01")
                .param("version", before.get("version").toString()).exchange();
        assertThat(tooFar).hasStatus(422);
        assertThat(html(tooFar)).contains("A ship date lies between the day the order was made, 2026-12-01, and 2036-12-01.");
        // past the years any record can have (the picker bypassed), a control character in the carrier: the form again
        MvcTestResult beyondRecords = mvc.post().uri("/orders/" + orderId + "/shipments?lang=en").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", "4").param("carrier", "顺丰速运").param("shipDate", "9999-01-01")
                .param("version", before.get("version").toString()).exchange();
        assertThat(beyondRecords).hasStatus(422);
        assertThat(html(beyondRecords)).contains("The date must lie between 1900-01-01 and 2199-12-31.", "value=\"顺丰速运\"")
                .doesNotContain("id=\"error-detail\"");
        MvcTestResult control = mvc.post().uri("/orders/" + orderId + "/shipments?lang=en").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", "4").param("carrier", "顺丰\u0000速运").param("shipDate", "2026-12-07")
                .param("version", before.get("version").toString()).exchange();
        assertThat(control).hasStatus(422);
        assertThat(html(control)).contains("The text contains a control character", "value=\"2026-12-07\"")
                .doesNotContain("id=\"error-detail\"");
        assertThat(state(orderId)).as("nothing changed").isEqualTo(before);

        assertThat(mvc.post().uri("/orders/" + orderId + "/shipments").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", "4").param("carrier", "顺丰速运").param("shipDate", "2026-12-07")
                .param("version", before.get("version").toString()).exchange()).hasStatus3xxRedirection();
        String shipped = page(operations, "/orders/" + orderId, "en");
        assertThat(shipped).as("quantities as the quote shows them: 4, not 4.00")
                .contains("<td class=\"text-end shipped\">4</td>").doesNotContain(">4.00<");
        assertThat(shipped).as("D2: Monday's shipment needs its waybill by Friday 09:00")
                .contains("Waybill due 2026-12-04 09:00", "waybill-form");
        assertThat(page(rep, "/orders/" + orderId, "en")).as("the rep records no waybill").doesNotContain("waybill-form");

        clock.set(LocalDateTime.parse("2026-12-04T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(page(operations, "/orders/" + orderId, "en")).contains("Waybill late: it was due 2026-12-04 09:00 (D2)");
        Object version = state(orderId).get("version");
        assertThat(mvc.post().uri("/orders/" + orderId + "/shipments/1/waybill").with(csrf()).cookie(operations)
                .param("waybillNumber", "SF1234567890").param("version", version.toString()).exchange())
                .hasStatus3xxRedirection();
        assertThat(page(operations, "/orders/" + orderId, "en")).as("met an hour late, before any sweep marked it breached")
                .contains("SF1234567890", "Waybill recorded late (due 2026-12-04 09:00)")
                .doesNotContain("waybill-form", "Waybill on time");
        assertThat(page(operations, "/deadlines?rule=D2&state=MET", "en")).contains("deadline-late");
        JsonNode d2 = null;
        for (JsonNode item : customers.getJson(mvc, customers.bearer(mvc, reviewers().operations()),
                "/api/v1/deadlines?rule=D2&state=MET").get("items")) {
            if ((orderId + ":1").equals(item.get("subjectId").asString())) {
                d2 = item;
            }
        }
        assertThat(d2).isNotNull();
        assertThat(d2.get("breachedAt").isNull()).as(d2.toString()).isTrue();
        assertThat(d2.get("late").asBoolean()).isTrue();

        MvcTestResult delayBack = mvc.post().uri("/orders/" + orderId + "/delays?lang=en").with(csrf()).cookie(rep)
                .param("promisedDate", "2026-12-10").param("reason", "芯片缺货")
                .param("version", state(orderId).get("version").toString()).exchange();
        assertThat(delayBack).as("an earlier date is no delay").hasStatus(422);
        assertThat(html(delayBack)).contains("The new promised date must be later than 2026-12-20");

        assertThat(mvc.post().uri("/orders/" + orderId + "/delays").with(csrf()).cookie(rep)
                .param("promisedDate", "2026-12-28").param("reason", "芯片缺货")
                .param("version", state(orderId).get("version").toString()).exchange()).hasStatus3xxRedirection();
        String number = jdbc.sql("select number || ' · ' || contract_number from order_order where id = :id::uuid")
                .param("id", orderId).query(String.class).single();
        // the shipment's D2 and the delay's D3 name their order, not "OrderShipment <id>:1"
        assertThat(page(operations, "/deadlines?rule=D2", "en")).contains(number + " #1", "href=\"/orders/" + orderId + "\"")
                .doesNotContain("OrderShipment " + orderId);
        assertThat(page(rep, "/deadlines?rule=D3", "en")).contains(number + " #", "href=\"/orders/" + orderId + "\"")
                .doesNotContain("OrderDelay " + orderId);
    }

    @Test
    void aShipmentOrAPromisedDatePostedWithoutTheOrdersVersionIsRefusedAndChangesNothing() {
        String contractId = signed("杭州订单版本守卫科技有限公司");
        Cookie rep = customers.session(mvc, reviewers().rep());
        Cookie operations = customers.session(mvc, reviewers().operations());
        String orderId = orderIdFrom(createOrder(rep, contractId, "10", "杭州市西湖区文三路 2 号"));
        Map<String, Object> before = state(orderId);

        // the forms read their fields as a map, the version among them: an empty or missing one would save unchecked
        MvcTestResult shipEmpty = mvc.post().uri("/orders/" + orderId + "/shipments").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", "4").param("carrier", "顺丰速运").param("shipDate", "2026-12-01")
                .param("version", "").exchange();
        assertThat(shipEmpty).hasStatus(428).hasViewName("error");
        MvcTestResult delayMissing = mvc.post().uri("/orders/" + orderId + "/delays").with(csrf()).cookie(rep)
                .param("promisedDate", "2026-12-28").param("reason", "芯片缺货").exchange();
        assertThat(delayMissing).hasStatus(428).hasViewName("error");
        assertThat(state(orderId)).as("nothing changed").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from order_order where id = cast(:id as uuid) and promised_date = date '2026-12-28'")
                .param("id", orderId).query(Long.class).single()).as("the promised date stays").isZero();

        assertThat(mvc.post().uri("/orders/" + orderId + "/shipments").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", "4").param("carrier", "顺丰速运").param("shipDate", "2026-12-01")
                .param("version", before.get("version").toString()).exchange()).hasStatus3xxRedirection();
        assertThat(state(orderId).get("shipments")).isEqualTo(1L);
        assertThat(mvc.post().uri("/orders/" + orderId + "/delays").with(csrf()).cookie(rep)
                .param("promisedDate", "2026-12-28").param("reason", "芯片缺货")
                .param("version", state(orderId).get("version").toString()).exchange()).hasStatus3xxRedirection();
        assertThat(jdbc.sql("select count(*) from order_order where id = cast(:id as uuid) and promised_date = date '2026-12-28'")
                .param("id", orderId).query(Long.class).single()).as("the promised date moved").isOne();
    }

    @Test
    void aDeliveredOrderIsAcceptedOnTheSignedFormUploadedAndWithoutTheFormNothingChanges() {
        String contractId = signed("杭州订单页面三号科技有限公司");
        Cookie rep = customers.session(mvc, reviewers().rep());
        Cookie operations = customers.session(mvc, reviewers().operations());
        String orderId = shippedOrder(rep, operations, contractId, "SF1");
        // the date picker offers only the days a delivery may have: from the day it left to today
        assertThat(page(rep, "/orders/" + orderId, "en")).containsPattern(
                "id=\"delivered-on\"[^>]*min=\"2026-12-01\"[^>]*max=\"" + LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")) + "\"");
        expectDelivered(rep, orderId, "2026-12-01");

        assertThat(page(rep, "/orders/" + orderId, "en")).as("the rep records the acceptance or sends the link")
                .contains("accept-form", "send-acceptance-form").doesNotContain("deliver-form", "ship-form");
        assertThat(page(operations, "/orders/" + orderId, "en")).doesNotContain("accept-form", "send-acceptance-form");

        Map<String, Object> before = state(orderId);
        MvcTestResult noForm = mvc.post().uri("/orders/" + orderId + "/acceptance?lang=en").multipart().with(csrf())
                .cookie(rep).param("quantity", "10 台全部收到").param("quality", "合格").param("signedBy", "王伟")
                .param("acceptedOn", "2026-12-01").param("version", before.get("version").toString()).exchange();
        assertThat(noForm).hasStatus(422);
        assertThat(html(noForm)).contains("Upload the signed acceptance form.").contains("value=\"10 台全部收到\"");
        MvcTestResult noContact = mvc.post().uri("/orders/" + orderId + "/acceptance/send?lang=en").with(csrf())
                .cookie(rep).param("contactId", "").exchange();
        assertThat(noContact).hasStatus(422);
        assertThat(html(noContact)).contains("Choose a contact of the customer.");
        assertThat(state(orderId)).as("nothing changed").isEqualTo(before);

        MvcTestResult accepted = mvc.post().uri("/orders/" + orderId + "/acceptance").multipart()
                .file(new MockMultipartFile("form", "acceptance.pdf", "application/pdf", TestFiles.pdf(2048, 5)))
                .with(csrf()).cookie(rep).param("quantity", "10 台全部收到").param("quality", "合格").param("remarks", "外包装完好")
                .param("signedBy", "王伟").param("acceptedOn", "2026-12-01")
                .param("version", before.get("version").toString()).exchange();
        assertThat(accepted).hasStatus3xxRedirection();
        assertThat(state(orderId).get("status")).isEqualTo("ACCEPTED");
        for (String lang : new String[] {"zh-CN", "en"}) {
            assertThat(page(rep, "/orders/" + orderId, lang)).contains("王伟", "外包装完好", "acceptance-form-file")
                    .doesNotContain("accept-form", "delay-form", "progress-form");
        }
        MvcTestResult file = mvc.get().uri("/orders/" + orderId + "/acceptance-form").cookie(rep).exchange();
        assertThat(file).hasStatusOk();
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(TestFiles.pdf(2048, 5));
    }

    @Test
    void anOrderBookedInFullForALaterDayIsPreparingOffersNoDeliveryFormButTheDayItCanBeRecordedFrom() {
        String contractId = signed("杭州订单页面五号科技有限公司");
        Cookie rep = customers.session(mvc, reviewers().rep());
        Cookie operations = customers.session(mvc, reviewers().operations());
        String orderId = orderIdFrom(createOrder(rep, contractId, "10", "杭州市西湖区文三路 1 号"));
        clock.set(LocalDateTime.parse("2026-12-05T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        expectShippedWhole(operations, orderId, "SF5", "2026-12-08");
        assertThat(state(orderId).get("status")).as("not 已发货 before the goods leave").isEqualTo("PREPARING");
        assertThat(page(operations, "/orders/" + orderId, "zh-CN")).contains("备货中").doesNotContain("id=\"ship-form\"");

        for (Cookie who : new Cookie[] {rep, operations}) {
            assertThat(page(who, "/orders/" + orderId, "en")).doesNotContain("deliver-form", "delivered-on")
                    .contains("id=\"delivery-opens-on\"",
                            "The last shipment leaves on 2026-12-08: its delivery can be recorded from that day.");
        }
        assertThat(page(rep, "/orders/" + orderId, "zh-CN")).contains("最后一批于 2026-12-08 发货，届时起才能登记到货。");
        MvcTestResult early = mvc.post().uri("/orders/" + orderId + "/delivery?lang=en").with(csrf()).cookie(rep)
                .param("deliveredOn", "2026-12-05").param("version", state(orderId).get("version").toString()).exchange();
        assertThat(early).hasStatus(422);
        assertThat(state(orderId).get("status")).isEqualTo("PREPARING");

        clock.set(LocalDateTime.parse("2026-12-08T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        // the day has come by the test clock: the order's task runs now rather than at its wall-clock time
        assertThat(jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = 'order-goods-leave' "
                + "and task_instance = :id").param("id", orderId).update()).isEqualTo(1);
        scheduler.scheduler().triggerCheckForDueExecutions();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "SHIPPED".equals(state(orderId).get("status")));
        assertThat(page(rep, "/orders/" + orderId, "en")).contains("deliver-form").doesNotContain("delivery-opens-on")
                .containsPattern("id=\"delivered-on\"[^>]*min=\"2026-12-08\"[^>]*max=\"2026-12-08\"");
    }

    /** The rep orders the contract's ten units and operations ships them whole on 2026-12-01: the order's id. */
    String shippedOrder(Cookie rep, Cookie operations, String contractId, String waybill) {
        String orderId = orderIdFrom(createOrder(rep, contractId, "10", "杭州市西湖区文三路 1 号"));
        expectShippedWhole(operations, orderId, waybill, "2026-12-01");
        return orderId;
    }

    /** Operations ships the order's one line whole on the form; the page answers with a redirect. */
    @Test
    void operationsCancelsABookedShipmentOnTheOrdersPageWithAReasonAndALateShipDateAsksForADelay() {
        String contractId = signed("杭州订单页面取消发货科技有限公司");
        Cookie rep = customers.session(mvc, reviewers().rep());
        Cookie operations = customers.session(mvc, reviewers().operations());
        String orderId = orderIdFrom(createOrder(rep, contractId, "10", "杭州市西湖区文三路 1 号"));

        Map<String, Object> before = state(orderId);
        MvcTestResult late = mvc.post().uri("/orders/" + orderId + "/shipments?lang=en").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", "1").param("carrier", "顺丰速运").param("shipDate", "2026-12-21")
                .param("version", before.get("version").toString()).exchange();
        assertThat(late).hasStatus(422);
        assertThat(html(late)).contains("The ship date 2026-12-21 is after the order", "promised delivery date 2026-12-20: record a delay first",
                "value=\"2026-12-21\"");
        assertThat(state(orderId)).as("nothing changed").isEqualTo(before);

        assertThat(mvc.post().uri("/orders/" + orderId + "/shipments").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", "1").param("carrier", "顺丰速运").param("shipDate", "2026-12-19")
                .param("version", before.get("version").toString()).exchange()).hasStatus3xxRedirection();
        expectShipped(operations, orderId, "9", "2026-12-01");
        String booked = page(operations, "/orders/" + orderId, "en");
        assertThat(booked).as("only the shipment that has not left").contains("id=\"cancel-shipment-1\"")
                .doesNotContain("id=\"cancel-shipment-2\"");
        assertThat(page(rep, "/orders/" + orderId, "en")).as("operations' part").doesNotContain("cancel-shipment-form");

        Object version = state(orderId).get("version");
        MvcTestResult noReason = mvc.post().uri("/orders/" + orderId + "/shipments/1/cancellation?lang=en").with(csrf())
                .cookie(operations).param("reason", "").param("version", version.toString()).exchange();
        assertThat(noReason).hasStatus(422);
        assertThat(html(noReason)).contains("Say why the shipment is cancelled.", "is-invalid");
        assertThat(mvc.post().uri("/orders/" + orderId + "/shipments/1/cancellation").with(csrf()).cookie(operations)
                .param("reason", "发货日期填错").exchange()).as("the page version guard").hasStatus(428);
        assertThat(state(orderId).get("version")).isEqualTo(version);

        MvcTestResult cancelled = mvc.post().uri("/orders/" + orderId + "/shipments/1/cancellation").with(csrf())
                .cookie(operations).param("reason", "发货日期填错").param("version", version.toString()).exchange();
        assertThat(cancelled).hasStatus3xxRedirection();
        String after = page(operations, "/orders/" + orderId, "zh-CN");
        assertThat(after).contains("发货日期填错", "shipment-cancelled", "ship-form").doesNotContain("cancel-shipment-form");
        assertThat(state(orderId).get("shipped").toString()).as("its quantity is free").isEqualTo("9.00");
    }

    void expectShipped(Cookie operations, String orderId, String quantity, String shipDate) {
        assertThat(mvc.post().uri("/orders/" + orderId + "/shipments").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", quantity).param("carrier", "顺丰速运").param("waybillNumber", "SF-P")
                .param("shipDate", shipDate).param("version", state(orderId).get("version").toString()).exchange())
                .hasStatus3xxRedirection();
    }

    void expectShippedWhole(Cookie operations, String orderId, String waybill, String shipDate) {
        assertThat(mvc.post().uri("/orders/" + orderId + "/shipments").with(csrf()).cookie(operations)
                .param("line", "1").param("quantity", "10").param("carrier", "顺丰速运").param("waybillNumber", waybill)
                .param("shipDate", shipDate).param("version", state(orderId).get("version").toString()).exchange())
                .hasStatus3xxRedirection();
    }

    /** A signed contract's order, shipped whole by operations and delivered on 1 December: it awaits its acceptance. */
    String deliveredOrder(String customerName, String waybill) {
        Cookie rep = customers.session(mvc, reviewers().rep());
        String orderId = shippedOrder(rep, customers.session(mvc, reviewers().operations()), signed(customerName), waybill);
        expectDelivered(rep, orderId, "2026-12-01");
        return orderId;
    }

    String customerOf(String orderId) {
        return jdbc.sql("select customer_id from order_order where id = cast(:id as uuid)").param("id", orderId)
                .query(String.class).single();
    }

    void expectDelivered(Cookie rep, String orderId, String deliveredOn) {
        assertThat(mvc.post().uri("/orders/" + orderId + "/delivery").with(csrf()).cookie(rep)
                .param("deliveredOn", deliveredOn).param("version", state(orderId).get("version").toString()).exchange())
                .hasStatus3xxRedirection();
    }

    /** How many state badges the confirmation's row of a page shows. */
    static int badges(String html, String confirmationId) {
        int row = html.indexOf("id=\"confirmation-" + confirmationId + "\"");
        String cells = html.substring(row, html.indexOf("</tr>", row));
        return cells.split("confirmation-state", -1).length - 1;
    }

    /** The acceptance document of the link sent last for the order (one not seen before): its title, canonical form and language. */
    Map<String, Object> lastSent(String orderId, java.util.List<Object> seen) {
        Map<String, Object> sent = jdbc.sql("""
                        select id, title, document, locale, recipient_language from confirmation_confirmation
                        where subject_type = 'OrderAcceptance' and subject_id = :o""")
                .param("o", orderId).query().listOfRows().stream().filter(r -> !seen.contains(r.get("id")))
                .reduce((a, b) -> { throw new AssertionError("more than one new link"); }).orElseThrow();
        seen.add(sent.get("id"));
        return sent;
    }

    /** The links issued for the order's acceptance: one a send. */
    int acceptanceLinks(String orderId) {
        return jdbc.sql("""
                select count(*) from confirmation_link l join confirmation_confirmation c on c.id = l.confirmation_id
                where c.subject_type = 'OrderAcceptance' and c.subject_id = :o""")
                .param("o", orderId).query(Integer.class).single();
    }

    /** A new contact of the customer (a link goes once to each contact: sent again, the open one is re-sent as it was). */
    String contact(String customerId, String name) {
        return customers.json(SalesTestSupport.expect(customers.post(mvc, customers.bearer(mvc, reviewers().rep()),
                "/api/v1/customers/" + customerId + "/contacts", "{\"name\":\"" + name + "\",\"email\":\"c"
                        + Math.abs(name.hashCode()) + "@example.test\"}"), 201)).get("id").asString();
    }

    /**
     * Decision 0089: none chosen on the form, the acceptance form is written in the language the contact prefers — an
     * English one for a contact who prefers en, its e-mail and its page too; the rep's explicit Chinese still wins.
     */
    @Test
    void theAcceptanceFormIsInTheContactsPreferredLanguageWhenTheRepChoosesNoneAndTheRepsChoiceWins() throws Exception {
        String orderId = deliveredOrder("杭州订单页面语言科技有限公司", "SFL");
        Cookie rep = customers.session(mvc, reviewers().rep());
        String customerId = customerOf(orderId);
        String number = jdbc.sql("select number from order_order where id = cast(:id as uuid)").param("id", orderId)
                .query(String.class).single();
        String english = customers.json(SalesTestSupport.expect(customers.post(mvc, customers.bearer(mvc, reviewers().rep()),
                "/api/v1/customers/" + customerId + "/contacts",
                "{\"name\":\"John Smith\",\"email\":\"john.smith@example.test\",\"language\":\"en\"}"), 201))
                .get("id").asString();
        java.util.List<Object> seen = new java.util.ArrayList<>();
        assertThat(FormHtml.selected(page(rep, "/orders/" + orderId, "zh-CN"), "acceptance-locale"))
                .as("the form names no language unless the rep picks one").isEmpty();

        assertThat(mvc.post().uri("/orders/" + orderId + "/acceptance/send?lang=zh-CN").with(csrf()).cookie(rep)
                .param("contactId", english).param("documentLocale", "").exchange()).hasStatus3xxRedirection();
        Map<String, Object> preferred = lastSent(orderId, seen);
        assertThat(preferred.get("title")).isEqualTo("Acceptance of order " + number);
        assertThat(preferred.get("locale") + " " + preferred.get("recipient_language")).as("the e-mail's, the page's")
                .isEqualTo("en en");

        assertThat(mvc.post().uri("/orders/" + orderId + "/acceptance/send?lang=en").with(csrf()).cookie(rep)
                .param("contactId", english).param("documentLocale", "zh").exchange()).hasStatus3xxRedirection();
        Map<String, Object> chosen = lastSent(orderId, seen);
        assertThat(chosen.get("title")).as("the rep's choice wins").isEqualTo("订单 " + number + " 验收单");
        assertThat(chosen.get("locale") + " " + chosen.get("recipient_language")).isEqualTo("zh-CN zh-CN");
    }

    @Test
    void theAcceptanceLinkFormStartsOnTheCustomersPrimaryContact() {
        String orderId = deliveredOrder("杭州订单页面九号科技有限公司", "SF9");
        Cookie rep = customers.session(mvc, reviewers().rep());
        String customerId = customerOf(orderId);
        contact(customerId, "验收唯一联系人");
        // the customer's primary contact, else its only one: the one the form should start on
        String expected = jdbc.sql("""
                        select cast(id as varchar) from customer_contact where customer_id = cast(:c as uuid)
                        and (is_primary or (select count(*) from customer_contact where customer_id = cast(:c as uuid)) = 1)""")
                .param("c", customerId).query(String.class).single();
        String page = page(rep, "/orders/" + orderId, "en");
        String select = page.substring(page.indexOf("id=\"acceptance-contact\""));
        select = select.substring(0, select.indexOf("</select>"));
        assertThat(select).as("the contact chosen already, not the placeholder")
                .containsPattern("<option value=\"" + expected + "\"[^>]*selected");
    }

    @Test
    void anOrderWhoseCustomerChangedHandsStillOpensForTheRepWhoOwnsIt() {
        String orderId = deliveredOrder("杭州订单页面十号科技有限公司", "SF10");
        Cookie rep = customers.session(mvc, reviewers().rep());
        // the customer is someone else's now (a transfer): the order stays the rep's, as its list shows it
        jdbc.sql("update customer_customer set owner_id = :o where id = (select customer_id from order_order where id = cast(:id as uuid))")
                .param("o", reviewers().manager().id()).param("id", orderId).update();

        String page = page(rep, "/orders/" + orderId, "en");
        assertThat(page).as("the page, its acceptance form offering no contact of a customer the rep may not open")
                .contains("id=\"acceptance-contact\"");
    }

    @Test
    void anOrdersAcceptanceLinksOpenTheirConfirmationForWhoeverReadsTheOrderOperationsIncluded() {
        String contractId = signed("杭州订单页面五号科技有限公司");
        Cookie rep = customers.session(mvc, reviewers().rep());
        Cookie operations = customers.session(mvc, reviewers().operations());
        String orderId = shippedOrder(rep, operations, contractId, "SF5");
        expectDelivered(rep, orderId, "2026-12-01");
        String customerId = customerOf(orderId);
        MvcTestResult sent = mvc.post().uri("/orders/" + orderId + "/acceptance/send?lang=en").with(csrf()).cookie(rep)
                .param("contactId", contact(customerId, "验收联系人")).exchange();
        // post-redirect-get: the link is shown once on a page of its own, whose reload sends nothing again
        assertThat(sent).hasStatus3xxRedirection();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/orders/" + orderId + "/acceptance/sent");
        assertThat(acceptanceLinks(orderId)).isEqualTo(1);
        assertThat(mvc.get().uri("/orders/" + orderId + "/acceptance/sent").cookie(customers.session(mvc, reviewers().otherRep()))
                .exchange()).as("outside the reader's scope, as the order's page").hasStatus(404);
        assertThat(page(rep, "/orders/" + orderId + "/acceptance/sent", "zh-CN"))
                .contains("id=\"confirmation-url\"", "/c/", "data:image/png;base64,", "id=\"back-to-order\"");
        MvcTestResult reload = mvc.get().uri("/orders/" + orderId + "/acceptance/sent").cookie(rep).exchange();
        assertThat(reload).as("a reload: back to the order, the link not shown again").hasStatus3xxRedirection();
        assertThat(reload.getResponse().getRedirectedUrl()).isEqualTo("/orders/" + orderId);
        assertThat(acceptanceLinks(orderId)).as("the reload sent nothing").isEqualTo(1);
        String confirmation = jdbc.sql("select cast(id as varchar) from confirmation_confirmation "
                + "where subject_type = 'OrderAcceptance' and subject_id = :o").param("o", orderId).query(String.class).single();
        String orderNumber = jdbc.sql("select number from order_order where id = cast(:id as uuid)").param("id", orderId)
                .query(String.class).single();
        String link = "href=\"/confirmations/" + confirmation + "\"";

        for (Cookie reader : new Cookie[] {rep, operations}) {
            for (String lang : new String[] {"en", "zh-CN"}) {
                String order = page(reader, "/orders/" + orderId, lang);
                assertThat(order).contains("id=\"confirmation-" + confirmation + "\"", "验收联系人", link);
                assertThat(badges(order, confirmation)).as("the state once, as the link").isEqualTo(1);
            }
            assertThat(page(reader, "/confirmations/" + confirmation, "en"))
                    .as("operations deliver the order and may show the customer its acceptance")
                    .contains(orderNumber, "href=\"/orders/" + orderId + "\"");
        }
        assertThat(mvc.get().uri("/confirmations/" + confirmation).cookie(customers.session(mvc, reviewers().otherRep()))
                .exchange()).as("a rep of another team reads neither the order nor its acceptance").hasStatus(404);
        assertThat(customers.getJson(mvc, customers.bearer(mvc, reviewers().operations()),
                "/api/v1/confirmations/" + confirmation).get("id").asString()).isEqualTo(confirmation);
    }

    @Test
    void theOrderFormAndTheApiAnswerAnUnknownContractAsOneOutOfScope() {
        String contractId = signed("杭州订单页面六号科技有限公司");
        String unknown = java.util.UUID.randomUUID().toString();
        Cookie otherRep = customers.session(mvc, reviewers().otherRep());
        for (String id : new String[] {contractId, unknown}) {
            assertThat(mvc.get().uri("/orders/new?contractId=" + id + "&lang=en").cookie(otherRep).exchange())
                    .as(id).hasStatus(404);
            assertThat(createOrder(otherRep, id, "10", "杭州市西湖区文三路 1 号")).as(id).hasStatus(404);
        }
        String token = customers.bearer(mvc, reviewers().otherRep());
        String body = """
                {"contractId":"%s","address":"杭州市西湖区文三路 1 号","consignee":"王经理","consigneePhone":"13800000000",
                 "promisedDate":"2026-12-20"}""";
        MvcTestResult outOfScope = customers.post(mvc, token, "/api/v1/orders", body.formatted(contractId));
        MvcTestResult notAContract = customers.post(mvc, token, "/api/v1/orders", body.formatted(unknown));
        assertThat(outOfScope).hasStatus(404);
        assertThat(notAContract).hasStatus(404);
        assertThat(html(notAContract)).contains("404");
        assertThat(html(notAContract).replace(unknown, "ID")).isEqualTo(html(outOfScope).replace(contractId, "ID"));
        assertThat(ordersOf(contractId)).isZero();
    }

    @Test
    void theRepChoosesTheAcceptanceDocumentsLanguageChineseWhenNoneIsChosenWhateverTheScreensLanguage() throws Exception {
        String orderId = deliveredOrder("杭州订单页面四号科技有限公司", "SF4");
        Cookie rep = customers.session(mvc, reviewers().rep());
        assertThat(page(rep, "/orders/" + orderId, "zh-CN")).contains("name=\"documentLocale\"", "文件语言", "英文");
        assertThat(page(rep, "/orders/" + orderId, "en")).contains("Language of the document");
        String customerId = customerOf(orderId);
        String number = jdbc.sql("select number from order_order where id = cast(:id as uuid)").param("id", orderId)
                .query(String.class).single();
        java.util.List<Object> seen = new java.util.ArrayList<>();

        // the rep reads Chinese screens and sends a contact the English document
        assertThat(mvc.post().uri("/orders/" + orderId + "/acceptance/send?lang=zh-CN").with(csrf()).cookie(rep)
                .param("contactId", contact(customerId, "Mr Smith")).param("documentLocale", "en").exchange()).hasStatus3xxRedirection();
        Map<String, Object> english = lastSent(orderId, seen);
        assertThat(english.get("title")).isEqualTo("Acceptance of order " + number);
        assertThat((String) english.get("document")).contains("Goods", "Quantity", "By confirming, you accept")
                .doesNotContain("货物", "验收");
        assertThat(english.get("locale")).isEqualTo("en");

        // and on English screens another contact the Chinese one
        assertThat(mvc.post().uri("/orders/" + orderId + "/acceptance/send?lang=en").with(csrf()).cookie(rep)
                .param("contactId", contact(customerId, "李经理")).param("documentLocale", "zh").exchange()).hasStatus3xxRedirection();
        Map<String, Object> chinese = lastSent(orderId, seen);
        assertThat(chinese.get("title")).isEqualTo("订单 " + number + " 验收单");
        assertThat((String) chinese.get("document")).contains("货物", "数量", "确认即表示您已全部收到上述货物")
                .doesNotContain("Goods");

        // none chosen: Chinese, as the quote's document
        assertThat(mvc.post().uri("/orders/" + orderId + "/acceptance/send?lang=en").with(csrf()).cookie(rep)
                .param("contactId", contact(customerId, "联系人 甲")).exchange()).hasStatus3xxRedirection();
        assertThat(lastSent(orderId, seen).get("title")).isEqualTo("订单 " + number + " 验收单");

        // one not offered is refused on the form, and nothing is sent
        var refused = mvc.post().uri("/orders/" + orderId + "/acceptance/send?lang=en").with(csrf()).cookie(rep)
                .param("contactId", contact(customerId, "联系人 乙")).param("documentLocale", "fr").exchange();
        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Documents are written in zh-CN, en only");
        assertThat(jdbc.sql("select count(*) from confirmation_confirmation where subject_type = 'OrderAcceptance' "
                + "and subject_id = :o").param("o", orderId).query(Integer.class).single()).isEqualTo(seen.size());
    }
}
