package com.lead2cash.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.internal.policy.PolicyProposalService;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** A policy change can go through the approval mechanism: it takes effect only once the director approves. */
@IntegrationTest
class PolicyChangeApprovalTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired com.lead2cash.sop.internal.policy.PolicyService policy;
    @Autowired PolicyProposalService proposals;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    private JsonNode call(String method, String token, String uri, String body) {
        var request = "POST".equals(method) ? mvc.post().uri(uri) : mvc.get().uri(uri);
        request = request.header(HttpHeaders.AUTHORIZATION, token);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return fixtures.json(request);
    }

    private String propose(String admin, String minutes) {
        return propose(admin, "筛选时限调整", "L1", "window", minutes + " business");
    }

    /** The approval is opened by an event listener after the proposal commits, so it may take a moment. */
    private String pendingApprovalFor(String director, String proposal) {
        return Awaitility.await("an approval for proposal " + proposal).atMost(Duration.ofSeconds(10))
                .until(() -> call("GET", director, "/api/v1/approvals?mine=pending", null).get("items").valueStream()
                        .filter(item -> proposal.equals(item.get("subjectId").asString()))
                        .map(item -> item.get("id").asString()).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private void awaitProposalState(String admin, String proposal, String state) {
        Awaitility.await("proposal " + proposal + " " + state).atMost(Duration.ofSeconds(10))
                .until(() -> call("GET", admin, "/api/v1/policy/proposals", null).valueStream()
                        .anyMatch(p -> proposal.equals(p.get("id").asString()) && state.equals(p.get("state").asString())));
    }

    @Test
    void aProposedChangeTakesEffectOnlyWhenTheDirectorApproves() throws Exception {
        fixtures.user("policy.director", fixtures.rootUnit(), LocalDate.of(2015, 1, 1), Role.SALES_DIRECTOR);
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        String director = "Bearer " + fixtures.token(mvc, "policy.director");
        long before = policy.current().version();

        String approved = propose(admin, "45m");
        assertThat(policy.current().version()).as("nothing changes before the decision").isEqualTo(before);
        JsonNode decision = call("POST", director, "/api/v1/approvals/" + pendingApprovalFor(director, approved) + "/decision",
                "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}");
        assertThat(decision.get("state").asString()).isEqualTo("APPROVED");
        awaitProposalState(admin, approved, "APPLIED");
        assertThat(policy.current().version()).isEqualTo(before + 1);
        assertThat(policy.current().deadlineWindow("L1").duration()).isEqualTo(BusinessDuration.ofMinutes(45));

        String rejected = propose(admin, "50m");
        call("POST", director, "/api/v1/approvals/" + pendingApprovalFor(director, rejected) + "/decision",
                "{\"decision\":\"REJECT\",\"comment\":\"不同意\"}");
        awaitProposalState(admin, rejected, "REJECTED");
        assertThat(policy.current().version()).isEqualTo(before + 1);
        assertThat(proposal(admin, rejected).get("decidedByName").asString()).isEqualTo("policy.director");
    }

    /**
     * Walk finding: the version an approved proposal made said only its proposer (createdBy "admin") while the audit
     * said the director made it, and the proposals list said when it was decided but not by whom. The version names
     * both: who proposed it (createdBy) and who approved it (approvedBy), in the API and on the history screens.
     */
    @Test
    void aVersionFromAnApprovedProposalNamesWhoProposedItAndWhoApprovedIt() {
        String director = director("approver.director");
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        long next = policy.current().version() + 1;
        String proposal = propose(admin, "审批人留名", "L6", "window", "170m business");
        assertThat(approve(director, pendingApprovalFor(director, proposal))).hasStatusOk();
        awaitProposalState(admin, proposal, "APPLIED");

        JsonNode version = call("GET", admin, "/api/v1/policy/versions/" + next, null);
        assertThat(version.get("createdBy").asString()).as("who proposed it").isEqualTo("admin");
        assertThat(version.get("approvedBy").asString()).as("who approved it").isEqualTo("approver.director");
        // SOP walk: the reason stays as the proposer wrote it (no " ✔" appended: approvedBy says it was approved)
        assertThat(version.get("reason").asString()).isEqualTo("审批人留名");
        JsonNode listed = call("GET", admin, "/api/v1/policy/versions", null).get("items").valueStream()
                .filter(v -> v.get("version").asLong() == next).findFirst().orElseThrow();
        assertThat(listed.get("createdBy").asString()).isEqualTo("admin");
        assertThat(listed.get("approvedBy").asString()).isEqualTo("approver.director");
        assertThat(proposal(admin, proposal).get("decidedByName").asString()).isEqualTo("approver.director");

        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        for (String[] language : new String[][] {{"zh-CN", "由 approver.director 批准", "批准人"},
                {"en", "approved by approver.director", "Approved by"}}) {
            String history = page(session, "/admin/policy/versions?lang=" + language[0]);
            assertThat(history).as(language[0]).contains(">" + language[2] + "<", ">approver.director<");
            assertThat(page(session, "/admin/policy/versions/" + next + "?lang=" + language[0])).as(language[0])
                    .contains(language[1]);
        }
    }

    private String page(Cookie session, String uri) {
        try {
            return mvc.get().uri(uri).cookie(session).exchange().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String propose(String admin, String reason, String rule, String parameter, String value) {
        var result = mvc.post().uri("/api/v1/policy/proposals").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reason":"%s","changes":[{"rule":"%s","parameter":"%s","value":"%s"}]}
                        """.formatted(reason, rule, parameter, value)).exchange();
        assertThat(result).hasStatus(HttpStatus.ACCEPTED);
        return fixtures.mapper().readTree(result.getResponse().getContentAsByteArray()).get("id").asString();
    }

    private MvcTestResult approve(String director, String approval) {
        return mvc.post().uri("/api/v1/approvals/" + approval + "/decision").header(HttpHeaders.AUTHORIZATION, director)
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\",\"comment\":\"同意\"}")
                .exchange();
    }

    private JsonNode proposal(String admin, String proposal) {
        return call("GET", admin, "/api/v1/policy/proposals", null).valueStream()
                .filter(p -> proposal.equals(p.get("id").asString())).findFirst().orElseThrow();
    }

    private String director(String username) {
        fixtures.user(username, fixtures.rootUnit(), LocalDate.of(2015, 1, 1), Role.SALES_DIRECTOR);
        return "Bearer " + fixtures.token(mvc, username);
    }

    @Test
    void aProposalWhoseParameterChangedSinceItWasMadeIsRefusedAndShownOutdatedWhileOthersStillApply() {
        String director = director("walk.director");
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        long base = policy.current().version();
        String a = propose(admin, "经理队列三小时", "L9", "window", "3h business");
        String b = propose(admin, "经理队列五小时", "L9", "window", "5h business");
        String other = propose(admin, "通知两小时半", "L6", "window", "150m business");
        String approvalA = pendingApprovalFor(director, a);
        String approvalB = pendingApprovalFor(director, b);
        String approvalOther = pendingApprovalFor(director, other);
        assertThat(proposal(admin, b).get("baseVersion").asLong()).isEqualTo(base);

        assertThat(approve(director, approvalA)).hasStatusOk();
        awaitProposalState(admin, a, "APPLIED");
        // the director saw 2h → 5h; the policy says 3h now: refused, nothing applied, the approval still open
        assertThat(approve(director, approvalB)).hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.code").asString().isEqualTo("policy.proposal.outdated");
        assertThat(policy.current().version()).isEqualTo(base + 1);
        assertThat(policy.current().deadlineWindow("L9").duration()).isEqualTo(BusinessDuration.ofHours(3));
        assertThat(call("GET", director, "/api/v1/approvals/" + approvalB, null).get("state").asString())
                .isEqualTo("IN_PROGRESS");
        JsonNode outdated = proposal(admin, b);
        assertThat(outdated.get("state").asString()).isEqualTo("PENDING");
        assertThat(outdated.get("outdated").asBoolean()).isTrue();
        assertThat(proposal(admin, other).get("outdated").asBoolean()).isFalse();
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        assertThat(mvc.get().uri("/admin/policy").cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .hasStatusOk().bodyText().contains("已过时：规则已变更，请重新提出");

        // a proposal on another parameter made on the same version still applies, on top of what is in force
        assertThat(approve(director, approvalOther)).hasStatusOk();
        awaitProposalState(admin, other, "APPLIED");
        assertThat(policy.current().deadlineWindow("L6").duration()).isEqualTo(BusinessDuration.ofMinutes(150));
        assertThat(policy.current().deadlineWindow("L9").duration()).isEqualTo(BusinessDuration.ofHours(3));

        // a direct change in between outdates a proposal just the same
        String c = propose(admin, "筛选四十分钟", "L1", "window", "40m business");
        String approvalC = pendingApprovalFor(director, c);
        long now = policy.current().version();
        assertThat(mvc.put().uri("/api/v1/policy").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reason":"筛选二十分钟","version":%d,"changes":[{"rule":"L1","parameter":"window","value":"20m business"}]}
                        """.formatted(now))).hasStatus(HttpStatus.CREATED);
        assertThat(approve(director, approvalC)).hasStatus(HttpStatus.CONFLICT);
        assertThat(policy.current().deadlineWindow("L1").duration()).isEqualTo(BusinessDuration.ofMinutes(20));
        // rejecting the outdated proposal still closes it
        call("POST", director, "/api/v1/approvals/" + approvalB + "/decision", "{\"decision\":\"REJECT\",\"comment\":\"重新提出\"}");
        awaitProposalState(admin, b, "REJECTED");
        assertThat(proposal(admin, b).get("outdated").asBoolean()).isFalse();
    }

    @Test
    void twoApprovalsAtOnceApplyOneAfterTheOtherSoTheSecondSeesWhatTheFirstChanged() throws Exception {
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        long base = policy.current().version();
        // different parameters: both apply, the second on top of the first
        UUID k3 = UUID.fromString(propose(admin, "签约两天", "K3", "window", "2d calendar"));
        UUID k4 = UUID.fromString(propose(admin, "归档两天", "K4", "window", "2d business"));
        assertThat(secondWhileFirstIsUncommitted(k3, k4)).isNull();
        assertThat(policy.current().version()).isEqualTo(base + 2);
        assertThat(policy.current().deadlineWindow("K3").duration()).isEqualTo(BusinessDuration.ofDays(2));
        assertThat(policy.current().deadlineWindow("K4").duration()).isEqualTo(BusinessDuration.ofDays(2));

        // the same parameter: the first applies, the second is refused as outdated
        UUID fiveDays = UUID.fromString(propose(admin, "进度五天", "D1", "window", "5d calendar"));
        UUID tenDays = UUID.fromString(propose(admin, "进度十天", "D1", "window", "10d calendar"));
        assertThat(secondWhileFirstIsUncommitted(fiveDays, tenDays)).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).messageKey()).isEqualTo("policy.proposal.outdated");
        assertThat(policy.current().version()).isEqualTo(base + 3);
        assertThat(policy.current().deadlineWindow("D1").duration()).isEqualTo(BusinessDuration.ofDays(5));
    }

    /**
     * Approves the first proposal and, before that commits, the second: the second waits for the first to end rather
     * than reading the policy the first is changing. What the second threw, or null.
     */
    private Throwable secondWhileFirstIsUncommitted(UUID first, UUID second) throws Exception {
        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                proposals.approve(first);
                firstApplied.countDown();
                try {
                    commitFirst.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(firstApplied.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> two = pool.submit(() -> proposals.approve(second));
            Awaitility.await("the second approval waiting for the first").atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                            .query(Integer.class).single() > 0);
            commitFirst.countDown();
            one.get(30, TimeUnit.SECONDS);
            try {
                two.get(30, TimeUnit.SECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aProposalWithdrawnFromTheDirectorIsWithdrawnNeverAppliedAndNoLongerPending() {
        String director = director("withdraw.director");
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        long before = policy.current().version();
        String withdrawn = propose(admin, "撤回的筛选时限", "L1", "window", "55m business");
        String approval = pendingApprovalFor(director, withdrawn);
        // submitted after the proposal committed, as its proposer: the trail says the administrator opened it
        assertThat(jdbc.sql("""
                select actor_name from platform_audit_event where entity_type = 'Approval' and entity_id = :id
                   and action = 'CREATE'""").param("id", approval).query(String.class).single())
                .isEqualTo("admin");

        assertThat(mvc.post().uri("/api/v1/approvals/" + approval + "/withdraw").header(HttpHeaders.AUTHORIZATION, admin))
                .hasStatusOk();
        // at once: the withdrawal reaches the proposal in the proposer's own transaction, as a decision does
        JsonNode seen = proposal(admin, withdrawn);
        assertThat(seen.get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(seen.get("appliedVersion").isNull()).isTrue();
        assertThat(seen.get("decidedAt").isNull()).as("when it stopped waiting").isFalse();
        assertThat(seen.get("outdated").asBoolean()).isFalse();
        assertThat(policy.current().version()).as("nothing applied").isEqualTo(before);
        assertThat(approve(director, approval).getResponse().getStatus()).as("nothing left to decide").isNotEqualTo(200);
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        assertThat(mvc.get().uri("/admin/policy?lang=en").cookie(session))
                .hasStatusOk().bodyText().contains("Withdrawn by its proposer, not applied");
        assertThat(mvc.get().uri("/admin/policy?lang=zh-CN").cookie(session))
                .hasStatusOk().bodyText().contains("提出人已撤回，未生效");

        // heard again, or for a proposal already decided, a withdrawal changes nothing
        String decidedAt = seen.get("decidedAt").asString();
        proposals.withdraw(UUID.fromString(withdrawn));
        assertThat(proposal(admin, withdrawn).get("decidedAt").asString()).isEqualTo(decidedAt);
        String applied = propose(admin, "批准后再撤回", "L1", "window", "35m business");
        assertThat(approve(director, pendingApprovalFor(director, applied))).hasStatusOk();
        awaitProposalState(admin, applied, "APPLIED");
        proposals.withdraw(UUID.fromString(applied));
        assertThat(proposal(admin, applied).get("state").asString()).isEqualTo("APPLIED");
        assertThat(policy.current().version()).isEqualTo(before + 1);
    }

    @Test
    void Q2_aProposalThePolicyInForceNoLongerHoldsWithIsRefusedAtApprovalNamingTheConflictAndChangesNothing() {
        String director = director("q2.director");
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        String proposal = propose(admin, "销售折扣十四", "Q2", "repMaxPercent", "14");
        String approval = pendingApprovalFor(director, proposal);
        // the manager's limit lowered below the proposed rep limit meanwhile: the proposal changes no parameter that moved
        assertThat(mvc.post().uri("/api/v1/policy").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reason":"经理折扣十","changes":[{"rule":"Q2","parameter":"managerMaxPercent","value":"10"}]}
                        """)).hasStatus(HttpStatus.CREATED);
        long version = policy.current().version();
        assertThat(proposal(admin, proposal).get("outdated").asBoolean()).isFalse();

        // the approval screen offers no approval and says why, naming the parameter in conflict
        Cookie session = fixtures.session(mvc, "q2.director", Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/approvals/" + approval).cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .hasStatusOk().bodyText().contains("id=\"not-approvable\"", "no longer holds with the policy in force",
                        "Q2.repMaxPercent");
        // approved anyway: refused, nothing changed, the approval still open and the proposal still waiting
        var refused = mvc.post().uri("/api/v1/approvals/" + approval + "/decision").header(HttpHeaders.AUTHORIZATION, director)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"APPROVE\",\"comment\":\"同意\"}").exchange();
        assertThat(refused).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code").asString()
                .isEqualTo("policy.proposal.noLongerValid");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString()
                .contains("Q2.repMaxPercent", "The manager's discount limit cannot be below the rep's.");
        assertThat(policy.current().version()).isEqualTo(version);
        assertThat(policy.current().text("Q2", "repMaxPercent")).isEqualTo("5");
        assertThat(call("GET", director, "/api/v1/approvals/" + approval, null).get("state").asString())
                .isEqualTo("IN_PROGRESS");
        assertThat(proposal(admin, proposal).get("state").asString()).isEqualTo("PENDING");

        call("POST", director, "/api/v1/approvals/" + approval + "/decision", "{\"decision\":\"REJECT\",\"comment\":\"重新提出\"}");
        awaitProposalState(admin, proposal, "REJECTED");
        assertThat(mvc.post().uri("/api/v1/policy").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reason":"经理折扣恢复","changes":[{"rule":"Q2","parameter":"managerMaxPercent","value":"15"}]}
                        """)).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void aProposalThatFailedBeforeApprovalsWereRefusedSaysWhyInTheReadersWords() {
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        String failed = propose(admin, "早已失败的修改", "L7", "window", "7h business");
        // as an approval that did not apply was recorded before such approvals were refused: the key of the refusal only
        jdbc.sql("update sop_policy_proposal set state = 'FAILED', failure = 'error.validation' where id = :id")
                .param("id", UUID.fromString(failed)).update();
        JsonNode listed = fixtures.json(mvc.get().uri("/api/v1/policy/proposals").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")).valueStream()
                .filter(p -> failed.equals(p.get("id").asString())).findFirst().orElseThrow();
        assertThat(listed.get("failureMessage").asString()).isEqualTo("Not applied: Some input was refused.");
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        assertThat(mvc.get().uri("/admin/policy").cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .hasStatusOk().bodyText().contains("未生效：部分输入未通过校验。").doesNotContain(">error.validation<");
    }

    @Test
    void anInvalidProposalIsRefusedAtOnce() {
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        assertThat(mvc.post().uri("/api/v1/policy/proposals").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"错误\",\"changes\":[{\"rule\":\"L1\",\"parameter\":\"window\",\"value\":\"soon\"}]}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(call("GET", admin, "/api/v1/policy/proposals", null).findValuesAsString("reason")).doesNotContain("错误");
    }
}
