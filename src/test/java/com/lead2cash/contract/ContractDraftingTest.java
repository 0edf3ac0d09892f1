package com.lead2cash.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Drafting a contract over the API: refusals change nothing, the amount is written in Chinese capitals,
 * the list shows the rep's contracts and a contract outside the reader's scope does not exist for them.
 */
@IntegrationTest
class ContractDraftingTest {

    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;

    static long listed(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).count();
    }

    @Test
    void paymentMilestonesThatDoNotAddUpToTheAmountAreRefusedAndNoContractIsDrafted() {
        Reviewers r = support.reviewers("dms");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州辛方科技有限公司", "600000.00");

        var refused = support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","title":"工业网关采购合同","amount":600000.00,"riskLevel":"LOW",
                 "termStart":"2026-12-01","termEnd":"2027-11-30",
                 "milestones":[{"type":"PREPAYMENT","amount":300000.00,"dueCondition":"合同签订后 7 日内"},
                               {"type":"ACCEPTANCE","amount":200000.00,"dueCondition":"验收合格后 30 日内"}]}"""
                .formatted(opportunity));

        assertThat(refused).hasStatus(422);
        assertThat(ContractTestSupport.text(refused)).contains("milestones");
        assertThat(listed(customers.getJson(mvc, rep, "/api/v1/contracts"))).isZero();
    }

    @Test
    void aDraftCarriesItsAmountInChineseCapitalsAndIsListedForItsRepButNotFoundByAnotherTeam() {
        Reviewers r = support.reviewers("dcap");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州壬方科技有限公司", "1234567.88");

        JsonNode draft = support.draft(mvc, rep, opportunity, "1234567.88", "LOW");

        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("number").asString()).matches("HT-\\d{4}-\\d{6}");
        assertThat(draft.get("amountInWords").asString()).isEqualTo("壹佰贰拾叁万肆仟伍佰陆拾柒元捌角捌分");
        assertThat(listed(customers.getJson(mvc, rep, "/api/v1/contracts"))).isEqualTo(1);
        String westRep = support.bearer(mvc, r.team().company().westRep());
        assertThat(support.get(mvc, westRep, "/api/v1/contracts/" + draft.get("id").asString())).hasStatus(404);
    }
}
