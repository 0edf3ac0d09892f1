package com.lead2cash.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.approval.ApprovalView.State;
import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The inbox, the approval page with its decision form, and the delegation page, as a signed-in person uses them. */
@IntegrationTest
@Import(RecordingCollaborators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalPagesTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Approvals approvals;
    @Autowired java.time.Clock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @org.springframework.beans.factory.annotation.Value("${l2c.zone}") java.time.ZoneId zone;

    UUID rep;
    UUID lawyer;
    UUID colleague;
    UUID lawyer2;

    @BeforeAll
    void people() {
        LocalDate hired = LocalDate.of(2022, 5, 1);
        rep = fixtures.user("rep", fixtures.rootUnit(), hired, Role.SALES_REP).id();
        lawyer = fixtures.user("lawyer", fixtures.rootUnit(), hired, Role.LEGAL).id();
        lawyer2 = fixtures.user("lawyer2", fixtures.rootUnit(), hired, Role.LEGAL).id();
        fixtures.user("outsider", fixtures.rootUnit(), hired, Role.MARKETING);
        colleague = fixtures.user("delegation.colleague", fixtures.rootUnit(), hired, Role.LEGAL).id();
    }

    Cookie login(String username) {
        return mvc.post().uri("/login").with(csrf()).param("username", username).param("password", Fixtures.PASSWORD)
                .exchange().getResponse().getCookie("SESSION");
    }

    UUID submit(String id) {
        return approvals.submit(new ApprovalRequest("Contract", id, "Contract " + id, rep,
                FlowDefinition.of(new StepDefinition("Legal review", StepMode.PARALLEL,
                        List.of(new ApproverRule.ByRole(Role.LEGAL)), "K1")), Map.of("risk", "high"))).id();
    }

    @Test
    void theInboxListsMyPendingTasksAndMySubmissions() {
        UUID id = submit("C-10");
        Cookie lawyerSession = login("lawyer");
        assertThat(mvc.get().uri("/approvals").cookie(lawyerSession)).hasStatusOk().bodyText()
                .contains("pending-table", "Contract C-10", "/approvals/" + id, "nav-link");
        assertThat(mvc.get().uri("/approvals").cookie(login("rep"))).hasStatusOk().bodyText()
                .contains("submitted-table", "Contract C-10");
    }

    @Test
    void rejectingWithoutACommentShowsTheErrorBesideTheCommentAndDecidesNothing() {
        UUID id = submit("C-11");
        Cookie session = login("lawyer");
        assertThat(mvc.get().uri("/approvals/{id}", id).cookie(session)).hasStatusOk().bodyText()
                .contains("decision-form", "approval-steps", "history-table", "risk")
                .as("approving is offered, so the form starts on it")
                .containsPattern("value=\"APPROVE\"[^>]*checked=\"checked\"");
        UUID task = approvals.find(id).orElseThrow().steps().get(0).tasks().get(0).id();
        // the version the page's form carries
        String version = String.valueOf(approvals.find(id).orElseThrow().version());

        assertThat(mvc.post().uri("/approvals/{id}/decision", id).cookie(session).with(csrf())
                .param("decision", "REJECT").param("comment", "").param("taskId", task.toString())
                .param("version", version))
                .hasStatusOk().bodyText().contains("is-invalid", "invalid-feedback");
        assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(State.IN_PROGRESS);
        // a control character pasted into the comment: beside it, with the comment typed, not the error page
        assertThat(mvc.post().uri("/approvals/{id}/decision?lang=en", id).cookie(session).with(csrf())
                .param("decision", "REJECT").param("comment", "条款\u202e不符").param("taskId", task.toString())
                .param("version", version))
                .hasStatusOk().bodyText().contains("is-invalid", "The text contains a control character", "条款\u202e不符")
                .doesNotContain("id=\"error-detail\"");
        assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(State.IN_PROGRESS);

        assertThat(mvc.post().uri("/approvals/{id}/decision", id).cookie(session).with(csrf())
                .param("decision", "REJECT").param("comment", "no").param("taskId", task.toString())
                .param("version", version))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/approvals/" + id);
        assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(State.REJECTED);
    }

    @Test
    void aDecisionPostedFromAStalePageOnAnApprovalDecidedMeanwhileShowsThePageWithoutTheFormAndWhoDecided() {
        UUID id = submit("C-12");
        Cookie session = login("lawyer");
        assertThat(mvc.get().uri("/approvals/{id}", id).cookie(session)).hasStatusOk().bodyText().contains("decision-form");
        UUID task = approvals.find(id).orElseThrow().steps().get(0).tasks().get(0).id();
        String version = String.valueOf(approvals.find(id).orElseThrow().version());
        // a colleague of the pool rejects it meanwhile: the approval has ended
        approvals.decide(id, task, lawyer2, Decision.REJECT, "条款不符", List.of());
        assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(State.REJECTED);

        var stale = mvc.post().uri("/approvals/{id}/decision", id).cookie(session).with(csrf())
                .param("decision", "APPROVE").param("comment", "").param("taskId", task.toString())
                .param("version", version).exchange();
        assertThat(stale).as("the page as it stands now, not the form again").hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/approvals/" + id);
        assertThat(stale.getMvcResult().getFlashMap().get("flashError")).isEqualTo("approval.task.decidedBy");
        assertThat(mvc.get().uri("/approvals/{id}", id).cookie(session)).hasStatusOk().bodyText()
                .contains("approval-steps").doesNotContain("decision-form");
        assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(State.REJECTED);
    }

    @Test
    void someoneNotInvolvedCannotOpenTheApprovalPage() {
        UUID id = submit("C-12");
        assertThat(mvc.get().uri("/approvals/{id}", id).cookie(login("outsider"))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anApprovalOutsideTheCallersReachOrNoneIsTheProductsNotFoundPageAsOnEveryScreenRoute() {
        UUID id = submit("C-404");
        UUID task = approvals.find(id).orElseThrow().steps().get(0).tasks().get(0).id();
        approvals.decide(id, task, lawyer2, Decision.REJECT, "条款不符", List.of());
        Cookie outsider = login("outsider");
        for (UUID asked : new UUID[] {id, UUID.randomUUID()}) {
            // any client's Accept: the product's not-found page, not the framework's own error answer
            var page = mvc.get().uri("/approvals/{id}?lang=en", asked).cookie(outsider)
                    .header(HttpHeaders.ACCEPT, "*/*").exchange();
            assertThat(page).as(asked.toString()).hasStatus(HttpStatus.NOT_FOUND).hasViewName("error");
            assertThat(page).bodyText().contains("This page or record does not exist").doesNotContain("\"timestamp\"");
            // a decision with a refused comment is not found either, before anything is said of the approval (who
            // decided it)
            var decided = mvc.post().uri("/approvals/{id}/decision", asked).cookie(outsider).with(csrf())
                    .header(HttpHeaders.ACCEPT, "*/*").param("decision", "APPROVE").param("comment", "条款\u202e不符")
                    .param("taskId", task.toString()).param("version", "0").exchange();
            assertThat(decided).as(asked.toString()).hasStatus(HttpStatus.NOT_FOUND).hasViewName("error");
            assertThat(decided).flash().isEmpty();
        }
    }

    @Test
    void aPersonDelegatesOnTheDelegationPage() {
        Cookie session = login("lawyer");
        assertThat(mvc.get().uri("/approvals/delegations").cookie(session)).hasStatusOk().bodyText()
                .contains("delegation-form", "delegation.colleague Name")
                .as("only those who may decide a lawyer's approvals are offered").doesNotContain("rep Name");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        assertThat(mvc.post().uri("/approvals/delegations").cookie(session).with(csrf())
                .param("delegateId", colleague.toString()).param("startsOn", today.toString())
                .param("endsOn", today.minusDays(1).toString())).hasStatusOk().bodyText().contains("is-invalid");
        assertThat(mvc.post().uri("/approvals/delegations?lang=en").cookie(session).with(csrf())
                .param("delegateId", colleague.toString()).param("startsOn", today.toString()).param("endsOn", "9999-01-01"))
                .as("a day past the years a record can have").hasStatusOk().bodyText()
                .contains("is-invalid", "The date must lie between 1900-01-01 and 2199-12-31.", "value=\"9999-01-01\"")
                .doesNotContain("id=\"error-detail\"");
        // 0094: a delegation ends within a year from today, said on its end date's field
        assertThat(mvc.post().uri("/approvals/delegations?lang=en").cookie(session).with(csrf())
                .param("delegateId", colleague.toString()).param("startsOn", today.plusDays(11).toString())
                .param("endsOn", "2199-12-31")).hasStatusOk().bodyText()
                .contains("is-invalid", "A delegation ends within a year from today: on " + today.plusYears(1)
                        + " at the latest.", "value=\"2199-12-31\"");
        assertThat(jdbc.sql("select count(*) from approval_delegation where delegator_id = :me").param("me", lawyer)
                .query(Integer.class).single()).as("nothing saved").isZero();
        assertThat(mvc.post().uri("/approvals/delegations").cookie(session).with(csrf())
                .param("delegateId", colleague.toString()).param("startsOn", today.toString())
                .param("endsOn", today.plusDays(3).toString())).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/approvals/delegations").cookie(session)).hasStatusOk().bodyText()
                .contains("delegations-table", "delegation.colleague Name");

        // revoked by someone it was neither given by nor to, or one that is none: the 404 page, and it stays
        UUID given = jdbc.sql("select id from approval_delegation where delegator_id = :me").param("me", lawyer)
                .query(UUID.class).single();
        for (UUID asked : new UUID[] {given, UUID.randomUUID()}) {
            var revoked = mvc.post().uri("/approvals/delegations/{id}/revoke", asked).cookie(login("outsider"))
                    .with(csrf()).exchange();
            assertThat(revoked).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(revoked).flash().isEmpty();
        }
        assertThat(jdbc.sql("select active from approval_delegation where id = :id").param("id", given)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theApprovalPagesNameTheKindOfRecordAndTheStepsInTheReadersLanguageWithoutRawCodesOrIds() throws Exception {
        String quoteId = UUID.randomUUID().toString();
        List<ApproverRule> legal = List.of(new ApproverRule.ByRole(Role.LEGAL));
        UUID id = approvals.submit(new ApprovalRequest("Quote", quoteId, "Quote Q-20 v1", rep, new FlowDefinition(List.of(
                new StepDefinition("MANAGER", StepMode.SEQUENTIAL, legal, null),
                new StepDefinition("finance", StepMode.PARALLEL, legal, null),
                new StepDefinition("FINAL_APPROVAL", StepMode.PARALLEL, legal, null),
                // stored before the contract module gave its steps keys: shown as stored
                new StepDefinition("终审 Final approval (K2)", StepMode.PARALLEL, legal, null))),
                Map.of("requiredAuthority", "MANAGER"))).id();
        Cookie session = login("lawyer");

        String en = mvc.get().uri("/approvals/{id}?lang=en", id).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(en).contains(">Quote<", "1. Manager&#39;s approval", "2. Finance", "3. Final approval (K2)",
                        "4. 终审 Final approval (K2)", "a manager&#39;s approval")
                .doesNotContain(quoteId, "1. MANAGER", "2. finance", "FINAL_APPROVAL", ">MANAGER<");
        String zh = mvc.get().uri("/approvals/{id}?lang=zh-CN", id).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(zh).contains(">报价<", "1. 经理审批", "2. 财务", "3. 终审（K2）").doesNotContain(quoteId);

        assertThat(mvc.get().uri("/approvals?lang=en").cookie(session)).hasStatusOk().bodyText()
                .contains(">Quote<", ">Manager&#39;s approval<").doesNotContain(quoteId, ">MANAGER<");
    }

    @Test
    void factsThatAreCodesShowTheirModulesLabelsInTheReadersLanguageAndAStoredValueWithoutOneAsItIs() throws Exception {
        List<ApproverRule> legal = List.of(new ApproverRule.ByRole(Role.LEGAL));
        // the facts as ContractReviews and InvoiceService build them
        UUID contract = approvals.submit(new ApprovalRequest("Contract", UUID.randomUUID().toString(), "HT-1", rep,
                FlowDefinition.of(new StepDefinition("CONTRACT_REVIEW", StepMode.PARALLEL, legal, null)),
                Map.of("riskLevel", "HIGH", "customer", "MEDIUM"))).id();
        UUID invoice = approvals.submit(new ApprovalRequest("Invoice", UUID.randomUUID().toString(), "KP-1", rep,
                FlowDefinition.of(new StepDefinition("finance", StepMode.PARALLEL, legal, null)),
                Map.of("type", "VAT_SPECIAL"))).id();
        // stored before its value had a label
        UUID old = approvals.submit(new ApprovalRequest("Contract", UUID.randomUUID().toString(), "HT-0", rep,
                FlowDefinition.of(new StepDefinition("CONTRACT_REVIEW", StepMode.PARALLEL, legal, null)),
                Map.of("riskLevel", "SEVERE"))).id();
        Cookie session = login("lawyer");

        assertThat(page(contract, "en", session)).contains(">Risk<", ">High<", ">Customer<", ">MEDIUM<")
                .doesNotContain(">HIGH<", ">riskLevel<", ">Medium<");
        assertThat(page(contract, "zh-CN", session)).contains(">风险等级<", ">高<").doesNotContain(">HIGH<");
        assertThat(page(invoice, "en", session)).contains(">Invoice type<", ">VAT special invoice (专票)<")
                .doesNotContain(">VAT_SPECIAL<", ">type<");
        assertThat(page(invoice, "zh-CN", session)).contains(">发票类型<", ">增值税专用发票<").doesNotContain(">VAT_SPECIAL<");
        assertThat(page(old, "en", session)).contains(">SEVERE<");
    }

    @Test
    void aPolicyChangeShowsItsChangesAsThePolicySaysThemAndOnceOutdatedIsRefusedOnThePage() throws Exception {
        UUID director = fixtures.user("pages.director", fixtures.rootUnit(), LocalDate.of(2015, 1, 1),
                Role.SALES_DIRECTOR).id();
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        var proposed = mvc.post().uri("/api/v1/policy/proposals").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reason":"经理队列五小时","changes":[{"rule":"L9","parameter":"window","value":"5h business"}]}""")
                .exchange();
        assertThat(proposed).hasStatus(HttpStatus.ACCEPTED);
        String proposal = fixtures.mapper().readTree(proposed.getResponse().getContentAsByteArray()).get("id").asString();
        UUID id = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> approvals.pendingFor(director,
                "PolicyChange", 50).stream().filter(a -> a.subjectId().equals(proposal)).findFirst(), Optional::isPresent)
                .orElseThrow().approvalId();
        Cookie session = login("pages.director");

        assertThat(page(id, "zh-CN", session)).contains("L9 时限：2 小时（工作时间） → 5 小时（工作时间）")
                .doesNotContain("L9.window", "2h business", "policy-change-outdated");
        assertThat(page(id, "en", session)).contains("L9 Window: 2 hours (working time) → 5 hours (working time)");

        // the policy moves on under it: the page says so, and approving is refused on the page, deciding nothing
        long version = jdbc.sql("select max(version) from sop_policy_version").query(Long.class).single();
        assertThat(mvc.put().uri("/api/v1/policy").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reason":"三小时","version":%d,"changes":[{"rule":"L9","parameter":"window","value":"3h business"}]}"""
                        .formatted(version))).hasStatus(HttpStatus.CREATED);
        assertThat(page(id, "zh-CN", session)).contains("policy-change-outdated", "已不能按所示内容批准")
                .as("approving is not offered, rejecting and sending back are").doesNotContain("value=\"APPROVE\"")
                .contains("value=\"REJECT\"");
        UUID task = approvals.find(id).orElseThrow().steps().get(0).tasks().get(0).id();
        assertThat(mvc.post().uri("/approvals/{id}/decision", id).cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").param("decision", "APPROVE").param("comment", "同意")
                .param("taskId", task.toString()).param("version", String.valueOf(approvals.find(id).orElseThrow().version())))
                .hasStatusOk().bodyText().contains("请驳回，并重新提出修改");
        assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(State.IN_PROGRESS);

        // the form starts with no decision chosen, and one posted without a decision is refused beside the field
        assertThat(page(id, "en", session)).as("no decision chosen").doesNotContain("checked=\"checked\"");
        long approvalVersion = approvals.find(id).orElseThrow().version();
        assertThat(mvc.post().uri("/approvals/{id}/decision?lang=en", id).cookie(session).with(csrf())
                .param("comment", "").param("taskId", task.toString()).param("version", String.valueOf(approvalVersion)))
                .hasStatusOk().bodyText().contains("id=\"decision-error\"", "Choose a decision.", "is-invalid")
                .doesNotContain("checked=\"checked\"");
        assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(State.IN_PROGRESS);
        assertThat(approvals.find(id).orElseThrow().version()).isEqualTo(approvalVersion);
    }

    private String page(UUID approval, String lang, Cookie session) throws Exception {
        return mvc.get().uri("/approvals/{id}?lang=" + lang, approval).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
