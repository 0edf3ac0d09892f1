package com.lead2cash.contract;

import static com.lead2cash.testing.TestClock.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.files.TestFiles;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The contract's review and approval through the API (SPEC §4, rules K1–K5): the departments' parallel
 * reviews with business-day deadlines, objection and resubmission, the risk review, the final approval,
 * the signing and archiving deadlines.
 */
@IntegrationTest
@Import(TestClock.class)
class ContractReviewTest {

    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired MutableClock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    /** A complete draft of the rep, ready for review. */
    JsonNode readyContract(Reviewers r, String customer, String amount, String risk) {
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, customer, amount);
        JsonNode draft = support.draft(mvc, rep, opportunity, amount, risk);
        return support.complete(mvc, rep, draft.get("id").asString());
    }

    JsonNode submit(Reviewers r, JsonNode contract) {
        return customers.json(support.post(mvc, support.bearer(mvc, r.rep()), "/api/v1/contracts/"
                + contract.get("id").asString() + "/submit", "{\"version\":" + contract.get("version").asLong() + "}"));
    }

    JsonNode review(Reviewers r, com.lead2cash.platform.internal.identity.User who, String contractId, String department,
                    String verdict, String comment) {
        var result = support.post(mvc, support.bearer(mvc, who), "/api/v1/contracts/" + contractId + "/reviews/" + department,
                "{\"verdict\":\"" + verdict + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
        assertThat(result).as(ContractTestSupport.text(result)).hasStatusOk();
        return customers.json(result);
    }

    static List<String> departments(JsonNode contract) {
        return StreamSupport.stream(contract.get("reviews").spliterator(), false)
                .map(rv -> rv.get("department").asString() + ":" + rv.get("state").asString()).toList();
    }

    static Instant dueOf(JsonNode contract, String department) {
        return StreamSupport.stream(contract.get("reviews").spliterator(), false)
                .filter(rv -> rv.get("department").asString().equals(department)).findFirst()
                .map(rv -> Instant.parse(rv.get("dueAt").asString())).orElseThrow();
    }

    @Test
    void K1_threeDepartmentsReviewInParallelEachWithinTwoBusinessDaysAcrossTheWeekend() {
        Reviewers r = support.reviewers("k1w");
        JsonNode contract = readyContract(r, "杭州甲方科技有限公司", "600000.00", "LOW");
        clock.set(shanghai("2026-12-03T11:00")); // a Thursday
        // a draft never submitted has no review to give: a rule of its state (422), not a stale version or a race
        var early = support.post(mvc, support.bearer(mvc, r.finance()), "/api/v1/contracts/"
                + contract.get("id").asString() + "/reviews/FINANCE", "{\"verdict\":\"PASS\",\"comment\":\"ok\"}");
        assertThat(early).as(ContractTestSupport.text(early)).hasStatus(422);
        assertThat(customers.json(early).get("code").asString()).isEqualTo("contract.review.notPending");

        JsonNode submitted = submit(r, contract);

        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(departments(submitted)).containsExactlyInAnyOrder("LEGAL:PENDING", "FINANCE:PENDING", "OPERATIONS:PENDING");
        for (String d : List.of("LEGAL", "FINANCE", "OPERATIONS")) {
            assertThat(dueOf(submitted, d)).as(d + ": Friday, then Monday 11:00").isEqualTo(shanghai("2026-12-07T11:00"));
        }
        assertThat(submitted.get("pdfSha256").asString()).hasSize(64);

        // legal's verdict given, a second one (a colleague at the same moment, a double click) is told who gave it
        String id = submitted.get("id").asString();
        String lawyer = support.bearer(mvc, r.lawyer());
        assertThat(support.post(mvc, lawyer, "/api/v1/contracts/" + id + "/reviews/LEGAL", "{\"verdict\":\"PASS\"}"))
                .hasStatusOk();
        var again = support.post(mvc, lawyer, "/api/v1/contracts/" + id + "/reviews/LEGAL", "{\"verdict\":\"PASS\"}");
        assertThat(again).hasStatus(409);
        assertThat(customers.json(again).get("code").asString()).isEqualTo("approval.task.decidedBy");
        assertThat(customers.json(again).get("detail").asString()).contains(r.lawyer().displayName());
    }


    @Test
    void K1_theReviewDeadlinesSkipTheNationalDayHolidays() {
        clock.set(shanghai("2026-09-29T10:00"));
        Reviewers r = support.reviewers("k1h");
        JsonNode contract = readyContract(r, "杭州己方科技有限公司", "600000.00", "LOW");
        clock.set(shanghai("2026-09-30T11:00")); // the Wednesday before 国庆节 (1–7 October)

        JsonNode submitted = submit(r, contract);

        for (String d : List.of("LEGAL", "FINANCE", "OPERATIONS")) {
            assertThat(dueOf(submitted, d)).as(d + ": 8 and 9 October are the next business days")
                    .isEqualTo(shanghai("2026-10-09T11:00"));
        }
    }


    @Test
    void K1_reviewersGetThePdfOfTheRoundWithExtractableChineseTextAndTheChecksumTheyApprove() throws Exception {
        Reviewers r = support.reviewers("k1p");
        JsonNode submitted = submit(r, readyContract(r, "杭州庚方科技有限公司", "600000.00", "LOW"));
        String id = submitted.get("id").asString();

        var result = support.get(mvc, support.bearer(mvc, r.lawyer()), "/api/v1/contracts/" + id + "/pdf");

        assertThat(result).hasStatusOk();
        byte[] pdf = result.getResponse().getContentAsByteArray();
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf)))
                .isEqualTo(submitted.get("pdfSha256").asString());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains(submitted.get("number").asString(), "杭州庚方科技有限公司", "陆拾万元整");
        }
    }

    JsonNode decide(com.lead2cash.platform.internal.identity.User who, String contractId, String decision) {
        var result = support.post(mvc, support.bearer(mvc, who), "/api/v1/contracts/" + contractId + "/decision",
                "{\"decision\":\"" + decision + "\"}");
        assertThat(result).as(ContractTestSupport.text(result)).hasStatusOk();
        return customers.json(result);
    }

    /** Submits and lets the three departments pass; the contract as it then stands. */
    JsonNode reviewed(Reviewers r, JsonNode contract) {
        String id = contract.get("id").asString();
        submit(r, contract);
        review(r, r.lawyer(), id, "LEGAL", "PASS", null);
        review(r, r.finance(), id, "FINANCE", "PASS", null);
        return review(r, r.operations(), id, "OPERATIONS", "PASS", null);
    }

    @Test
    void K1_anObjectionReturnsTheContractForRevisionOnceEveryDepartmentAnsweredAndTheResubmissionIsReviewedByAll() {
        Reviewers r = support.reviewers("k1o");
        JsonNode contract = readyContract(r, "杭州乙方科技有限公司", "600000.00", "LOW");
        String id = contract.get("id").asString();
        submit(r, contract);

        review(r, r.lawyer(), id, "LEGAL", "PASS", null);
        JsonNode objected = review(r, r.finance(), id, "FINANCE", "OBJECT", "付款节点过于宽松");
        assertThat(objected.get("status").asString()).as("the operations verdict is still awaited").isEqualTo("IN_REVIEW");
        JsonNode returned = review(r, r.operations(), id, "OPERATIONS", "PASS", null);

        assertThat(returned.get("status").asString()).isEqualTo("REVISING");
        String rep = support.bearer(mvc, r.rep());
        // the contract is resubmitted from its own page (the new round's PDF and flow), not as it stands on the approvals screens
        String approvalId = returned.get("approvalId").asString();
        assertThat(customers.getJson(mvc, rep, "/api/v1/approvals/" + approvalId).get("availableActions")
                .valueStream().map(JsonNode::asString)).containsExactly("WITHDRAW");
        var asItStands = customers.post(mvc, rep, "/api/v1/approvals/" + approvalId + "/resubmit", null);
        assertThat(asItStands).as("a rule of the approval's state, no race").hasStatus(422);
        assertThat(customers.json(asItStands).get("code").asString()).isEqualTo("approval.resubmit.recordMovedOn");
        JsonNode revised = customers.json(customers.put(mvc, rep, "/api/v1/contracts/" + id + "/sections/PAYMENT",
                "{\"body\":\"预付款于合同签订后 3 日内支付。\",\"version\":" + returned.get("version").asLong() + "}"));
        JsonNode resubmitted = submit(r, revised);
        assertThat(resubmitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(resubmitted.get("reviewRound").asInt()).isEqualTo(2);
        assertThat(resubmitted.get("approvalId").asString()).as("the next round of the same flow").isEqualTo(approvalId);
        assertThat(departments(resubmitted)).containsExactlyInAnyOrder("LEGAL:PENDING", "FINANCE:PENDING", "OPERATIONS:PENDING");
    }

    /**
     * Walk finding: a remark on a clause named NOPE was kept and shown on the contract's page as "NOPE: x". A remark is
     * about one of the contract's clauses, as the review form offers them: any other is refused on its section,
     * the verdict not given, nothing stored.
     */
    @Test
    void K1_aRemarkOnAClauseTheContractDoesNotHaveIsRefusedOnItsSectionAndNothingIsStored() {
        Reviewers r = support.reviewers("k1nosuch");
        JsonNode contract = readyContract(r, "杭州无此条款科技有限公司", "300000.00", "LOW");
        String id = contract.get("id").asString();
        submit(r, contract);
        String lawyer = support.bearer(mvc, r.lawyer());
        String path = "/api/v1/contracts/" + id + "/reviews/LEGAL";

        var refused = support.post(mvc, lawyer, path, """
                {"verdict":"OBJECT","comment":"见批注","remarks":[{"section":"LIABILITY","text":"违约金过高"},
                 {"section":"NOPE","text":"x"}]}""");
        assertThat(refused).as(ContractTestSupport.text(refused)).hasStatus(422);
        JsonNode body = customers.json(refused);
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.at("/errors/0/field").asString()).isEqualTo("remarks[1].section");
        assertThat(body.at("/errors/0/code").asString()).isEqualTo("contract.review.remark.noSuchClause");
        assertThat(body.at("/errors/0/message").asString()).contains("NOPE");

        JsonNode kept = customers.getJson(mvc, lawyer, "/api/v1/contracts/" + id);
        assertThat(departments(kept)).as("no verdict given").contains("LEGAL:PENDING");
        assertThat(kept.get("reviews").valueStream().flatMap(rv -> rv.path("remarks").valueStream()).toList())
                .as("no remark stored").isEmpty();

        JsonNode objected = review(r, r.lawyer(), id, "LEGAL", "OBJECT", "见批注");
        assertThat(departments(objected)).as("the same verdict without the stray remark").contains("LEGAL:OBJECTED");
    }

    @Test
    void K1_aReviewWithdrawnByItsSubmitterReturnsTheContractForRevisionAndTheResubmissionIsReviewedAnew() {
        Reviewers r = support.reviewers("k1wd");
        JsonNode contract = readyContract(r, "杭州撤回科技有限公司", "600000.00", "LOW");
        String id = contract.get("id").asString();
        JsonNode submitted = submit(r, contract);
        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        String approvalId = submitted.get("approvalId").asString();
        String rep = support.bearer(mvc, r.rep());

        JsonNode returned = withdrawn(rep, id, approvalId);
        assertThat(returned.get("availableActions").toString()).contains("SUBMIT");

        JsonNode revised = customers.json(customers.put(mvc, rep, "/api/v1/contracts/" + id + "/sections/PAYMENT",
                "{\"body\":\"预付款于合同签订后 5 日内支付。\",\"version\":" + returned.get("version").asLong() + "}"));
        JsonNode resubmitted = submit(r, revised);
        assertThat(resubmitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(resubmitted.get("approvalId").asString()).as("a new flow").isNotEqualTo(approvalId);
        assertThat(departments(resubmitted)).containsExactlyInAnyOrder("LEGAL:PENDING", "FINANCE:PENDING", "OPERATIONS:PENDING");
        assertThat(review(r, r.lawyer(), id, "LEGAL", "PASS", null).get("status").asString()).isEqualTo("IN_REVIEW");
    }

    /**
     * Walk finding: a contract whose final approval its owner withdrew, resubmitted, reviewed and approved by the manager
     * and the legal head stayed FINAL_APPROVAL with its approval APPROVED — the resubmission starts a new flow (its
     * round 1) while the contract counts its second submission, and the contract followed its approval only while the
     * two rounds agreed. It follows the approval it was submitted in, whatever round that is in: APPROVED, to be signed.
     */
    @Test
    void K2_aContractResubmittedAfterItsOwnerWithdrewItsApprovalIsApprovedByTheFinalApprovers() {
        Reviewers r = support.reviewers("k2wd");
        JsonNode contract = readyContract(r, "杭州撤回再批科技有限公司", "600000.00", "LOW");
        String id = contract.get("id").asString();
        JsonNode inFinal = reviewed(r, contract);
        assertThat(inFinal.get("status").asString()).isEqualTo("FINAL_APPROVAL");
        String withdrawn = inFinal.get("approvalId").asString();
        String rep = support.bearer(mvc, r.rep());

        JsonNode returned = withdrawn(rep, id, withdrawn);
        assertThat(returned.get("availableActions").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("EDIT", "SUBMIT", "TERMINATE");

        JsonNode resubmitted = submit(r, returned);
        assertThat(resubmitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(resubmitted.get("reviewRound").asInt()).isEqualTo(2);
        String approval = resubmitted.get("approvalId").asString();
        assertThat(approval).as("a new flow").isNotEqualTo(withdrawn);
        assertThat(customers.getJson(mvc, rep, "/api/v1/approvals/" + approval).get("round").asInt())
                .as("the new flow's own first round").isEqualTo(1);
        review(r, r.lawyer(), id, "LEGAL", "PASS", null);
        review(r, r.finance(), id, "FINANCE", "PASS", null);
        assertThat(review(r, r.operations(), id, "OPERATIONS", "PASS", null).get("status").asString())
                .isEqualTo("FINAL_APPROVAL");

        JsonNode afterManager = decide(r.manager(), id, "APPROVE");
        assertThat(afterManager.get("status").asString()).isEqualTo("FINAL_APPROVAL");
        String legalHead = legalHeadToDecide(approval);
        // the contract waits for the legal head alone now, as its list says
        assertThat(jdbc.sql("select waiting_for from contract_contract where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single()).isEqualTo("USER:" + legalHead);
        // the legal head approves on the approvals screens: the contract follows after the decision committed
        approvesOnTheApprovalsScreens(legalHead, approval);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(customers.getJson(mvc, rep, "/api/v1/contracts/" + id).get("status").asString())
                        .isEqualTo("APPROVED"));
        JsonNode approved = customers.getJson(mvc, rep, "/api/v1/contracts/" + id);
        assertThat(approved.get("availableActions").valueStream().map(JsonNode::asString)).contains("SIGN");
        assertThat(approved.get("approvedAt").isNull()).isFalse();
        assertThat(jdbc.sql("select kind from contract_event where contract_id = cast(:id as uuid) and kind in "
                        + "('APPROVAL_GIVEN', 'APPROVED') order by id").param("id", id).query(String.class).list())
                .containsExactly("APPROVAL_GIVEN", "APPROVED");
        assertThat(customers.deadlines("Contract", id)).contains("K3:OPEN");
        assertThat(support.sign(mvc, rep, id, TestFiles.signedScan(), "signed.pdf", "2026-12-01")).hasStatusOk();
    }

    /**
     * The same after a withdrawal for the other ends of a final approval (K2) in a new flow: withdrawn again, or sent back
     * by a final approver, the contract goes back to its owner to revise, as on its first submission, instead of staying
     * FINAL_APPROVAL with nothing to decide.
     */
    @Test
    void K2_aContractInFinalApprovalAfterAWithdrawalWithdrawnAgainOrSentBackGoesBackToItsOwnerToRevise() {
        Reviewers r = support.reviewers("k2wdsb");
        JsonNode contract = readyContract(r, "杭州撤回退回科技有限公司", "600000.00", "LOW");
        String id = contract.get("id").asString();
        String rep = support.bearer(mvc, r.rep());
        withdrawn(rep, id, submit(r, contract).get("approvalId").asString());

        JsonNode inFinal = reviewed(r, customers.getJson(mvc, rep, "/api/v1/contracts/" + id));
        assertThat(inFinal.get("status").asString()).isEqualTo("FINAL_APPROVAL");
        JsonNode again = withdrawn(rep, id, inFinal.get("approvalId").asString());
        assertThat(again.get("availableActions").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("EDIT", "SUBMIT", "TERMINATE");

        assertThat(reviewed(r, again).get("status").asString()).isEqualTo("FINAL_APPROVAL");
        var sentBack = support.post(mvc, support.bearer(mvc, r.manager()), "/api/v1/contracts/" + id + "/decision",
                "{\"decision\":\"SEND_BACK\",\"comment\":\"付款条件再议\"}");
        assertThat(sentBack).as(ContractTestSupport.text(sentBack)).hasStatusOk();
        assertThat(customers.json(sentBack).get("status").asString()).isEqualTo("REVISING");
        assertThat(customers.getJson(mvc, rep, "/api/v1/contracts/" + id).get("availableActions").valueStream()
                .map(JsonNode::asString)).contains("EDIT", "SUBMIT");
    }

    /**
     * The one final approver left to decide once the manager approved (K2): the legal department's longest-serving head,
     * this test's or another's; their id.
     */
    String legalHeadToDecide(String approval) {
        return jdbc.sql("""
                select t.assignee_id::text from approval_task t join approval a on a.id = t.approval and t.round = a.round
                 where a.id = cast(:a as uuid) and t.state = 'PENDING'""").param("a", approval).query(String.class).single();
    }

    /** The approver approves on the approvals screens (the contract follows once the decision committed). */
    void approvesOnTheApprovalsScreens(String approverId, String approval) {
        String username = jdbc.sql("select username from platform_user where id = cast(:id as uuid)")
                .param("id", approverId).query(String.class).single();
        var decided = support.post(mvc, customers.bearer(mvc, username), "/api/v1/approvals/" + approval + "/decision",
                "{\"decision\":\"APPROVE\"}");
        assertThat(decided).as(ContractTestSupport.text(decided)).hasStatusOk();
    }

    /** The owner withdraws the contract's approval; the contract once it followed (REVISING), read by the owner. */
    JsonNode withdrawn(String rep, String contractId, String approvalId) {
        assertThat(customers.post(mvc, rep, "/api/v1/approvals/" + approvalId + "/withdraw", null)).hasStatus(200);
        // the contract follows its approval after the withdrawal committed
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(customers.getJson(mvc, rep, "/api/v1/contracts/" + contractId).get("status").asString())
                        .isEqualTo("REVISING"));
        return customers.getJson(mvc, rep, "/api/v1/contracts/" + contractId);
    }

    @Test
    void K5_anAmountOfOneMillionAddsTheRiskReviewOfTheDirectorAndFinanceBeforeTheFinalApproval() {
        Reviewers r = support.reviewers("k5a");
        JsonNode contract = readyContract(r, "杭州丙方科技有限公司", "1200000.00", "LOW");
        String id = contract.get("id").asString();

        JsonNode afterReviews = reviewed(r, contract);

        assertThat(afterReviews.get("status").asString()).as("the risk review comes first").isEqualTo("IN_REVIEW");
        String approval = jdbc.sql("select approval_id from contract_contract where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
        assertThat(customers.getJson(mvc, support.bearer(mvc, r.director()), "/api/v1/approvals/" + approval)
                .at("/facts/amount").asString()).as("the amount the approvers see, as the screens show it")
                .isEqualTo("1,200,000.00 CNY");
        decide(r.director(), id, "APPROVE");
        JsonNode afterRisk = decide(r.finance(), id, "APPROVE");
        assertThat(afterRisk.get("status").asString()).isEqualTo("FINAL_APPROVAL");
    }

    @Test
    void K5_aHighRiskRatingAddsTheRiskReviewWhateverTheAmount() {
        Reviewers r = support.reviewers("k5h");
        JsonNode contract = readyContract(r, "杭州丁方科技有限公司", "200000.00", "HIGH");

        JsonNode afterReviews = reviewed(r, contract);

        assertThat(afterReviews.get("status").asString()).isEqualTo("IN_REVIEW");
    }

    @Test
    void K2_aReviewerOfTheFirstStepIsToldTheFinalStepIsNotTheirsNotThatTheyDecidedIt() {
        Reviewers r = support.reviewers("k2n");
        JsonNode contract = readyContract(r, "杭州子方科技有限公司", "600000.00", "LOW");
        String id = contract.get("id").asString();
        assertThat(reviewed(r, contract).get("status").asString()).isEqualTo("FINAL_APPROVAL");
        String approval = jdbc.sql("select approval_id from contract_contract where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();

        for (var reviewer : List.of(r.finance(), r.operations())) {
            String bearer = support.bearer(mvc, reviewer);
            var viaContract = support.post(mvc, bearer, "/api/v1/contracts/" + id + "/decision", "{\"decision\":\"APPROVE\"}");
            assertThat(viaContract).as(reviewer.displayName() + ": " + ContractTestSupport.text(viaContract)).hasStatus(403);
            if (reviewer == r.finance()) {
                // finance may approve contracts (K5's risk review); operations never does, refused by its role
                assertThat(customers.json(viaContract).get("code").asString()).isEqualTo("contract.approval.notYourStep");
            }
            var viaApproval = support.post(mvc, bearer, "/api/v1/approvals/" + approval + "/decision",
                    "{\"decision\":\"APPROVE\"}");
            assertThat(viaApproval).as(reviewer.displayName() + ": " + ContractTestSupport.text(viaApproval)).hasStatus(403);
            assertThat(customers.json(viaApproval).get("code").asString()).isEqualTo("approval.task.notYours");
        }
        var review = support.post(mvc, support.bearer(mvc, r.finance()), "/api/v1/contracts/" + id + "/reviews/FINANCE",
                "{\"verdict\":\"PASS\"}");
        assertThat(review).as("the review step they did decide: " + ContractTestSupport.text(review)).hasStatus(409);
        assertThat(customers.json(review).get("code").asString()).isEqualTo("approval.task.decidedBy");
        assertThat(customers.json(support.get(mvc, support.bearer(mvc, r.rep()), "/api/v1/contracts/" + id))
                .get("status").asString()).isEqualTo("FINAL_APPROVAL");
    }

    @Test
    void K3_theSigningDeadlineRunsThreeBusinessDaysFromTheApprovalAcrossTheWeekend() {
        Reviewers r = support.reviewers("k3w");
        JsonNode contract = readyContract(r, "杭州签约期限科技有限公司", "600000.00", "LOW");
        String id = contract.get("id").asString();
        clock.set(shanghai("2026-12-03T11:00")); // a Thursday
        String approval = reviewed(r, contract).get("approvalId").asString();
        decide(r.manager(), id, "APPROVE");
        approvesOnTheApprovalsScreens(legalHeadToDecide(approval), approval);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(customers.deadlines("Contract", id)).contains("K3:OPEN"));

        // K3's default, 3 business days (decision 0111): Friday, Monday, Tuesday — not Sunday
        assertThat(jdbc.sql("select due_at from sop_deadline where rule_id = 'K3' and subject_type = 'Contract'"
                        + " and subject_id = :id and state = 'OPEN'").param("id", id)
                .query(java.sql.Timestamp.class).single().toInstant())
                .isEqualTo(shanghai("2026-12-08T11:00"));
    }

    @Test
    void K2_K3_K4_R1_finalApprovalThenSigningWithTheScanWinsTheOpportunityTheArchiveLocksTheContractAndItIsKept() {
        Reviewers r = support.reviewers("k2", CustomerTestSupport.HIRED.minusYears(10));
        JsonNode contract = readyContract(r, "杭州戊方科技有限公司", "600000.00", "LOW");
        String id = contract.get("id").asString();
        String rep = support.bearer(mvc, r.rep());
        JsonNode afterReviews = reviewed(r, contract);
        assertThat(afterReviews.get("status").asString()).isEqualTo("FINAL_APPROVAL");

        decide(r.manager(), id, "APPROVE");
        var again = support.post(mvc, support.bearer(mvc, r.manager()), "/api/v1/contracts/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}");
        assertThat(again).as("a second decision of the manager (a double click): " + ContractTestSupport.text(again))
                .hasStatus(409);
        assertThat(customers.json(again).get("code").asString()).isEqualTo("approval.task.decidedBy");
        assertThat(customers.json(again).get("detail").asString()).contains(r.manager().displayName());
        var notTheirs = support.post(mvc, support.bearer(mvc, r.director()), "/api/v1/contracts/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}");
        assertThat(notTheirs).as("the legal head's step, not the director's: " + ContractTestSupport.text(notTheirs))
                .hasStatus(403);
        assertThat(customers.json(notTheirs).get("code").asString()).isEqualTo("contract.approval.notYourStep");
        JsonNode approved = decide(r.legalHead(), id, "APPROVE");
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        var afterTheEnd = support.post(mvc, support.bearer(mvc, r.legalHead()), "/api/v1/contracts/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}");
        assertThat(afterTheEnd).as("the last decision again: " + ContractTestSupport.text(afterTheEnd)).hasStatus(409);
        assertThat(customers.json(afterTheEnd).get("detail").asString()).contains(r.legalHead().displayName());
        var noStep = support.post(mvc, support.bearer(mvc, r.director()), "/api/v1/contracts/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}");
        assertThat(noStep).as("no step is pending: " + ContractTestSupport.text(noStep)).hasStatus(422);
        assertThat(customers.json(noStep).get("code").asString()).isEqualTo("contract.action.notNow");
        assertThat(customers.deadlines("Contract", id)).contains("K3:OPEN");

        // approved (K2): the rep alone no longer terminates it; management does, on the version it read (0046)
        String terminate = "/api/v1/contracts/" + id + "/termination";
        var byRep = support.post(mvc, rep, terminate, "{\"reason\":\"客户撤单\",\"version\":" + approved.get("version").asLong() + "}");
        assertThat(byRep).as(ContractTestSupport.text(byRep)).hasStatus(403);
        assertThat(support.json(byRep).get("code").asString()).isEqualTo("contract.termination.managementOnly");
        String manager = support.bearer(mvc, r.manager());
        var noVersion = support.post(mvc, manager, terminate, "{\"reason\":\"客户撤单\"}");
        assertThat(noVersion).as(ContractTestSupport.text(noVersion)).hasStatus(428);
        var stale = support.post(mvc, manager, terminate, "{\"reason\":\"客户撤单\",\"version\":"
                + (approved.get("version").asLong() - 1) + "}");
        assertThat(stale).as(ContractTestSupport.text(stale)).hasStatus(409);
        var noReason = support.post(mvc, manager, terminate, "{\"reason\":\"  \",\"version\":" + approved.get("version").asLong() + "}");
        assertThat(noReason).hasStatus(422);
        assertThat(support.json(noReason).get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(support.json(support.get(mvc, rep, "/api/v1/contracts/" + id)).get("status").asString()).isEqualTo("APPROVED");

        var renamed = support.sign(mvc, rep, id, TestFiles.executable(), "signed.pdf", "2026-12-01");
        assertThat(renamed).as("a renamed executable is no scan").hasStatus(422);
        assertThat(support.json(support.get(mvc, rep, "/api/v1/contracts/" + id)).get("status").asString()).isEqualTo("APPROVED");
        var cutShort = support.sign(mvc, rep, id, TestFiles.cut(TestFiles.png(), 200), "signed.png", "2026-12-01");
        assertThat(cutShort).as("a scan whose header arrived but not the rest: " + ContractTestSupport.text(cutShort))
                .hasStatus(422);
        assertThat(support.json(cutShort).get("errors").get(0).get("field").asString()).isEqualTo("scan");
        assertThat(support.json(cutShort).get("errors").get(0).get("code").asString()).isEqualTo("files.truncated");
        assertThat(support.json(support.get(mvc, rep, "/api/v1/contracts/" + id)).get("status").asString()).isEqualTo("APPROVED");
        assertThat(customers.deadlines("Contract", id)).as("not signed").contains("K3:OPEN");
        assertThat(jdbc.sql("select count(*) from files_file where owner_id = :id and content_type = 'image/png'")
                .param("id", id).query(Integer.class).single()).as("nothing kept").isZero();

        // walk finding: the PDF the product rendered for the review, uploaded as the signed scan, was accepted
        byte[] reviewCopy = support.get(mvc, rep, "/api/v1/contracts/" + id + "/pdf").getResponse().getContentAsByteArray();
        var unsigned = support.sign(mvc, rep, id, reviewCopy, "signed.pdf", "2026-12-01");
        assertThat(unsigned).as("the unsigned review PDF is no signed scan: " + ContractTestSupport.text(unsigned))
                .hasStatus(422);
        assertThat(support.json(unsigned).get("errors").get(0).get("field").asString()).isEqualTo("scan");
        assertThat(support.json(unsigned).get("errors").get(0).get("code").asString()).isEqualTo("contract.scan.unsigned");
        assertThat(support.json(support.get(mvc, rep, "/api/v1/contracts/" + id)).get("status").asString()).isEqualTo("APPROVED");

        // a signing sent on a version someone changed meanwhile: 409, as the document declares (0014: optional, checked)
        var staleSigning = support.sign(mvc, rep, id, TestFiles.signedScan(), "2026-12-01", approved.get("version").asLong() - 1);
        assertThat(staleSigning).as(ContractTestSupport.text(staleSigning)).hasStatus(409);
        assertThat(support.json(staleSigning).get("code").asString()).isEqualTo("error.staleVersion");
        assertThat(support.json(support.get(mvc, rep, "/api/v1/contracts/" + id)).get("status").asString()).isEqualTo("APPROVED");

        var signedResult = support.sign(mvc, rep, id, TestFiles.signedScan(), "signed.pdf", "2026-12-01");
        assertThat(signedResult).as(ContractTestSupport.text(signedResult)).hasStatusOk();
        JsonNode signed = support.json(signedResult);
        assertThat(signed.get("status").asString()).isEqualTo("SIGNED");
        assertThat(customers.deadlines("Contract", id)).contains("K3:MET", "K4:OPEN");
        assertThat(customers.getJson(mvc, rep, "/api/v1/opportunities/" + signed.get("opportunityId").asString())
                .get("stage").asString()).isEqualTo("WON");
        assertThat(customers.getJson(mvc, rep, "/api/v1/customers/" + signed.get("customerId").asString())
                .get("status").asString()).isEqualTo("SIGNED");

        var unversioned = support.post(mvc, rep, "/api/v1/contracts/" + id + "/archive", "{\"location\":\"A柜\"}");
        assertThat(unversioned).as("archived on the version read, or not at all").hasStatus(428);
        assertThat(support.json(unversioned).get("code").asString()).isEqualTo("error.versionRequired");
        assertThat(support.json(support.get(mvc, rep, "/api/v1/contracts/" + id)).get("status").asString()).isEqualTo("SIGNED");
        assertThat(customers.deadlines("Contract", id)).contains("K4:OPEN");
        var nowhere = support.post(mvc, rep, "/api/v1/contracts/" + id + "/archive",
                "{\"location\":\"  \",\"version\":" + signed.get("version").asLong() + "}");
        assertThat(nowhere).as("K4: where the paper original is kept").hasStatus(422);
        assertThat(support.json(nowhere).get("errors").get(0).get("field").asString()).isEqualTo("location");
        assertThat(support.json(support.get(mvc, rep, "/api/v1/contracts/" + id)).get("status").asString()).isEqualTo("SIGNED");
        JsonNode archived = customers.json(support.post(mvc, rep, "/api/v1/contracts/" + id + "/archive",
                "{\"location\":\"档案室 A-3\",\"version\":" + signed.get("version").asLong() + "}"));
        assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(customers.deadlines("Contract", id)).contains("K4:MET");
        assertThat(customers.put(mvc, rep, "/api/v1/contracts/" + id + "/sections/PAYMENT",
                "{\"body\":\"改过的条款\",\"version\":" + archived.get("version").asLong() + "}")).hasStatus(422);

        String legal = support.bearer(mvc, r.legalHead());
        assertThat(mvc.delete().uri("/api/v1/contracts/" + id)
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, legal).exchange()).as("R1: kept ten years").hasStatus(422);
        assertThat(support.get(mvc, legal, "/api/v1/contracts/" + id + "/pdf")).hasStatusOk();
        assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'CONTRACT_FILE_READ' and entity_id = :id")
                .param("id", id).query(Integer.class).single()).as("every read of a signed contract is audited").isEqualTo(1);
    }
}
