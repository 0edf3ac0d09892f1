package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Credit rating and limit (C8): a limit raised above the threshold goes to finance through the approval mechanism and applies when approved. */
@IntegrationTest
@Import(TestClock.class)
class CustomerCreditTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;

    @Test
    void C8_aLimitAboveTheThresholdWaitsForFinanceAndAppliesWhenApproved() {
        var company = support.company("credit");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "信用测试有限公司", null).get("id").asString();

        JsonNode small = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/credit",
                "{\"creditRating\":\"B\",\"creditLimit\":200000,\"reason\":\"首单\"}");
        assertThat(small.get("creditLimit").decimalValue()).isEqualByComparingTo("200000");
        assertThat(small.get("creditApprovalId").isNull()).isTrue();

        JsonNode large = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/credit",
                "{\"creditRating\":\"A\",\"creditLimit\":800000,\"reason\":\"年框合同\"}");
        assertThat(large.get("creditLimit").decimalValue()).isEqualByComparingTo("200000");
        assertThat(large.get("pendingCreditLimit").decimalValue()).isEqualByComparingTo("800000");
        String approval = large.get("creditApprovalId").asString();
        assertThat(support.post(mvc, rep, "/api/v1/customers/" + id + "/credit", "{\"creditRating\":\"A\",\"creditLimit\":900000}"))
                .hasStatus(422).bodyJson().extractingPath("$.code").isEqualTo("customer.credit.pending");

        // the page links the approval only for whom its page lets in: the rep who asked, not their manager (404 there)
        assertThat(customerPage(company.eastRep(), id)).contains("id=\"credit-pending\"", "/approvals/" + approval);
        var manager = support.session(mvc, company.eastManager());
        assertThat(mvc.get().uri("/approvals/" + approval).cookie(manager).exchange()).hasStatus(404);
        assertThat(customerPage(company.eastManager(), id)).contains("id=\"credit-pending\"")
                .doesNotContain("/approvals/" + approval);

        String finance = support.bearer(mvc, company.finance());
        JsonNode flow = support.getJson(mvc, finance, "/api/v1/approvals/" + approval);
        assertThat(flow.get("facts").get("requestedLimit").asString()).isEqualTo("800,000.00");
        String approvalPage = page(company.finance(), "/approvals/" + approval + "?lang=en");
        assertThat(approvalPage).as("the limits finance decides on, as the screens show amounts")
                .contains(">800,000.00<", ">200,000.00<").doesNotContain(">800000<", ">200000<");
        assertThat(page(company.eastRep(), "/customers/" + id + "/timeline?lang=en")).as("the customer's timeline too")
                .contains("Credit set to B / 200,000.00 CNY", "Credit change to A / 800,000.00 CNY submitted to finance");
        assertThat(support.post(mvc, finance, "/api/v1/approvals/" + approval + "/decision",
                "{\"decision\":\"APPROVE\",\"comment\":\"回款记录良好\"}")).hasStatusOk();
        // at once: finance's decision takes effect in finance's own transaction
        JsonNode after = support.getJson(mvc, rep, "/api/v1/customers/" + id);
        assertThat(after.get("creditLimit").decimalValue()).isEqualByComparingTo("800000");
        assertThat(after.get("creditRating").asString()).isEqualTo("A");
        assertThat(after.get("creditApprovalId").isNull()).isTrue();

        // finance sets any limit at once; lowering needs no approval either
        JsonNode byFinance = support.postJson(mvc, finance, "/api/v1/customers/" + id + "/credit",
                "{\"creditRating\":\"A\",\"creditLimit\":2000000}");
        assertThat(byFinance.get("creditLimit").decimalValue()).isEqualByComparingTo("2000000");
        JsonNode lowered = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/credit",
                "{\"creditRating\":\"C\",\"creditLimit\":600000}");
        assertThat(lowered.get("creditLimit").decimalValue()).isEqualByComparingTo("600000");
        // finance may only change credit: its role refuses the rest
        assertThat(support.post(mvc, finance, "/api/v1/customers/" + id + "/lost", "{\"reason\":\"x\"}")).hasStatus(403);
        assertThat(support.post(mvc, finance, "/api/v1/activities", "{}")).hasStatus(403);
    }

    /** Walk finding: saving credit said "saved (or submitted to finance)"; it says which happened, in both languages. */
    @Test
    void C8_savingCreditOnThePageSaysWhetherItWasSavedOrSentToFinance() {
        var company = support.company("creditsay");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "信用措辞有限公司", null).get("id").asString();
        var session = support.session(mvc, company.eastRep());

        creditOnPage(rep, session, id, "200000.00");
        assertThat(support.getJson(mvc, rep, "/api/v1/customers/" + id).get("creditLimit").decimalValue())
                .isEqualByComparingTo("200000");
        assertThat(flash(session, id, "zh-CN")).contains("信用已保存。").doesNotContain("或", "审批");
        creditOnPage(rep, session, id, "200001.00");
        assertThat(flash(session, id, "en")).contains("Credit saved.").doesNotContain("finance");

        creditOnPage(rep, session, id, "800000.00");
        assertThat(support.getJson(mvc, rep, "/api/v1/customers/" + id).get("creditApprovalId").isNull()).isFalse();
        assertThat(flash(session, id, "zh-CN")).contains("信用变更已提交财务审批").doesNotContain("信用已保存");
    }

    private void creditOnPage(String rep, jakarta.servlet.http.Cookie session, String id, String limit) {
        String version = support.getJson(mvc, rep, "/api/v1/customers/" + id).get("version").asString();
        assertThat(mvc.post().uri("/customers/" + id + "/credit").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("rating", "B").param("limit", limit).param("reason", "年采购额上升").param("version", version)
                .exchange()).hasStatus3xxRedirection();
    }

    /** The page's success note, once, in the language asked for. */
    private String flash(jakarta.servlet.http.Cookie session, String id, String lang) {
        var result = mvc.get().uri("/customers/" + id + "?lang=" + lang).header("Accept-Language", lang).cookie(session)
                .exchange();
        assertThat(result).hasStatusOk();
        String html = new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"flash-success\"");
        String note = html.substring(html.indexOf("id=\"flash-success\""));
        return note.substring(0, note.indexOf("</div>"));
    }

    private String customerPage(com.lead2cash.platform.internal.identity.User user, String id) {
        return page(user, "/customers/" + id);
    }

    private String page(com.lead2cash.platform.internal.identity.User user, String path) {
        var result = mvc.get().uri(path).cookie(support.session(mvc, user)).exchange();
        assertThat(result).hasStatusOk();
        return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void C8_whileAChangeWaitsForFinanceNoSmallerChangeSlipsPastIt() {
        var company = support.company("credit3");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "信用排队有限公司", null).get("id").asString();
        String approval = limitForFinance(rep, id);

        // accepted, this dropped the waiting change while finance's approval stayed open: approved, it did nothing
        assertThat(support.post(mvc, rep, "/api/v1/customers/" + id + "/credit",
                "{\"creditRating\":\"B\",\"creditLimit\":1000,\"reason\":\"先小额\"}"))
                .hasStatus(422).bodyJson().extractingPath("$.code").isEqualTo("customer.credit.pending");
        JsonNode waiting = support.getJson(mvc, rep, "/api/v1/customers/" + id);
        assertThat(waiting.get("creditApprovalId").asString()).isEqualTo(approval);
        assertThat(waiting.get("creditLimit").isNull()).isTrue();

        assertThat(support.post(mvc, support.bearer(mvc, company.finance()), "/api/v1/approvals/" + approval + "/decision",
                "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}")).hasStatusOk();
        // at once: finance's decision takes effect in finance's own transaction
        assertThat(support.getJson(mvc, rep, "/api/v1/customers/" + id).get("creditLimit").decimalValue())
                .isEqualByComparingTo("5000000");
    }

    @Test
    void C8_aRejectedLimitIsDropped() {
        var company = support.company("credit2");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "信用驳回有限公司", null).get("id").asString();
        String approval = limitForFinance(rep, id);
        assertThat(support.post(mvc, support.bearer(mvc, company.finance()), "/api/v1/approvals/" + approval + "/decision",
                "{\"decision\":\"REJECT\",\"comment\":\"额度过高\"}")).hasStatusOk();
        // at once: finance's decision takes effect in finance's own transaction
        JsonNode after = support.getJson(mvc, rep, "/api/v1/customers/" + id);
        assertThat(after.get("creditApprovalId").isNull()).isTrue();
        assertThat(after.get("creditLimit").isNull()).isTrue();
    }

    @Test
    void C8_aChangeSentBackIsDroppedSoItsApprovalOffersNoResubmissionAndRefusesOne() {
        var company = support.company("credit6");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "信用退回有限公司", null).get("id").asString();
        String approval = limitForFinance(rep, id);
        assertThat(support.post(mvc, support.bearer(mvc, company.finance()), "/api/v1/approvals/" + approval + "/decision",
                "{\"decision\":\"SEND_BACK\",\"comment\":\"请补充回款记录\"}")).hasStatusOk();
        assertThat(support.getJson(mvc, rep, "/api/v1/customers/" + id).get("creditApprovalId").isNull())
                .as("dropped").isTrue();

        assertThat(support.getJson(mvc, rep, "/api/v1/approvals/" + approval).get("availableActions")
                .valueStream().map(JsonNode::asString)).containsExactly("WITHDRAW");
        assertThat(support.post(mvc, rep, "/api/v1/approvals/" + approval + "/resubmit", null))
                .as("a rule of the approval's state, no race: 422").hasStatus(422)
                .bodyJson().extractingPath("$.code").isEqualTo("approval.resubmit.recordMovedOn");
        assertThat(support.getJson(mvc, rep, "/api/v1/approvals/" + approval).get("state").asString())
                .isEqualTo("SENT_BACK");
    }

    @Test
    void C8_aChangeWithdrawnFromFinanceOnTheApprovalPageIsDroppedAndTheLimitKept() {
        var company = support.company("credit5");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "信用撤回有限公司", null).get("id").asString();
        support.postJson(mvc, rep, "/api/v1/customers/" + id + "/credit", "{\"creditRating\":\"B\",\"creditLimit\":200000}");
        String approval = limitForFinance(rep, id);

        assertThat(page(company.eastRep(), "/approvals/" + approval)).contains("id=\"withdraw\"");
        var session = support.session(mvc, company.eastRep());
        assertThat(mvc.post().uri("/approvals/{id}/withdraw", approval).cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange()).hasStatus3xxRedirection();
        assertThat(support.getJson(mvc, rep, "/api/v1/approvals/" + approval).get("state").asString()).isEqualTo("WITHDRAWN");
        // at once: the withdrawal reaches the customer in the rep's own transaction, as finance's decision does
        JsonNode after = support.getJson(mvc, rep, "/api/v1/customers/" + id);
        assertThat(after.get("creditApprovalId").isNull()).isTrue();
        assertThat(after.get("pendingCreditLimit").isNull()).isTrue();
        assertThat(after.get("creditLimit").decimalValue()).as("the current limit kept").isEqualByComparingTo("200000");
        assertThat(page(company.eastRep(), "/customers/" + id + "/timeline?lang=en"))
                .contains("The credit change (5,000,000.00 CNY) was withdrawn from finance");

        JsonNode next = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/credit",
                "{\"creditRating\":\"B\",\"creditLimit\":300000}");
        assertThat(next.get("creditLimit").decimalValue()).as("no longer waiting for finance").isEqualByComparingTo("300000");

        // the change asked for again goes to finance in a new flow, and finance's decision sets it
        String again = limitForFinance(rep, id);
        assertThat(again).isNotEqualTo(approval);
        assertThat(support.post(mvc, support.bearer(mvc, company.finance()), "/api/v1/approvals/" + again + "/decision",
                "{\"decision\":\"APPROVE\"}")).hasStatusOk();
        JsonNode approved = support.getJson(mvc, rep, "/api/v1/customers/" + id);
        assertThat(approved.get("creditApprovalId").isNull()).isTrue();
        assertThat(approved.get("creditLimit").decimalValue()).isEqualByComparingTo("5000000");
    }

    /** A rep asks for a limit of 5 000 000, beyond their own authority: the id of finance's approval. */
    private String limitForFinance(String rep, String customerId) {
        return support.postJson(mvc, rep, "/api/v1/customers/" + customerId + "/credit",
                "{\"creditRating\":\"A\",\"creditLimit\":5000000}").get("creditApprovalId").asString();
    }
}
