package com.lead2cash.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.files.TestFiles;
import com.lead2cash.platform.internal.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * A contract signed through the API, with the payment milestones a test needs: drafted by the rep,
 * reviewed by legal, finance and operations, approved by the manager and the legal head (K2), signed (K3).
 * One set of reviewers per test class: K2 asks the longest-serving legal head.
 */
@Component
public class SignedContracts {

    private final ContractTestSupport support;
    private final CustomerTestSupport customers;

    SignedContracts(ContractTestSupport support, CustomerTestSupport customers) {
        this.support = support;
        this.customers = customers;
    }

    /**
     * Signs a contract of the rep with a customer of that name for {@code amount} (below the K5 threshold)
     * with the milestones given as the JSON array's content; answers the signed contract.
     */
    public JsonNode sign(MockMvcTester mvc, ContractTestSupport.Reviewers r, String customerName, String amount,
                         String milestonesJson, String signedOn) {
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, customerName, amount);
        JsonNode draft = support.json(SalesTestSupport.expect(support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","title":"工业网关采购合同","amount":%s,"riskLevel":"LOW",
                 "termStart":"2026-12-01","termEnd":"2027-11-30","milestones":[%s]}"""
                .formatted(opportunity, amount, milestonesJson)), 201));
        return signDraft(mvc, r, draft.get("id").asString(), signedOn);
    }

    /**
     * Signs a contract drafted from the accepted quote of {@link ContractTestSupport#opportunityFromAcceptedQuote}
     * (lines 工业网关 × 10 and 安装调试服务 × 2, 12 360.00); {@code tag} names its products uniquely.
     */
    public JsonNode signFromAcceptedQuote(MockMvcTester mvc, ContractTestSupport.Reviewers r, String tag,
                                          String customerName, String signedOn) {
        String rep = support.bearer(mvc, r.rep());
        ContractTestSupport.Deal deal = support.opportunityFromAcceptedQuote(mvc, r, tag, customerName);
        JsonNode draft = support.json(SalesTestSupport.expect(support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","amount":12360.00,"riskLevel":"LOW","termStart":"2026-12-01","termEnd":"2027-11-30"}"""
                .formatted(deal.opportunityId())), 201));
        return signDraft(mvc, r, draft.get("id").asString(), signedOn);
    }

    /** Takes the rep's draft through reviews, the final approval (K2) and signing (K3); answers the signed contract. */
    public JsonNode signDraft(MockMvcTester mvc, ContractTestSupport.Reviewers r, String id, String signedOn) {
        String rep = support.bearer(mvc, r.rep());
        approveDraft(mvc, r, id);
        var signed = support.sign(mvc, rep, id, TestFiles.signedScan(), "signed.pdf", signedOn);
        assertThat(signed).as(ContractTestSupport.text(signed)).hasStatusOk();
        JsonNode contract = support.json(signed);
        assertThat(contract.get("status").asString()).isEqualTo("SIGNED");
        return contract;
    }

    /**
     * Drafts a contract of the rep with a customer of that name for {@code amount} (below the K5 threshold) and takes
     * it through reviews and the final approval (K2): APPROVED, to be signed; answers its id.
     */
    public String approved(MockMvcTester mvc, ContractTestSupport.Reviewers r, String customerName, String amount) {
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, customerName, amount);
        JsonNode draft = support.json(SalesTestSupport.expect(support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","title":"工业网关采购合同","amount":%s,"riskLevel":"LOW",
                 "termStart":"2026-12-01","termEnd":"2027-11-30","milestones":[%s]}"""
                .formatted(opportunity, amount, """
                        {"type":"PREPAYMENT","amount":%s,"dueDate":"2026-12-20"}""".formatted(amount))), 201));
        approveDraft(mvc, r, draft.get("id").asString());
        return draft.get("id").asString();
    }

    /** Takes the rep's draft through reviews and the final approval (K2): APPROVED, to be signed. */
    public void approveDraft(MockMvcTester mvc, ContractTestSupport.Reviewers r, String id) {
        reviewDraft(mvc, r, id);
        decide(mvc, r.manager(), id);
        decide(mvc, r.legalHead(), id);
    }

    /** Completes and submits the rep's draft, and the three departments pass it (K1): FINAL_APPROVAL. */
    public void reviewDraft(MockMvcTester mvc, ContractTestSupport.Reviewers r, String id) {
        String rep = support.bearer(mvc, r.rep());
        JsonNode complete = support.complete(mvc, rep, id);
        expectOk(support.post(mvc, rep, "/api/v1/contracts/" + id + "/submit", "{\"version\":" + complete.get("version").asLong() + "}"));
        review(mvc, r.lawyer(), id, "LEGAL");
        review(mvc, r.finance(), id, "FINANCE");
        review(mvc, r.operations(), id, "OPERATIONS");
    }

    private void review(MockMvcTester mvc, User who, String id, String department) {
        expectOk(support.post(mvc, support.bearer(mvc, who), "/api/v1/contracts/" + id + "/reviews/" + department,
                "{\"verdict\":\"PASS\"}"));
    }

    private void decide(MockMvcTester mvc, User who, String id) {
        expectOk(support.post(mvc, support.bearer(mvc, who), "/api/v1/contracts/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}"));
    }

    private static void expectOk(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        assertThat(result).as(ContractTestSupport.text(result)).hasStatusOk();
    }

    public CustomerTestSupport customers() {
        return customers;
    }
}
