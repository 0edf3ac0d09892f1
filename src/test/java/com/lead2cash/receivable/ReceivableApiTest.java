package com.lead2cash.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lead2cash.receivable.internal.CollectionRoutine;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.DocumentNumbers;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Receivables through the API (SPEC §5 "Receivables", rules P1–P2): the payment plan a signed contract
 * gets, receipts recorded by finance and allocated across plans, a reversal, the P1 reminder and the P2
 * aging with its escalation, and the refusals.
 */
@IntegrationTest
@Import(TestClock.class)
class ReceivableApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** One set of reviewers for the class: K2 asks the longest-serving legal head. */
    static Reviewers reviewers;

    @Autowired MockMvcTester mvc;
    @Autowired SignedContracts contracts;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired MutableClock clock;
    @Autowired CollectionRoutine routine;
    @Autowired com.lead2cash.receivable.internal.ReceivablePlanning planning;
    @Autowired com.lead2cash.testing.Fixtures fixtures;
    @Autowired com.lead2cash.testing.SalesTestSupport sales;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = support.reviewers("rcv", CustomerTestSupport.HIRED.minusYears(10));
        }
        return reviewers;
    }

    /** A contract of 600 000.00: 180 000.00 prepayment due on {@code prepaymentDue}, 420 000.00 on acceptance. */
    JsonNode signed(String customer, String prepaymentDue) {
        return contracts.sign(mvc, reviewers(), customer, "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"%s"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""".formatted(prepaymentDue),
                "2026-12-01");
    }

    List<JsonNode> plans(String token, String contractId) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                customers.getJson(mvc, token, "/api/v1/receivables?contractId=" + contractId).get("items").size() > 0);
        JsonNode page = customers.getJson(mvc, token, "/api/v1/receivables?contractId=" + contractId);
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .sorted(java.util.Comparator.comparingInt(p -> p.get("position").asInt())).toList();
    }

    String finance() {
        return customers.bearer(mvc, reviewers().finance());
    }

    String rep() {
        return customers.bearer(mvc, reviewers().rep());
    }

    /** Who was told of the plan, by notification kind, in the order they were told. */
    List<java.util.UUID> told(String kind, String planId) {
        return jdbc.sql("select recipient_id from notification_message where kind = :kind and link = :link order by created_at, id")
                .param("kind", kind).param("link", "/receivables/" + planId).query(java.util.UUID.class).list();
    }

    static void at(MutableClock clock, String localDateTime) {
        clock.set(java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
    }

    @Test
    void theSignedContractGetsOnePlanPerMilestoneAddingUpToTheContractAmount() {
        JsonNode contract = signed("杭州回款一号科技有限公司", "2026-12-20");

        List<JsonNode> plans = plans(rep(), contract.get("id").asString());

        assertThat(plans).extracting(p -> p.get("type").asString() + " " + p.get("amount").decimalValue().setScale(2).toPlainString()
                        + " " + p.get("state").asString())
                .containsExactly("PREPAYMENT 180000.00 PLANNED", "ACCEPTANCE 420000.00 PLANNED");
        assertThat(plans.get(0).get("dueDate").asString()).isEqualTo("2026-12-20");
        assertThat(plans.get(1).get("dueDate").isNull()).as("due on acceptance").isTrue();
        assertThat(plans.stream().map(p -> p.get("amount").decimalValue()).reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add)).isEqualByComparingTo(contract.get("amount").decimalValue());
        assertThat(customers.getJson(mvc, customers.bearer(mvc, reviewers().otherRep()),
                "/api/v1/receivables?contractId=" + contract.get("id").asString()).get("items").size())
                .as("another team's rep sees none of them").isZero();
        var outOfScope = customers.get(mvc, customers.bearer(mvc, reviewers().otherRep()),
                "/api/v1/receivables/" + plans.get(0).get("id").asString());
        assertThat(outOfScope).hasStatus(404);
    }

    @Test
    void aMilestoneCountedFromSigningFallsDueTheDaysItGrantsAfterTheSigningAndIsRemindedAndAged() {
        at(clock, "2027-06-01T10:00"); // after the other tests' aging, which this plan would join
        JsonNode contract = contracts.sign(mvc, reviewers(), "杭州回款签约起算科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueCondition":"合同签订后 7 日内"},
                {"type":"INSTALLMENT","amount":120000.00,"dueCondition":"签约时支付"},
                {"type":"ON_DELIVERY","amount":300000.00,"dueCondition":"合同签订且到货后 10 日内"}""", "2027-06-01");

        List<JsonNode> plans = plans(finance(), contract.get("id").asString());

        assertThat(plans.subList(0, 2)).extracting(p -> p.get("type").asString() + " " + p.get("dueDate").asString()
                        + " " + p.get("state").asString())
                .containsExactly("PREPAYMENT 2027-06-08 PLANNED", "INSTALLMENT 2027-06-01 DUE");
        assertThat(plans.get(2).get("dueDate").isNull()).as("a condition that also waits for the delivery").isTrue();
        String prepayment = plans.get(0).get("id").asString();

        at(clock, "2027-06-05T00:00"); // P1: three calendar days before 8 June
        routine.run();
        assertThat(told("receivable.reminder", prepayment)).containsExactly(reviewers().rep().id());
        at(clock, "2027-06-09T10:00");
        routine.run();
        assertThat(customers.getJson(mvc, finance(), "/api/v1/receivables/" + prepayment).get("state").asString())
                .isEqualTo("OVERDUE");
    }

    /**
     * SPEC §6: money is answered with two places however it was typed or computed — read in the answer's text, as a
     * client reads it (a parsed number has no places) — and a quantity keeps its three.
     */
    @Test
    void moneyIsAnsweredWithTwoPlacesInTheContractItsPlansAndAReceiptAndAQuantityWithItsThree() {
        JsonNode contract = contracts.signFromAcceptedQuote(mvc, reviewers(), "rcvplaces", "杭州回款两位小数科技有限公司",
                "2026-12-01");
        String contractId = contract.get("id").asString();

        String read = ContractTestSupport.text(customers.get(mvc, rep(), "/api/v1/contracts/" + contractId));
        assertThat(read).as(read).contains("\"amount\":12360.00").contains("\"quantity\":10.000")
                .contains("\"quantity\":2.000").doesNotContainPattern("\"amount\":12360[,}]");

        List<JsonNode> plans = plans(finance(), contractId);
        assertThat(plans.get(0).get("amount").decimalValue()).isEqualByComparingTo("3708.00");
        String listed = ContractTestSupport.text(customers.get(mvc, finance(), "/api/v1/receivables?contractId=" + contractId));
        assertThat(listed).as(listed).contains("\"amount\":3708.00").contains("\"paidAmount\":0.00")
                .doesNotContainPattern("\"amount\":3708[,}]");

        // the prepayment paid whole (so that the aging of the other tests is their plans' own), typed without places
        var receipt = customers.post(mvc, finance(), "/api/v1/receipts", """
                {"customerId":"%s","amount":3708,"receivedOn":"2026-12-01","method":"CASH",
                 "allocations":[{"receivableId":"%s","amount":3708}]}""".formatted(contract.get("customerId").asString(),
                plans.get(0).get("id").asString()));
        String recorded = ContractTestSupport.text(receipt);
        assertThat(receipt).as(recorded).hasStatus(201);
        assertThat(recorded).as("typed as 3708, answered as money").contains("\"amount\":3708.00,")
                .contains("\"allocatedAmount\":3708.00").doesNotContainPattern("\"amount\":3708[,}]");
    }

    @Test
    void aPaymentOnDeliveryFallsDueOnlyOnceTheContractsGoodsAreAllDeliveredCountedFromTheLastDelivery() {
        JsonNode contract = contracts.signFromAcceptedQuote(mvc, reviewers(), "rcvdel", "杭州回款分批到货科技有限公司",
                "2026-12-01");
        String contractId = contract.get("id").asString();
        String gateways = contract.get("lines").get(0).get("productId").asString(); // 10 sold
        String service = contract.get("lines").get(1).get("productId").asString(); // 2 sold

        delivered(contractId, List.of(gateways), List.of(4), "2026-12-01");
        delivered(contractId, List.of(gateways, service), List.of(6, 2), "2026-12-03");

        await().atMost(Duration.ofSeconds(20)).until(() -> !plans(finance(), contractId).get(1).get("dueDate").isNull());
        List<JsonNode> plans = plans(finance(), contractId);
        assertThat(plans.get(1).get("type").asString()).isEqualTo("ON_DELIVERY");
        assertThat(plans.get(1).get("dueDate").asString()).as("到货验收后 15 日内, from the last delivery, not the first")
                .isEqualTo("2026-12-18");
        assertThat(plans.get(2).get("dueDate").isNull()).as("the retention waits for its own condition").isTrue();
        // the prepayment (合同签订后 7 日内) paid, so that the aging of the other tests is their plans' own
        assertThat(customers.post(mvc, finance(), "/api/v1/receipts", """
                {"customerId":"%s","amount":%s,"receivedOn":"2026-12-03","method":"BANK_TRANSFER",
                 "allocations":[{"receivableId":"%s","amount":%s}]}""".formatted(contract.get("customerId").asString(),
                plans.get(0).get("amount").asString(), plans.get(0).get("id").asString(), plans.get(0).get("amount").asString())))
                .hasStatus(201);
    }

    /** An order of the contract's products in those quantities, shipped whole and delivered on {@code day}. */
    void delivered(String contractId, List<String> products, List<Integer> quantities, String day) {
        at(clock, day + "T10:00");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < products.size(); i++) {
            lines.append(i == 0 ? "" : ",").append("{\"productId\":\"%s\",\"quantity\":%d}".formatted(products.get(i),
                    quantities.get(i)));
        }
        JsonNode order = customers.json(com.lead2cash.testing.SalesTestSupport.expect(customers.post(mvc, rep(),
                "/api/v1/orders", """
                {"contractId":"%s","lines":[%s],"address":"杭州市西湖区文三路 1 号","consignee":"王经理",
                 "consigneePhone":"13800000000","promisedDate":"%s"}""".formatted(contractId, lines, day)), 201));
        String operations = customers.bearer(mvc, reviewers().operations());
        long version = order.get("version").asLong();
        for (int i = 0; i < products.size(); i++) {
            version = customers.json(com.lead2cash.testing.SalesTestSupport.expect(customers.post(mvc, operations,
                    "/api/v1/orders/" + order.get("id").asString() + "/shipments", """
                    {"line":%d,"quantity":%d,"carrier":"顺丰速运","waybillNumber":"SF%d","shipDate":"%s","version":%d}"""
                            .formatted(i + 1, quantities.get(i), i, day, version)), 200)).get("version").asLong();
        }
        com.lead2cash.testing.SalesTestSupport.expect(customers.post(mvc, rep(), "/api/v1/orders/"
                + order.get("id").asString() + "/delivery", "{\"deliveredOn\":\"%s\",\"version\":%d}".formatted(day, version)), 200);
    }

    @Test
    void aTerminatedContractWhoseOnlyShipmentIsBookedForALaterDayClosesItsPlansAsIfNothingShipped() {
        at(clock, "2026-12-01T10:00");
        JsonNode contract = contracts.signFromAcceptedQuote(mvc, reviewers(), "rcvbook", "杭州回款预约发货终止科技有限公司",
                "2026-12-01");
        String contractId = contract.get("id").asString();
        String gateways = contract.get("lines").get(0).get("productId").asString();
        List<JsonNode> before = plans(finance(), contractId);
        assertThat(before).extracting(p -> p.get("state").asString()).contains("PLANNED");
        JsonNode order = customers.json(com.lead2cash.testing.SalesTestSupport.expect(customers.post(mvc, rep(),
                "/api/v1/orders", """
                {"contractId":"%s","lines":[{"productId":"%s","quantity":4}],"address":"杭州市西湖区文三路 1 号",
                 "consignee":"王经理","consigneePhone":"13800000000","promisedDate":"2026-12-10"}"""
                        .formatted(contractId, gateways)), 201));
        JsonNode booked = customers.json(com.lead2cash.testing.SalesTestSupport.expect(customers.post(mvc,
                customers.bearer(mvc, reviewers().operations()), "/api/v1/orders/" + order.get("id").asString() + "/shipments",
                """
                {"line":1,"quantity":4,"carrier":"顺丰速运","shipDate":"2026-12-05","version":%d}"""
                        .formatted(order.get("version").asLong())), 200));
        assertThat(booked.get("status").asString()).as("booked for a later day: nothing left yet").isEqualTo("PREPARING");

        String manager = customers.bearer(mvc, reviewers().manager());
        long version = customers.getJson(mvc, manager, "/api/v1/contracts/" + contractId).get("version").asLong();
        assertThat(customers.post(mvc, manager, "/api/v1/contracts/" + contractId + "/termination", """
                {"reason":"客户取消","effectiveOn":"2026-12-01","version":%d}""".formatted(version))).hasStatusOk();

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "WRITTEN_OFF".equals(plans(finance(), contractId).get(0).get("state").asString()));
        assertThat(plans(finance(), contractId)).extracting(p -> p.get("state").asString())
                .as("every plan not yet due is closed, as with no shipment").doesNotContain("PLANNED");
    }

    @Test
    void aTerminatedContractsPlansNotYetDueAreClosedNoLaterConditionDatesThemAndFinanceHearsWhatIsLeftOpen() throws Exception {
        JsonNode contract = contracts.sign(mvc, reviewers(), "杭州回款合同终止科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-01"},
                {"type":"INSTALLMENT","amount":120000.00,"dueCondition":"合同签订后 50 日内"},
                {"type":"ON_DELIVERY","amount":300000.00,"dueCondition":"到货后 10 日内"}""", "2026-12-01");
        String contractId = contract.get("id").asString();
        List<JsonNode> before = plans(finance(), contractId);
        assertThat(before.get(1).get("dueDate").asString()).isEqualTo("2027-01-20");

        String manager = customers.bearer(mvc, reviewers().manager());
        long version = customers.getJson(mvc, manager, "/api/v1/contracts/" + contractId).get("version").asLong();
        assertThat(customers.post(mvc, manager, "/api/v1/contracts/" + contractId + "/termination", """
                {"reason":"客户取消","effectiveOn":"2026-12-01","version":%d}""".formatted(version))).hasStatusOk();

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "WRITTEN_OFF".equals(plans(finance(), contractId).get(2).get("state").asString()));
        List<JsonNode> after = plans(finance(), contractId).stream()
                .map(p -> customers.getJson(mvc, finance(), "/api/v1/receivables/" + p.get("id").asString())).toList();
        assertThat(after).extracting(p -> p.get("type").asString() + " " + p.get("state").asString() + " "
                        + p.get("dueDate").asString() + " " + p.get("writtenOffReason").asString())
                .as("closed, the due date it had shown as its history (none is shown as empty)")
                .containsExactly("PREPAYMENT DUE 2026-12-01 ", "INSTALLMENT WRITTEN_OFF 2027-01-20 contract terminated",
                        "ON_DELIVERY WRITTEN_OFF  contract terminated");
        assertThat(plans(finance(), contractId)).extracting(p -> p.get("dueDate").asString())
                .as("the list shows it too").containsExactly("2026-12-01", "2027-01-20", "");
        assertThat(jdbc.sql("select recipient_id from notification_message where kind = 'receivable.contractTerminated'"
                        + " and title_key = 'receivable.notify.contractTerminated' and link = :link and args->>2 = :left")
                .param("link", "/receivables?q=" + contract.get("number").asString()).param("left", "#1 180,000.00")
                .query(java.util.UUID.class).list()).as("finance hears what is left to collect")
                .contains(reviewers().finance().id());

        planning.conditionMet(java.util.UUID.fromString(contractId), com.lead2cash.contract.MilestoneType.ON_DELIVERY,
                LocalDate.of(2026, 12, 3)); // the goods still arrived
        assertThat(plans(finance(), contractId).get(2).get("dueDate").isNull()).as("a closed plan stays undated").isTrue();

        at(clock, "2027-01-18T00:00"); // P1 of the installment due 20 January, had it stayed
        routine.run();
        assertThat(told("receivable.reminder", after.get(1).get("id").asString())).isEmpty();
        at(clock, "2027-01-25T10:00");
        JsonNode rates = customers.getJson(mvc, finance(), "/api/v1/receivables/collection-rates?from=2027-01-20&to=2027-01-20");
        assertThat(rates.get("company").get("due").decimalValue()).as("the closed plan is not due").isEqualByComparingTo("0");
        var session = fixtures.session(mvc, reviewers().finance().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        for (String[] lang : new String[][] {{"en", "Closed: the contract was terminated", "(合同签订后 50 日内)"},
                {"zh-CN", "合同已终止，计划关闭", "（合同签订后 50 日内）"}}) {
            String page = new String(mvc.get().uri("/receivables/" + after.get(1).get("id").asString() + "?lang=" + lang[0])
                    .cookie(session).exchange().getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).contains(lang[1], "2027-01-20").doesNotContain("contract terminated<")
                    .as("the condition in the language's own brackets").contains(lang[2]);
        }
        // finance writes off what is left, so that the aging of the other tests is their plans' own
        JsonNode overdue = customers.getJson(mvc, finance(), "/api/v1/receivables/" + after.get(0).get("id").asString());
        assertThat(customers.post(mvc, finance(), "/api/v1/receivables/" + overdue.get("id").asString() + "/write-off",
                "{\"reason\":\"合同终止\",\"version\":%d}".formatted(overdue.get("version").asLong()))).hasStatusOk();
    }

    /**
     * Walk finding: a receipt allocated to a terminated contract's written-off plan was refused as "settled". The
     * refusal names the state the plan is in, in both languages.
     */
    @Test
    void aReceiptOnAWrittenOffPlanIsRefusedNamingItWrittenOffNotSettled() {
        // both plans not yet due: both closed, none left open to count in other tests' aging
        JsonNode contract = contracts.sign(mvc, reviewers(), "杭州回款核销计划科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"INSTALLMENT","amount":420000.00,"dueCondition":"合同签订后 50 日内"}""", "2026-12-01");
        String contractId = contract.get("id").asString();
        plans(finance(), contractId);
        String manager = customers.bearer(mvc, reviewers().manager());
        long version = customers.getJson(mvc, manager, "/api/v1/contracts/" + contractId).get("version").asLong();
        assertThat(customers.post(mvc, manager, "/api/v1/contracts/" + contractId + "/termination", """
                {"reason":"客户取消","effectiveOn":"2026-12-01","version":%d}""".formatted(version))).hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "WRITTEN_OFF".equals(plans(finance(), contractId).get(1).get("state").asString()));
        String installment = plans(finance(), contractId).get(1).get("id").asString();

        String body = """
                {"customerId":"%s","amount":1000.00,"receivedOn":"2026-12-01","method":"BANK_TRANSFER",
                 "payer":"杭州回款核销计划科技有限公司","reference":"ICBC-20261201-WO",
                 "allocations":[{"receivableId":"%s","amount":1000.00}]}"""
                .formatted(contract.get("customerId").asString(), installment);
        for (String[] lang : new String[][] {{"en", "Written off"}, {"zh-CN", "已核销"}}) {
            MvcTestResult refused = mvc.post().uri("/api/v1/receipts").header(HttpHeaders.AUTHORIZATION, finance())
                    .header(HttpHeaders.ACCEPT_LANGUAGE, lang[0]).contentType(MediaType.APPLICATION_JSON).content(body)
                    .exchange();
            assertThat(refused).as(ContractTestSupport.text(refused)).hasStatus(422);
            assertThat(customers.json(refused).get("code").asString()).isEqualTo("receivable.notOpen");
            assertThat(customers.json(refused).get("detail").asString()).as(lang[0])
                    .contains(contract.get("number").asString(), lang[1]).doesNotContain("settled", "已结清");
        }
    }

    @Test
    void aPartialReceiptIsSplitAcrossTwoPlansAndAReversalMakesThemOweAgain() {
        JsonNode contract = signed("杭州回款二号科技有限公司", "2026-12-20");
        List<JsonNode> plans = plans(finance(), contract.get("id").asString());
        String prepayment = plans.get(0).get("id").asString();
        String acceptance = plans.get(1).get("id").asString();

        var recorded = customers.post(mvc, finance(), "/api/v1/receipts", """
                {"customerId":"%s","amount":300000.00,"receivedOn":"2026-12-01","method":"BANK_TRANSFER",
                 "payer":"杭州回款二号科技有限公司","reference":"ICBC-20261201-01",
                 "allocations":[{"receivableId":"%s","amount":180000.00},{"receivableId":"%s","amount":100000.00}]}"""
                .formatted(contract.get("customerId").asString(), prepayment, acceptance));

        assertThat(recorded).as(ContractTestSupport.text(recorded)).hasStatus(201);
        JsonNode receipt = customers.json(recorded);
        assertThat(receipt.get("unallocated").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(customers.getJson(mvc, finance(), "/api/v1/receivables/" + prepayment).get("state").asString()).isEqualTo("PAID");
        JsonNode partly = customers.getJson(mvc, finance(), "/api/v1/receivables/" + acceptance);
        assertThat(partly.get("state").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(partly.get("outstanding").decimalValue()).isEqualByComparingTo("320000.00");

        JsonNode figures = customers.getJson(mvc, rep(), "/api/v1/receivables/contract-figures?contractId="
                + contract.get("id").asString()).get("items").get(0);
        assertThat(figures.get("collected").decimalValue()).isEqualByComparingTo("280000.00");
        assertThat(figures.get("collectedPercent").decimalValue()).isEqualByComparingTo("46.67");
        assertThat(figures.get("paidPlans").asInt() + "/" + figures.get("plans").asInt()).isEqualTo("1/2");
        assertThat(customers.getJson(mvc, customers.bearer(mvc, reviewers().otherRep()),
                "/api/v1/receivables/contract-figures?contractId=" + contract.get("id").asString()).get("items").size())
                .as("out of scope").isZero();

        var tooMuch = customers.post(mvc, finance(), "/api/v1/receipts/" + receipt.get("id").asString() + "/allocations",
                "{\"allocations\":[{\"receivableId\":\"%s\",\"amount\":20000.01}],\"version\":%d}"
                        .formatted(acceptance, receipt.get("version").asLong()));
        assertThat(tooMuch).as("above what is left of the receipt").hasStatus(422);

        var reversed = customers.post(mvc, finance(), "/api/v1/receipts/" + receipt.get("id").asString() + "/reversal",
                "{\"reason\":\"付款方账户错误，银行退回\",\"version\":%d}".formatted(receipt.get("version").asLong()));
        assertThat(reversed).as(ContractTestSupport.text(reversed)).hasStatusOk();
        assertThat(customers.json(reversed).get("state").asString()).isEqualTo("REVERSED");
        assertThat(plans(finance(), contract.get("id").asString()))
                .extracting(p -> p.get("state").asString() + " " + p.get("paidAmount").decimalValue().setScale(2).toPlainString())
                .containsExactly("PLANNED 0.00", "PLANNED 0.00");
        assertThat(customers.getJson(mvc, finance(), "/api/v1/receipts/" + receipt.get("id").asString())
                .get("allocations").size()).as("the reversed receipt is kept as it was").isEqualTo(2);
    }

    @Test
    void P2_theCollectionRateCountsEveryPlanDueByTodayInFinishedMonthsAndTheCurrentOneAndFollowsReceiptsAndReversals() {
        JsonNode december = signed("杭州回款六号科技有限公司", "2026-12-20");
        String decemberPlan = plans(finance(), december.get("id").asString()).get(0).get("id").asString();
        JsonNode january = signed("杭州回款七号科技有限公司", "2027-01-10");
        String januaryPlan = plans(finance(), january.get("id").asString()).get(0).get("id").asString();
        java.util.UUID rep = reviewers().rep().id();

        at(clock, "2027-01-09T10:00");
        JsonNode before = rateOf(rep);
        assertRatesAreThePlansOwn("2027-01-09");
        at(clock, "2027-01-15T10:00");
        JsonNode both = rateOf(rep);
        assertThat(both.get("due").decimalValue().subtract(before.get("due").decimalValue()))
                .as("the January plan counts from its due date in the current month").isEqualByComparingTo("180000.00");
        assertRatesAreThePlansOwn("2027-01-15");

        var recorded = customers.post(mvc, finance(), "/api/v1/receipts", """
                {"customerId":"%s","amount":100000.00,"receivedOn":"2027-01-15","method":"BANK_TRANSFER",
                 "allocations":[{"receivableId":"%s","amount":100000.00}]}""".formatted(december.get("customerId").asString(),
                decemberPlan));
        assertThat(recorded).as(ContractTestSupport.text(recorded)).hasStatus(201);
        var second = customers.post(mvc, finance(), "/api/v1/receipts", """
                {"customerId":"%s","amount":30000.00,"receivedOn":"2027-01-15","method":"CASH",
                 "allocations":[{"receivableId":"%s","amount":30000.00}]}""".formatted(january.get("customerId").asString(),
                januaryPlan));
        assertThat(second).as(ContractTestSupport.text(second)).hasStatus(201);
        assertThat(rateOf(rep).get("collected").decimalValue().subtract(both.get("collected").decimalValue()))
                .as("a December (finished month) and a January (current month) receipt").isEqualByComparingTo("130000.00");
        assertRatesAreThePlansOwn("2027-01-15");

        JsonNode receipt = customers.json(recorded);
        var reversed = customers.post(mvc, finance(), "/api/v1/receipts/" + receipt.get("id").asString() + "/reversal",
                "{\"reason\":\"银行退回\",\"version\":%d}".formatted(receipt.get("version").asLong()));
        assertThat(reversed).as(ContractTestSupport.text(reversed)).hasStatusOk();
        assertThat(rateOf(rep).get("collected").decimalValue().subtract(both.get("collected").decimalValue()))
                .as("the reversed December receipt no longer counts").isEqualByComparingTo("30000.00");
        assertRatesAreThePlansOwn("2027-01-15");
        assertAgingIsThePlansOwn("2027-01-15");

        // 15 April: December lies wholly before the > 90 days boundary's month (read as a month), January does not
        at(clock, "2027-04-15T10:00");
        assertAgingIsThePlansOwn("2027-04-15");
        assertRatesAreThePlansOwn("2027-04-15");

        routine.run();
        JsonNode overdue = customers.getJson(mvc, finance(), "/api/v1/receivables/" + januaryPlan);
        assertThat(overdue.get("state").asString()).isEqualTo("OVERDUE");
        var writtenOff = customers.post(mvc, finance(), "/api/v1/receivables/" + januaryPlan + "/write-off",
                "{\"reason\":\"客户破产清算\",\"version\":%d}".formatted(overdue.get("version").asLong()));
        assertThat(writtenOff).as(ContractTestSupport.text(writtenOff)).hasStatusOk();
        assertThat(rateOf(rep).get("due").decimalValue().subtract(before.get("due").decimalValue()))
                .as("the written-off January plan still counts as due: bad debt lowers the rate").isEqualByComparingTo("180000.00");
        assertAgingIsThePlansOwn("2027-04-15");
        assertRatesAreThePlansOwn("2027-04-15");
        // a manager's report is their team's plans only, its rates their team's reps; another team's rep sees none of it
        String team = "owner_id in (select u.id from platform_user u join platform_org_unit o on o.id = u.org_unit_id "
                + "where o.path like (select path from platform_org_unit where id = '%s') || '%%')"
                .formatted(reviewers().manager().orgUnitId());
        String manager = customers.bearer(mvc, reviewers().manager());
        assertAgingIsThePlansOwn("2027-04-15", manager, team);
        List<String> teamReps = jdbc.sql("select distinct cast(owner_id as text) from receivable_plan where due_date <= "
                + "date '2027-04-15' and " + team).query(String.class).list();
        assertThat(StreamSupport.stream(customers.getJson(mvc, manager, "/api/v1/receivables/aging").get("reps")
                .spliterator(), false).map(r -> r.get("ownerId").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(teamReps).contains(rep.toString());
        assertThat(StreamSupport.stream(customers.getJson(mvc, customers.bearer(mvc, reviewers().otherRep()),
                "/api/v1/receivables/aging").get("reps").spliterator(), false).map(r -> r.get("ownerId").asString()))
                .doesNotContain(rep.toString());
        // periods cut months: starting mid-month, ending mid-month, within one month, and whole months
        for (String[] period : new String[][] {{"2026-12-15", "2027-01-31"}, {"2026-12-01", "2027-01-09"},
                {"2026-12-18", "2026-12-25"}, {"2026-12-01", "2027-03-31"}, {"2027-01-11", "2027-04-15"}}) {
            assertPeriodRatesAreThePlansOwn(period[0], period[1]);
        }
    }

    /** The rates over a period are exactly what the plans due in it asked and collected. */
    void assertPeriodRatesAreThePlansOwn(String from, String to) {
        List<String> expected = jdbc.sql("""
                select owner_id, sum(amount), sum(paid_amount) from receivable_plan
                where due_date between :from::date and :to::date group by owner_id order by owner_id""")
                .param("from", from).param("to", to)
                .query((rs, i) -> rs.getString(1) + " " + rs.getBigDecimal(2).setScale(2) + " " + rs.getBigDecimal(3).setScale(2))
                .list();
        JsonNode rates = customers.getJson(mvc, finance(), "/api/v1/receivables/collection-rates?from=" + from + "&to=" + to);
        assertThat(StreamSupport.stream(rates.get("reps").spliterator(), false)
                .map(r -> r.get("id").asString() + " " + r.get("due").decimalValue().setScale(2) + " "
                        + r.get("collected").decimalValue().setScale(2)).sorted().toList())
                .as(from + " to " + to).isEqualTo(expected);
    }

    /** The report's buckets are exactly what the open plans overdue on that day still owe, bucketed by days overdue. */
    void assertAgingIsThePlansOwn(String today) {
        assertAgingIsThePlansOwn(today, finance(), "true");
    }

    /** The same for a reader whose scope is the plans with {@code owners} (a condition on {@code owner_id}). */
    void assertAgingIsThePlansOwn(String today, String reader, String owners) {
        java.util.Map<String, String> expected = new java.util.TreeMap<>();
        jdbc.sql("""
                select case when :today::date - due_date <= 30 then 'B1' when :today::date - due_date <= 60 then 'B2'
                            when :today::date - due_date <= 90 then 'B3' else 'B4' end, count(*), sum(amount - paid_amount)
                from receivable_plan where state in ('PLANNED', 'DUE', 'PARTIALLY_PAID', 'OVERDUE') and due_date < :today::date
                and (%s) group by 1""".formatted(owners)).param("today", today)
                .query((rs, i) -> expected.put(rs.getString(1), rs.getInt(2) + " " + rs.getBigDecimal(3).setScale(2))).list();
        JsonNode aging = customers.getJson(mvc, reader, "/api/v1/receivables/aging");
        java.util.Map<String, String> actual = new java.util.TreeMap<>();
        aging.get("buckets").forEach(b -> {
            if (b.get("plans").asInt() > 0) {
                actual.put(b.get("bucket").asString(), b.get("plans").asInt() + " " + b.get("outstanding").decimalValue().setScale(2));
            }
        });
        assertThat(actual).as("aging on " + today).isEqualTo(expected).isNotEmpty();
    }

    JsonNode rateOf(java.util.UUID owner) {
        JsonNode aging = customers.getJson(mvc, finance(), "/api/v1/receivables/aging");
        return StreamSupport.stream(aging.get("reps").spliterator(), false)
                .filter(r -> r.get("ownerId").asString().equals(owner.toString())).findFirst().orElseThrow();
    }

    /** The report's rates are exactly what the plans due by that day asked and collected (written-off ones as due). */
    void assertRatesAreThePlansOwn(String today) {
        List<String> expected = jdbc.sql("""
                select owner_id, sum(amount), sum(paid_amount) from receivable_plan
                where due_date <= :today::date group by owner_id order by owner_id""")
                .param("today", today)
                .query((rs, i) -> rs.getString(1) + " " + rs.getBigDecimal(2).setScale(2) + " " + rs.getBigDecimal(3).setScale(2))
                .list();
        JsonNode aging = customers.getJson(mvc, finance(), "/api/v1/receivables/aging");
        assertThat(aging.get("asOf").asString()).isEqualTo(today);
        assertThat(StreamSupport.stream(aging.get("reps").spliterator(), false)
                .map(r -> r.get("ownerId").asString() + " " + r.get("due").decimalValue().setScale(2) + " "
                        + r.get("collected").decimalValue().setScale(2)).sorted().toList()).isEqualTo(expected);
    }

    @Test
    void aRefusedReceiptTakesNoReceiptNumberTheNextReceiptGetsTheOneAfterTheLast() {
        JsonNode contract = signed("杭州收款编号科技有限公司", "2026-12-20");
        String plan = plans(finance(), contract.get("id").asString()).get(0).get("id").asString();
        String body = """
                {"customerId":"%s","amount":%s,"receivedOn":"2026-12-01","method":"CASH",
                 "allocations":[{"receivableId":"%s","amount":%s}]}""";
        String customer = contract.get("customerId").asString();
        var first = customers.post(mvc, finance(), "/api/v1/receipts", body.formatted(customer, "100.00", plan, "100.00"));
        assertThat(first).as(ContractTestSupport.text(first)).hasStatus(201);
        String last = customers.json(first).get("number").asString();

        // refused for its allocation, after the receipt took its number: the number is given back
        assertThat(customers.post(mvc, finance(), "/api/v1/receipts", body.formatted(customer, "900000.00", plan, "900000.00")))
                .as("an allocation above what the plan owes").hasStatus(422);

        var next = customers.post(mvc, finance(), "/api/v1/receipts", body.formatted(customer, "200.00", plan, "200.00"));
        assertThat(next).as(ContractTestSupport.text(next)).hasStatus(201);
        assertThat(customers.json(next).get("number").asString()).isEqualTo(DocumentNumbers.following(last));
    }

    /** POST /api/v1/receipts with the body and, unless null, an Idempotency-Key. */
    MvcTestResult postReceipt(String token, String idempotencyKey, String body) {
        var request = mvc.post().uri("/api/v1/receipts").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return (idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey)).exchange();
    }

    /** The receipts of the customer, as the table holds them (reversed ones too). */
    int receiptsOf(String customerId) {
        return jdbc.sql("select count(*) from receivable_receipt where customer_id = :c")
                .param("c", java.util.UUID.fromString(customerId)).query(Integer.class).single();
    }

    /** The first refused field of a 422 and its code. */
    String errorOf(MvcTestResult refused) {
        JsonNode error = customers.json(refused).get("errors").get(0);
        return error.get("field").asString() + " " + error.get("code").asString();
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheReceiptItRecordedAnotherBodyUnderItIsRefusedAndKeysAreEachUsersOwn() {
        JsonNode contract = signed("杭州回款幂等科技有限公司", "2026-12-20");
        String plan = plans(finance(), contract.get("id").asString()).get(0).get("id").asString();
        String customer = contract.get("customerId").asString();
        String body = """
                {"customerId":"%s","amount":%s,"receivedOn":"2026-12-01","method":"CASH",
                 "allocations":[{"receivableId":"%s","amount":1000.00}]}""";

        var first = postReceipt(finance(), "pay-2026-12-01", body.formatted(customer, "1000.00", plan));
        assertThat(first).as(ContractTestSupport.text(first)).hasStatus(201);
        JsonNode recorded = customers.json(first);
        // the same request again (a timeout, a retry), its fields in another order and spacing
        var again = postReceipt(finance(), "pay-2026-12-01", """
                { "allocations": [ {"amount": 1000.00, "receivableId": "%s"} ], "method": "CASH",
                  "receivedOn": "2026-12-01", "amount": 1000.00, "customerId": "%s" }""".formatted(plan, customer));
        assertThat(again).as(ContractTestSupport.text(again)).hasStatus(200);
        assertThat(customers.json(again).get("id").asString() + " " + customers.json(again).get("number").asString())
                .isEqualTo(recorded.get("id").asString() + " " + recorded.get("number").asString());
        assertThat(again.getResponse().getHeader("Location")).isEqualTo("/api/v1/receipts/" + recorded.get("id").asString());
        assertThat(receiptsOf(customer)).as("recorded once").isEqualTo(1);
        // the same amount written otherwise by a client that serialises money its own way
        for (String amount : new String[] {"1000", "1000.000"}) {
            var written = postReceipt(finance(), "pay-2026-12-01", body.formatted(customer, amount, plan));
            assertThat(written).as(amount + ": " + ContractTestSupport.text(written)).hasStatus(200);
        }
        // an amount in exponent notation is refused as every amount so written is (error.input.amountExponent)
        var exponent = postReceipt(finance(), "pay-2026-12-01", body.formatted(customer, "1e3", plan));
        assertThat(exponent).as(ContractTestSupport.text(exponent)).hasStatus(422);
        assertThat(receiptsOf(customer)).as("still once").isEqualTo(1);

        var otherBody = postReceipt(finance(), "pay-2026-12-01", body.formatted(customer, "2000.00", plan));
        assertThat(otherBody).hasStatus(422);
        assertThat(errorOf(otherBody)).isEqualTo("Idempotency-Key receipt.idempotencyKey.reused");
        assertThat(customers.json(otherBody).get("errors").get(0).get("message").asString())
                .isEqualTo("This Idempotency-Key was already used for a different receipt; use a new key for a new receipt.");
        assertThat(errorOf(postReceipt(finance(), " ", body.formatted(customer, "1000.00", plan))))
                .isEqualTo("Idempotency-Key receipt.idempotencyKey.invalid");
        assertThat(receiptsOf(customer)).as("refused, nothing recorded").isEqualTo(1);

        // two Idempotency-Key headers are not the one key their values joined by a comma: 400, nothing recorded
        var twoKeys = mvc.post().uri("/api/v1/receipts").header(HttpHeaders.AUTHORIZATION, finance())
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(customer, "1000.00", plan))
                .header("Idempotency-Key", "pay-2026-12-01", "pay-2026-12-02").exchange();
        assertThat(twoKeys).hasStatus(400);
        assertThat(errorOf(twoKeys)).isEqualTo("Idempotency-Key error.header.repeated");
        assertThat(receiptsOf(customer)).as("refused, nothing recorded").isEqualTo(1);

        // another finance user's key of the same name is another key
        fixtures.user("fin.rcv.second", fixtures.rootUnit(), CustomerTestSupport.HIRED, com.lead2cash.platform.Role.FINANCE);
        var colleague = postReceipt(customers.bearer(mvc, "fin.rcv.second"), "pay-2026-12-01",
                body.formatted(customer, "1000.00", plan));
        assertThat(colleague).as(ContractTestSupport.text(colleague)).hasStatus(201);
        assertThat(customers.json(colleague).get("id").asString()).isNotEqualTo(recorded.get("id").asString());
        // without the header every request records a receipt, as before
        assertThat(postReceipt(finance(), null, body.formatted(customer, "1000.00", plan))).hasStatus(201);
        assertThat(postReceipt(finance(), null, body.formatted(customer, "1000.00", plan))).hasStatus(201);

        assertThat(receiptsOf(customer)).isEqualTo(4);
        assertThat(customers.getJson(mvc, finance(), "/api/v1/receivables/" + plan).get("paidAmount").decimalValue())
                .as("paid by the four receipts, not by the repeat nor the refusals").isEqualByComparingTo("4000.00");
    }

    @Test
    void aBankReferenceNamesOneTransferASecondStandingReceiptOfTheCustomerWithItIsRefusedUntilTheFirstIsReversed() {
        JsonNode contract = signed("杭州回款流水号科技有限公司", "2026-12-20");
        String plan = plans(finance(), contract.get("id").asString()).get(0).get("id").asString();
        String customer = contract.get("customerId").asString();
        String body = """
                {"customerId":"%s","amount":1000.00,"receivedOn":"2026-12-01","method":"BANK_TRANSFER","reference":"%s",
                 "allocations":[{"receivableId":"%s","amount":1000.00}]}""";

        var first = postReceipt(finance(), null, body.formatted(customer, "ICBC-2026-7788", plan));
        assertThat(first).as(ContractTestSupport.text(first)).hasStatus(201);
        JsonNode recorded = customers.json(first);

        // the same transfer entered again, the reference in other letters and with spaces: amount and day alike
        var twice = postReceipt(finance(), "another-key", body.formatted(customer, "  icbc-2026-7788 ", plan));
        assertThat(twice).hasStatus(422);
        assertThat(errorOf(twice)).isEqualTo("reference receipt.reference.taken");
        assertThat(customers.json(twice).get("errors").get(0).get("message").asString())
                .startsWith("Receipt " + recorded.get("number").asString() + " of this customer already has this bank reference");
        // typed on a Chinese keyboard: full-width letters, digits and hyphens are the same reference
        var fullWidth = postReceipt(finance(), "a-third-key", body.formatted(customer, "ＩＣＢＣ－２０２６－７７８８", plan));
        assertThat(fullWidth).hasStatus(422);
        assertThat(errorOf(fullWidth)).isEqualTo("reference receipt.reference.taken");
        assertThat(receiptsOf(customer)).isEqualTo(1);
        assertThat(customers.getJson(mvc, finance(), "/api/v1/receivables/" + plan).get("paidAmount").decimalValue())
                .as("refused, nothing paid twice").isEqualByComparingTo("1000.00");

        // another customer's transfer may carry the same reference (another bank's numbering)
        String other = sales.customerWithContact(reviewers().rep(), "杭州回款同号客户科技有限公司", "钱会计", "qian@receipts.test");
        assertThat(postReceipt(finance(), null, """
                {"customerId":"%s","amount":1000.00,"receivedOn":"2026-12-01","method":"BANK_TRANSFER","reference":"ICBC-2026-7788"}"""
                .formatted(other))).hasStatus(201);

        // a reversed receipt gives its reference back
        assertThat(customers.post(mvc, finance(), "/api/v1/receipts/" + recorded.get("id").asString() + "/reversal",
                "{\"reason\":\"登记到错误的计划\",\"version\":%d}".formatted(recorded.get("version").asLong()))).hasStatusOk();
        var afterReversal = postReceipt(finance(), null, body.formatted(customer, "ICBC-2026-7788", plan));
        assertThat(afterReversal).as(ContractTestSupport.text(afterReversal)).hasStatus(201);
    }

    @Test
    void aCustomerMergedIntoAnotherTakesNoNewReceiptTheRefusalNamesTheSurvivorWhichTakesIt() {
        String rep = rep();
        JsonNode survivor = customers.customer(mvc, rep, "杭州回款合并存续科技有限公司", null);
        String survivorId = survivor.get("id").asString();
        String merged = customers.customer(mvc, rep, "杭州回款合并存续科技（重复）", null).get("id").asString();
        String body = """
                {"customerId":"%s","amount":33330.00,"receivedOn":"2026-12-01","method":"BANK_TRANSFER","reference":"%s"}""";
        var standing = postReceipt(finance(), null, body.formatted(survivorId, "PAY-MRG-1"));
        assertThat(standing).as(ContractTestSupport.text(standing)).hasStatus(201);
        var merge = customers.post(mvc, customers.bearer(mvc, reviewers().manager()),
                "/api/v1/customers/" + survivorId + "/merge", "{\"mergedId\":\"" + merged + "\",\"reason\":\"同一家公司\"}");
        assertThat(merge).as(ContractTestSupport.text(merge)).hasStatusOk();

        // its business went to the survivor: money recorded on the merged one could pay none of its plans, and its
        // bank reference would not be checked against the survivor's receipts (the same transfer counted twice)
        for (String reference : new String[] {"PAY-MRG-1", "PAY-MRG-2"}) {
            var refused = postReceipt(finance(), null, body.formatted(merged, reference));
            assertThat(refused).as(ContractTestSupport.text(refused)).hasStatus(422);
            assertThat(errorOf(refused)).isEqualTo("customerId receipt.customer.merged");
            assertThat(customers.json(refused).get("errors").get(0).get("message").asString())
                    .as("names where the money goes").contains(survivor.get("code").asString(), "杭州回款合并存续科技有限公司");
        }
        var advance = postReceipt(finance(), null, """
                {"customerId":"%s","amount":5000.00,"receivedOn":"2026-12-01","method":"CASH"}""".formatted(merged));
        assertThat(advance).as("an advance payment alike").hasStatus(422);
        assertThat(errorOf(advance)).isEqualTo("customerId receipt.customer.merged");
        assertThat(receiptsOf(merged)).as("nothing recorded on the merged customer").isZero();

        // the survivor takes it, its reference checked against its own receipts
        assertThat(errorOf(postReceipt(finance(), null, body.formatted(survivorId, "PAY-MRG-1"))))
                .isEqualTo("reference receipt.reference.taken");
        assertThat(postReceipt(finance(), null, body.formatted(survivorId, "PAY-MRG-2"))).hasStatus(201);
        assertThat(receiptsOf(survivorId)).isEqualTo(2);
    }

    @Test
    void anInvisibleFormatCharacterInABankReferenceIsRefusedAndNoReferenceGetsRoundATakenOneWithIt() {
        String customer = customers.customer(mvc, rep(), "杭州回款零宽流水科技有限公司", null).get("id").asString();
        String body = """
                {"customerId":"%s","amount":1000.00,"receivedOn":"2026-12-01","method":"BANK_TRANSFER","reference":"%s"}""";
        assertThat(postReceipt(finance(), null, body.formatted(customer, "PAY-ZW-1"))).hasStatus(201);

        // zero-width space after or before, zero-width joiner, word joiner, byte order mark, soft hyphen, a bidi mark:
        // pasted from a web page, the reference looks the same and would be another transfer's
        for (String invisible : new String[] {"PAY-ZW-1\\u200b", "\\u200bPAY-ZW-1", "PAY-\\u200dZW-1", "PAY-ZW\\u2060-1",
                "\\ufeffPAY-ZW-1", "PAY-ZW-\\u00ad1", "PAY-ZW-1\\u200e", "PAY-ZW-9\\u200c"}) {
            var refused = postReceipt(finance(), null, body.formatted(customer, invisible));
            assertThat(refused).as(invisible + " " + ContractTestSupport.text(refused)).hasStatus(422);
            assertThat(errorOf(refused)).as(invisible).isEqualTo("reference receipt.reference.invisible");
            assertThat(customers.json(refused).get("errors").get(0).get("message").asString())
                    .startsWith("The bank reference contains an invisible character");
        }
        assertThat(receiptsOf(customer)).isEqualTo(1);

        // a receipt kept with one from before it was refused still holds its reference, compared without it
        String older = customers.json(postReceipt(finance(), null, body.formatted(customer, "PAY-ZW-2"))).get("id").asString();
        jdbc.sql("update receivable_receipt set reference = :r where id = :id").param("r", "PAY-ZW-2\u200b")
                .param("id", java.util.UUID.fromString(older)).update();
        var again = postReceipt(finance(), null, body.formatted(customer, "pay-zw-2"));
        assertThat(again).hasStatus(422);
        assertThat(errorOf(again)).isEqualTo("reference receipt.reference.taken");
        assertThat(receiptsOf(customer)).isEqualTo(2);
    }

    @Test
    void twoReceiptsOfOneTransferSentAtOnceRecordOneTheOtherIsRefusedAndLeavesNothingBehind() throws Exception {
        JsonNode contract = signed("杭州回款并发科技有限公司", "2026-12-20");
        String plan = plans(finance(), contract.get("id").asString()).get(0).get("id").asString();
        String customer = contract.get("customerId").asString();
        String body = """
                {"customerId":"%s","amount":1000.00,"receivedOn":"2026-12-01","method":"BANK_TRANSFER",
                 "reference":"CMB-2026-0001","allocations":[{"receivableId":"%s","amount":1000.00}]}""".formatted(customer, plan);
        String token = finance();

        List<MvcTestResult> answers = atOnce(() -> postReceipt(token, "desk-a", body), () -> postReceipt(token, "desk-b", body));

        assertThat(answers).extracting(a -> a.getResponse().getStatus()).containsExactlyInAnyOrder(201, 422);
        MvcTestResult won = answers.stream().filter(a -> a.getResponse().getStatus() == 201).findFirst().orElseThrow();
        MvcTestResult lost = answers.stream().filter(a -> a.getResponse().getStatus() == 422).findFirst().orElseThrow();
        assertThat(errorOf(lost)).isEqualTo("reference receipt.reference.taken");
        assertThat(customers.json(lost).get("errors").get(0).get("message").asString())
                .contains(customers.json(won).get("number").asString());
        assertThat(receiptsOf(customer)).isEqualTo(1);
        assertThat(customers.getJson(mvc, token, "/api/v1/receivables/" + plan).get("paidAmount").decimalValue())
                .as("the refused one allocated nothing").isEqualByComparingTo("1000.00");
        assertThat(jdbc.sql("select count(*) from receivable_receipt_idempotency where idem_key in ('desk-a', 'desk-b')")
                .query(Integer.class).single()).as("the refused one kept no key").isEqualTo(1);

        // one key sent twice at once: the second waits for the first and answers its receipt
        String again = body.replace("CMB-2026-0001", "CMB-2026-0002");
        List<MvcTestResult> retried = atOnce(() -> postReceipt(token, "desk-c", again), () -> postReceipt(token, "desk-c", again));
        assertThat(retried).extracting(a -> a.getResponse().getStatus()).containsExactlyInAnyOrder(201, 200);
        assertThat(retried.stream().map(a -> customers.json(a).get("id").asString()).distinct().count())
                .as("both answer the one receipt").isEqualTo(1);
        assertThat(receiptsOf(customer)).isEqualTo(2);
    }

    /** Runs the requests on threads of their own, released together, and waits for every answer. */
    @SafeVarargs
    final List<MvcTestResult> atOnce(java.util.concurrent.Callable<MvcTestResult>... requests) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(requests.length);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<MvcTestResult>> futures = new java.util.ArrayList<>();
            for (var request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<MvcTestResult> answers = new java.util.ArrayList<>();
            for (var f : futures) {
                answers.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void receiptsAreRecordedByFinanceOnlyAndBadInputChangesNothing() {
        JsonNode contract = signed("杭州回款三号科技有限公司", "2026-12-20");
        String plan = plans(finance(), contract.get("id").asString()).get(0).get("id").asString();
        String body = """
                {"customerId":"%s","amount":%s,"receivedOn":"%s","method":"CASH",
                 "allocations":[{"receivableId":"%s","amount":%s}]}""";
        String customer = contract.get("customerId").asString();

        assertThat(customers.post(mvc, rep(), "/api/v1/receipts", body.formatted(customer, "100.00", "2026-12-01", plan, "100.00")))
                .as("a rep does not record receipts").hasStatus(403);
        assertThat(customers.post(mvc, finance(), "/api/v1/receipts", body.formatted(customer, "100.00", "2026-12-01", plan, "180000.01")))
                .as("allocations above the receipt").hasStatus(422);
        var abovePlan = customers.post(mvc, finance(), "/api/v1/receipts", body.formatted(customer, "200000.00", "2026-12-01", plan, "180000.01"));
        assertThat(abovePlan).as("an allocation above what the plan owes").hasStatus(422);
        assertThat(customers.json(abovePlan).get("detail").asString()).as("the amount as the screens show it")
                .endsWith(" owes only 180,000.00.");
        assertThat(customers.post(mvc, finance(), "/api/v1/receipts", body.formatted(customer, "100.00", "2026-12-02", plan, "100.00")))
                .as("money that arrives tomorrow").hasStatus(422);
        assertThat(customers.post(mvc, finance(), "/api/v1/receipts", body.formatted(customer, "-5", "2026-12-01", plan, "100.00")))
                .hasStatus(422);

        JsonNode unchanged = customers.getJson(mvc, finance(), "/api/v1/receivables/" + plan);
        assertThat(unchanged.get("paidAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(unchanged.get("state").asString()).isEqualTo("PLANNED");
    }

    @Test
    void aReceiptIsDatedNeitherBeforeTheCustomersFirstContractWasDraftedNorInTheFuture() {
        JsonNode contract = signed("杭州回款日期科技有限公司", "2026-12-20");
        String plan = plans(finance(), contract.get("id").asString()).get(0).get("id").asString();
        String body = """
                {"customerId":"%s","amount":100.00,"receivedOn":"%s","method":"CASH",
                 "allocations":[{"receivableId":"%s","amount":100.00}]}""";
        String customer = contract.get("customerId").asString();

        // the contract was drafted on 2026-12-01 (the test clock)
        for (String day : List.of("1900-01-01", "2026-11-30")) {
            var refused = customers.post(mvc, finance(), "/api/v1/receipts", body.formatted(customer, day, plan));
            assertThat(refused).as(day).hasStatus(422);
            JsonNode error = customers.json(refused).get("errors").get(0);
            assertThat(error.get("field").asString() + " " + error.get("code").asString())
                    .isEqualTo("receivedOn receipt.receivedOn.beforeContract");
        }
        assertThat(customers.getJson(mvc, finance(), "/api/v1/receivables/" + plan).get("paidAmount").decimalValue())
                .as("refused, nothing paid").isEqualByComparingTo("0");

        assertThat(customers.post(mvc, finance(), "/api/v1/receipts", body.formatted(customer, "2026-12-01", plan)))
                .as("the day it was drafted").hasStatus(201);
        // a deposit paid before the contract and left unallocated is dated as the bank says, as for a customer
        // without a contract: the rule guards the money that pays a plan
        assertThat(customers.post(mvc, finance(), "/api/v1/receipts", """
                {"customerId":"%s","amount":500.00,"receivedOn":"2026-11-20","method":"BANK_TRANSFER"}""".formatted(customer)))
                .as("an advance before the contract").hasStatus(201);

        // a customer without a signed contract: no older than the 30 years accounting vouchers are kept
        String unsigned = sales.customerWithContact(reviewers().rep(), "杭州回款无合同科技有限公司", "赵会计",
                "zhao@receipts.test");
        String free = """
                {"customerId":"%s","amount":100.00,"receivedOn":"%s","method":"CASH"}""";
        var old = customers.post(mvc, finance(), "/api/v1/receipts", free.formatted(unsigned, "1900-01-01"));
        assertThat(old).hasStatus(422);
        JsonNode error = customers.json(old).get("errors").get(0);
        assertThat(error.get("field").asString() + " " + error.get("code").asString())
                .isEqualTo("receivedOn receipt.receivedOn.tooOld");
        assertThat(customers.post(mvc, finance(), "/api/v1/receipts", free.formatted(unsigned, "2000-01-01")))
                .as("within the 30 years").hasStatus(201);
    }

    @Test
    void P2_anOverduePlanStaysInSightOnlyFinanceMovesItsDueDateAndNeverBeforeTheSigningNorTenYearsAhead() {
        JsonNode contract = signed("杭州回款八号科技有限公司", "2026-12-12");
        List<JsonNode> plans = plans(rep(), contract.get("id").asString());
        String overdue = plans.get(0).get("id").asString();
        String onAcceptance = plans.get(1).get("id").asString();
        String move = """
                {"dueDate":"%s","version":%d}""";
        long version = customers.getJson(mvc, rep(), "/api/v1/receivables/" + onAcceptance).get("version").asLong();

        var tooEarly = customers.post(mvc, rep(), "/api/v1/receivables/" + onAcceptance + "/due-date",
                move.formatted("2020-01-01", version));
        assertThat(tooEarly).as("before the contract was signed").hasStatus(422);
        assertThat(customers.json(tooEarly).get("errors").get(0).get("field").asString()).isEqualTo("dueDate");
        assertThat(customers.post(mvc, rep(), "/api/v1/receivables/" + onAcceptance + "/due-date",
                move.formatted("2199-12-31", version))).as("absurdly far ahead").hasStatus(422);
        assertThat(customers.post(mvc, rep(), "/api/v1/receivables/" + onAcceptance + "/due-date",
                move.formatted("2027-03-01", version))).as("a plan without a date: the owner fixes it")
                .hasStatusOk();

        clock.set(LocalDate.of(2026, 12, 17).atTime(9, 0).atZone(SHANGHAI).toInstant());
        routine.run();
        JsonNode before = customers.getJson(mvc, rep(), "/api/v1/receivables/" + overdue);
        assertThat(before.get("state").asString()).isEqualTo("OVERDUE");
        assertThat(before.get("actions").valueStream().map(JsonNode::asString)).doesNotContain("SET_DUE_DATE");

        assertThat(customers.post(mvc, rep(), "/api/v1/receivables/" + overdue + "/due-date",
                move.formatted("2199-12-31", before.get("version").asLong()))).as("the owner hides it").hasStatus(403);
        assertThat(customers.post(mvc, rep(), "/api/v1/receivables/" + overdue + "/due-date",
                move.formatted("2027-01-31", before.get("version").asLong()))).as("nor a plausible date").hasStatus(403);
        JsonNode after = customers.getJson(mvc, finance(), "/api/v1/receivables/" + overdue);
        assertThat(after.get("dueDate").asString()).isEqualTo("2026-12-12");
        assertThat(after.get("state").asString()).isEqualTo("OVERDUE");
        assertThat(after.get("daysOverdue").asLong()).isEqualTo(5);
        assertThat(after.get("escalationLevel").asInt()).isEqualTo(before.get("escalationLevel").asInt());

        String moveWhy = """
                {"dueDate":"%s","reason":"客户申请延期","version":%d}""";
        assertThat(customers.post(mvc, finance(), "/api/v1/receivables/" + overdue + "/due-date",
                moveWhy.formatted("2199-12-31", after.get("version").asLong()))).as("finance neither").hasStatus(422);
        var moved = customers.post(mvc, finance(), "/api/v1/receivables/" + overdue + "/due-date",
                moveWhy.formatted("2026-12-31", after.get("version").asLong()));
        assertThat(moved).as(ContractTestSupport.text(moved)).hasStatusOk();
        assertThat(customers.json(moved).get("state").asString()).isEqualTo("PLANNED");
    }

    @Test
    void P1_P2_aDateTheContractSetIsMovedOnlyByFinanceWithAReasonKeptAndToldAndTheRunningReminderFollowsIt() {
        JsonNode contract = signed("杭州回款改期科技有限公司", "2026-12-20");
        String plan = plans(rep(), contract.get("id").asString()).get(0).get("id").asString();
        String url = "/api/v1/receivables/" + plan + "/due-date";
        at(clock, "2026-12-17T09:00");
        routine.run();
        assertThat(customers.deadlines("Receivable", plan)).containsExactly("P1:OPEN");
        JsonNode seen = customers.getJson(mvc, rep(), "/api/v1/receivables/" + plan);
        assertThat(seen.get("actions").valueStream().map(JsonNode::asString))
                .as("not yet due, but dated by the contract: not the rep's to move").doesNotContain("SET_DUE_DATE")
                .contains("CONFIRM_REMINDER");

        String body = """
                {"dueDate":"%s","reason":"%s","version":%d}""";
        for (String who : List.of(rep(), customers.bearer(mvc, reviewers().manager()))) {
            var refused = customers.post(mvc, who, url, body.formatted("2030-01-01", "客户要求", seen.get("version").asLong()));
            assertThat(refused).as("the rep and their manager are refused").hasStatus(403);
            assertThat(customers.json(refused).get("code").asString()).isEqualTo("receivable.dueDate.financeOnly");
        }
        var noReason = customers.post(mvc, finance(), url, """
                {"dueDate":"2027-01-20","version":%d}""".formatted(seen.get("version").asLong()));
        assertThat(noReason).as("finance says why").hasStatus(422);
        assertThat(customers.json(noReason).get("errors")).extracting(e -> e.get("field").asString()).containsExactly("reason");
        var longReason = customers.post(mvc, finance(), url,
                body.formatted("2027-01-20", "延".repeat(501), seen.get("version").asLong()));
        assertThat(longReason).as("a reason as long as the page's field allows, not a letter").hasStatus(422);
        assertThat(customers.json(longReason).get("errors")).extracting(e -> e.get("field").asString()).containsExactly("reason");
        JsonNode unchanged = customers.getJson(mvc, finance(), "/api/v1/receivables/" + plan);
        assertThat(unchanged.get("dueDate").asString()).isEqualTo("2026-12-20");
        assertThat(customers.deadlines("Receivable", plan)).containsExactly("P1:OPEN");

        var moved = customers.post(mvc, finance(), url,
                body.formatted("2027-01-20", "客户申请延期一个月，已书面确认", unchanged.get("version").asLong()));
        assertThat(moved).as(ContractTestSupport.text(moved)).hasStatusOk();
        assertThat(customers.json(moved).get("dueDate").asString()).isEqualTo("2027-01-20");
        assertThat(customers.deadlines("Receivable", plan)).as("the same P1, neither cancelled nor opened anew")
                .containsExactly("P1:OPEN");
        assertThat(jdbc.sql("select due_at from sop_deadline where rule_id = 'P1' and subject_id = :id")
                .param("id", plan).query(java.sql.Timestamp.class).single().toInstant())
                .as("it counts to the new date").isEqualTo(LocalDate.of(2027, 1, 20).atStartOfDay(SHANGHAI).toInstant());
        assertThat(customers.getJson(mvc, rep(), "/api/v1/receivables/" + plan).get("actions").valueStream()
                .map(JsonNode::asString)).as("the rep still confirms reminding the customer").contains("CONFIRM_REMINDER");
        assertThat(jdbc.sql("""
                        select kind, actor_id, due_before, due_after, reason from receivable_plan_event where plan_id = :id""")
                .param("id", java.util.UUID.fromString(plan)).query().listOfRows())
                .as("the plan's history").singleElement().satisfies(row -> {
                    assertThat(row.get("kind")).isEqualTo("DUE_DATE_MOVED");
                    assertThat(row.get("actor_id")).isEqualTo(reviewers().finance().id());
                    assertThat(row.get("due_before").toString()).isEqualTo("2026-12-20");
                    assertThat(row.get("due_after").toString()).isEqualTo("2027-01-20");
                    assertThat(row.get("reason")).isEqualTo("客户申请延期一个月，已书面确认");
                });
        assertThat(jdbc.sql("""
                        select detail from platform_audit_event where action = 'RECEIVABLE_DUE_DATE_MOVED' and entity_id = :id""")
                .param("id", plan).query(String.class).single()).contains("2026-12-20", "2027-01-20", "客户申请延期一个月");
        assertThat(told("receivable.dueDateMoved", plan)).as("the rep and their manager are told")
                .containsExactlyInAnyOrder(reviewers().rep().id(), reviewers().manager().id());

        at(clock, "2026-12-21T10:00");
        routine.run();
        assertThat(customers.getJson(mvc, finance(), "/api/v1/receivables/" + plan).get("state").asString())
                .as("not overdue by the old date").isEqualTo("PLANNED");
        assertThat(customers.deadlines("Receivable", plan)).as("nor is the reminder breached by it").containsExactly("P1:OPEN");
    }

    @Test
    void P1_theRepIsRemindedThreeCalendarDaysBeforeTheDueDateAndMeetsItByRemindingTheCustomer() {
        JsonNode contract = signed("杭州回款四号科技有限公司", "2026-12-20");
        String plan = plans(rep(), contract.get("id").asString()).get(0).get("id").asString();

        at(clock, "2026-12-16T23:59");
        routine.run();
        assertThat(told("receivable.reminder", plan)).as("four days before: not yet").isEmpty();

        at(clock, "2026-12-17T00:00"); // a Thursday; 20 December is a Sunday, calendar days count
        routine.run();
        assertThat(told("receivable.reminder", plan)).containsExactly(reviewers().rep().id());
        assertThat(customers.deadlines("Receivable", plan)).containsExactly("P1:OPEN");
        routine.run();
        assertThat(told("receivable.reminder", plan)).as("once").hasSize(1);

        at(clock, "2026-12-18T10:00");
        var reminded = customers.post(mvc, rep(), "/api/v1/receivables/" + plan + "/customer-reminded", null);
        assertThat(reminded).as(ContractTestSupport.text(reminded)).hasStatusOk();
        assertThat(customers.deadlines("Receivable", plan)).containsExactly("P1:MET");
        var session = fixtures.session(mvc, reviewers().rep().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        String deadlinesPage = new String(mvc.get().uri("/deadlines?scope=mine&rule=P1&lang=en").cookie(session).exchange()
                .getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(deadlinesPage).as("the deadline names its plan").contains(contract.get("number").asString() + " #1",
                "/receivables/" + plan);
    }

    @Test
    void P2_overduePlansAreAgedAtTheBucketBoundariesAndEscalatedToTheOwnerTheManagerAndTheDirector() {
        JsonNode contract = signed("杭州回款五号科技有限公司", "2026-12-10");
        String plan = plans(rep(), contract.get("id").asString()).get(0).get("id").asString();
        LocalDate due = LocalDate.of(2026, 12, 10);

        record Step(int days, String bucket, java.util.UUID notified) {
        }
        Reviewers r = reviewers();
        for (Step s : List.of(new Step(30, "B1", r.rep().id()), new Step(31, "B2", r.manager().id()), new Step(60, "B2", null),
                new Step(61, "B3", r.director().id()), new Step(90, "B3", null), new Step(91, "B4", null))) {
            clock.set(due.plusDays(s.days()).atTime(9, 0).atZone(SHANGHAI).toInstant());
            int before = told("receivable.overdue", plan).size();
            routine.run();
            JsonNode p = customers.getJson(mvc, finance(), "/api/v1/receivables/" + plan);
            assertThat(p.get("state").asString()).as(s.days() + " days").isEqualTo("OVERDUE");
            assertThat(p.get("daysOverdue").asLong()).isEqualTo(s.days());
            assertThat(p.get("agingBucket").asString()).as(s.days() + " days").isEqualTo(s.bucket());
            List<java.util.UUID> all = told("receivable.overdue", plan);
            List<java.util.UUID> told = all.subList(before, all.size());
            if (s.notified() == null) {
                assertThat(told).as(s.days() + " days: no one new is told").isEmpty();
            } else {
                assertThat(told).as(s.days() + " days").containsExactly(s.notified());
            }
        }
        JsonNode aging = customers.getJson(mvc, finance(), "/api/v1/receivables/aging");
        JsonNode b4 = StreamSupport.stream(aging.get("buckets").spliterator(), false)
                .filter(b -> b.get("bucket").asString().equals("B4")).findFirst().orElseThrow();
        assertThat(b4.get("label").asString()).isEqualTo("> 90");
        assertThat(b4.get("outstanding").decimalValue()).isEqualByComparingTo("180000.00");

        var session = fixtures.session(mvc, r.finance().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        var export = mvc.get().uri("/receivables/aging.xlsx?lang=en").cookie(session).exchange();
        assertThat(export).hasStatusOk();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(export.getResponse().getContentAsByteArray()));
             var rows = workbook.getFirstSheet().openStream()) {
            List<org.dhatim.fastexcel.reader.Row> all = rows.toList();
            assertThat(all.get(0).getCellText(1)).isEqualTo("Customer");
            assertThat(all.get(0).getCellText(8)).isEqualTo("Days overdue");
            assertThat(all).as("every other test's overdue plan too, longest overdue first").hasSizeGreaterThan(1);
            org.dhatim.fastexcel.reader.Row row = all.get(1);
            assertThat(row.getCellText(0)).isEqualTo(contract.get("number").asString());
            assertThat(row.getCellText(1)).isEqualTo("杭州回款五号科技有限公司");
            assertThat(row.getCellAsNumber(6)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("180000.00"));
            assertThat(row.getCellText(8)).isEqualTo("91");
            assertThat(row.getCellText(9)).isEqualTo("> 90");
            // the audit trail keeps the export as a message and its count, said in the reader's words on its screen
            assertThat(jdbc.sql("""
                    select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Receivable'
                    order by id desc limit 1""").query(String.class).single())
                    .isEqualTo("receivable.audit.agingExported\n" + (all.size() - 1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
