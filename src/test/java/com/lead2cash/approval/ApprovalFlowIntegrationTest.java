package com.lead2cash.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.approval.ApprovalCompleted.Outcome;
import com.lead2cash.approval.ApprovalView.State;
import com.lead2cash.approval.ApprovalView.StepState;
import com.lead2cash.approval.ApprovalView.TaskState;
import com.lead2cash.approval.RecordingCollaborators.DeadlineCall;
import com.lead2cash.approval.RecordingCollaborators.RecordingDeadlines;
import com.lead2cash.approval.RecordingCollaborators.RecordingNotifier;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.SubjectRef;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Approval flows end to end: submitted through {@link Approvals}, decided through the API, with the
 * SOP deadlines, notifications and domain events they cause.
 */
@IntegrationTest
@Import(RecordingCollaborators.class)
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalFlowIntegrationTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Approvals approvals;
    @Autowired java.time.Clock clock;
    @org.springframework.beans.factory.annotation.Value("${l2c.zone}") java.time.ZoneId zone;
    @Autowired RecordingDeadlines deadlines;
    @Autowired RecordingNotifier notifier;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;
    @Autowired com.lead2cash.testing.HeldFirst heldFirst;

    UUID rep;
    UUID lead;
    UUID regional;
    UUID lawyer;
    UUID accountant;
    UUID director;
    UUID deputy;
    UUID stranger;

    @BeforeAll
    void anOrgTree() {
        // company → East region (regional manager) → Team A (team lead) with a rep
        UUID region = fixtures.unit("East region");
        UUID team = fixtures.unit("Team A", region);
        LocalDate hired = LocalDate.of(2023, 3, 1);
        regional = fixtures.user("regional", region, hired, Role.REGIONAL_MANAGER).id();
        lead = fixtures.user("lead", team, hired, Role.SALES_MANAGER).id();
        rep = fixtures.user("rep", team, hired, Role.SALES_REP).id();
        fixtures.appointManager(region, regional);
        fixtures.appointManager(team, lead);
        lawyer = fixtures.user("lawyer", fixtures.rootUnit(), hired, Role.LEGAL).id();
        accountant = fixtures.user("accountant", fixtures.rootUnit(), hired, Role.FINANCE).id();
        director = fixtures.user("director", fixtures.rootUnit(), hired, Role.SALES_DIRECTOR).id();
        deputy = fixtures.user("deputy", team, hired, Role.SALES_MANAGER).id(); // a second manager of the team
        stranger = fixtures.user("stranger", fixtures.rootUnit(), hired, Role.SALES_REP).id();
    }

    @BeforeEach
    void clearRecordings() {
        deadlines.calls.clear();
        notifier.sent.clear();
    }

    /** K1 then K2: legal and finance in parallel, then the submitter's manager. */
    ApprovalRef submitContract(String id) {
        return approvals.submit(new ApprovalRequest("Contract", id, "Contract " + id, rep, FlowDefinition.of(
                new StepDefinition("Internal review", StepMode.PARALLEL,
                        List.of(new ApproverRule.ByRole(Role.LEGAL), new ApproverRule.ByRole(Role.FINANCE)), "K1"),
                new StepDefinition("Final approval", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.SubmittersManager(1)), "K2")),
                Map.of("amount", "800000.00")));
    }

    MvcTestResult decide(String username, UUID approval, String decision, String comment, UUID taskId) {
        String body = "{\"decision\":\"" + decision + "\""
                + (comment == null ? "" : ",\"comment\":\"" + comment + "\"")
                + (taskId == null ? "" : ",\"taskId\":\"" + taskId + "\"") + "}";
        return mvc.post().uri("/api/v1/approvals/{id}/decision", approval)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, username))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    ApprovalView view(UUID id) {
        return approvals.find(id).orElseThrow();
    }

    UUID task(ApprovalView view, int step, Role role) {
        return view.steps().get(step).tasks().stream().filter(t -> role == t.assigneeRole()).findFirst().orElseThrow().id();
    }

    static SubjectRef subject(UUID taskId) {
        return SubjectRef.of("ApprovalTask", taskId);
    }

    @Test
    void parallelApprovalStepCompletesOnlyWhenEveryBranchApproves() {
        ApprovalRef ref = submitContract("C-100");
        ApprovalView submitted = view(ref.id());
        UUID legalTask = task(submitted, 0, Role.LEGAL);
        UUID financeTask = task(submitted, 0, Role.FINANCE);
        assertThat(deadlines.of("open")).extracting(DeadlineCall::ruleId, DeadlineCall::subject)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("K1", subject(legalTask)),
                        org.assertj.core.groups.Tuple.tuple("K1", subject(financeTask)));
        assertThat(notifier.to(lawyer, "approval.task.assigned")).hasSize(1);
        assertThat(notifier.to(accountant, "approval.task.assigned")).hasSize(1);

        assertThat(decide("lawyer", ref.id(), "APPROVE", null, null)).hasStatusOk()
                .bodyJson().extractingPath("$.state").isEqualTo("IN_PROGRESS");
        ApprovalView afterFirst = view(ref.id());
        assertThat(afterFirst.steps()).extracting(ApprovalView.StepView::state)
                .containsExactly(StepState.IN_PROGRESS, StepState.NOT_STARTED);
        assertThat(deadlines.of("meet")).extracting(DeadlineCall::subject).containsExactly(subject(legalTask));
        assertThat(notifier.to(lead, "approval.task.assigned")).isEmpty();

        assertThat(decide("accountant", ref.id(), "APPROVE", "figures fine", null)).hasStatusOk();
        ApprovalView afterBoth = view(ref.id());
        assertThat(afterBoth.steps()).extracting(ApprovalView.StepView::state)
                .containsExactly(StepState.APPROVED, StepState.IN_PROGRESS);
        ApprovalView.TaskView managerTask = afterBoth.steps().get(1).tasks().get(0);
        assertThat(managerTask.assigneeId()).isEqualTo(lead);
        assertThat(managerTask.state()).isEqualTo(TaskState.PENDING);
        assertThat(deadlines.of("open")).last()
                .isEqualTo(new DeadlineCall("open", "K2", subject(managerTask.id()), lead, managerTask.openedAt()));
        assertThat(notifier.to(lead, "approval.task.assigned")).hasSize(1);

        assertThat(decide("lead", ref.id(), "APPROVE", null, null)).hasStatusOk()
                .bodyJson().extractingPath("$.state").isEqualTo("APPROVED");
        assertThat(events.stream(ApprovalCompleted.class))
                .contains(new ApprovalCompleted(ref.id(), "Contract", "C-100", Outcome.APPROVED));
        assertThat(notifier.to(rep, "approval.completed")).extracting(n -> n.titleKey())
                .containsExactly("approval.notify.approved");
    }

    @Test
    void aRejectionEndsTheFlow() {
        ApprovalRef ref = submitContract("C-200");
        UUID financeTask = task(view(ref.id()), 0, Role.FINANCE);

        assertThat(decide("lawyer", ref.id(), "REJECT", "unlimited liability", null)).hasStatusOk()
                .bodyJson().extractingPath("$.state").isEqualTo("REJECTED");

        ApprovalView rejected = view(ref.id());
        assertThat(rejected.steps().get(0).tasks()).extracting(ApprovalView.TaskView::state)
                .containsExactlyInAnyOrder(TaskState.REJECTED, TaskState.SKIPPED);
        assertThat(rejected.steps().get(1).state()).isEqualTo(StepState.SKIPPED);
        assertThat(deadlines.of("cancel")).extracting(DeadlineCall::subject).containsExactly(subject(financeTask));
        assertThat(events.stream(ApprovalCompleted.class))
                .containsExactly(new ApprovalCompleted(ref.id(), "Contract", "C-200", Outcome.REJECTED));
        assertThat(notifier.to(rep, "approval.completed")).extracting(n -> n.titleKey())
                .containsExactly("approval.notify.rejected");
        assertThat(decide("accountant", ref.id(), "APPROVE", null, null)).as("the approval ended: a rule, no race")
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.code").isEqualTo("approval.finished");
    }

    @Test
    void sendBackReturnsItToTheSubmitter() {
        ApprovalRef ref = approvals.submit(new ApprovalRequest("Quote", "Q-7", "Quote Q-7 at 18 %", rep,
                FlowDefinition.of(new StepDefinition("Manager", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.SubmittersManager(1)), "Q2"),
                        new StepDefinition("Director", StepMode.SEQUENTIAL,
                                List.of(new ApproverRule.ByRole(Role.SALES_DIRECTOR)), null)),
                Map.of("discount", "18%")));

        assertThat(decide("lead", ref.id(), "SEND_BACK", "justify the discount", null)).hasStatusOk()
                .bodyJson().extractingPath("$.state").isEqualTo("SENT_BACK");
        assertThat(events.stream(ApprovalSentBack.class))
                .containsExactly(new ApprovalSentBack(ref.id(), "Quote", "Q-7", 1, lead, "justify the discount"));
        assertThat(notifier.to(rep, "approval.sentBack")).singleElement()
                .satisfies(n -> assertThat(n.args()).contains("justify the discount"));

        // a subject whose module has no say on it (no such quote) may be resubmitted: the approval offers it to its submitter
        assertThat(mvc.get().uri("/api/v1/approvals/{id}", ref.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "rep")).exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.availableActions").asArray().containsExactlyInAnyOrder("RESUBMIT", "WITHDRAW");
        assertThat(mvc.get().uri("/api/v1/approvals/{id}", ref.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "lead")).exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.availableActions").asArray().as("the submitter's only").isEmpty();
        MvcTestResult resubmitted = mvc.post().uri("/api/v1/approvals/{id}/resubmit", ref.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "rep")).exchange();
        assertThat(resubmitted).hasStatusOk().bodyJson().extractingPath("$.availableActions").asArray()
                .containsExactly("WITHDRAW");
        ApprovalView round2 = view(ref.id());
        assertThat(round2.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(round2.round()).isEqualTo(2);
        assertThat(round2.steps().get(0).state()).isEqualTo(StepState.IN_PROGRESS);
        assertThat(round2.steps().get(0).tasks()).singleElement()
                .satisfies(t -> assertThat(t.assigneeId()).isEqualTo(lead));
        assertThat(round2.history()).extracting(ApprovalView.HistoryEntry::event)
                .containsSubsequence("SUBMITTED", "SENT_BACK", "RETURNED_TO_SUBMITTER", "RESUBMITTED", "STEP_STARTED");
    }

    @Test
    void approverBySubmittersManagerAndManagersManagerResolvedThroughTheOrgTree() {
        ApprovalRef ref = approvals.submit(new ApprovalRequest("Project", "P-1", "Project P-1", rep,
                FlowDefinition.of(new StepDefinition("Line", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.SubmittersManager(1), new ApproverRule.SubmittersManager(2),
                                new ApproverRule.SubmittersManager(3)), null)), Map.of()));
        List<ApprovalView.TaskView> tasks = view(ref.id()).steps().get(0).tasks();
        assertThat(tasks).extracting(ApprovalView.TaskView::assigneeId).containsExactly(lead, regional, null);
        assertThat(tasks.get(2).assigneeRole()).isEqualTo(Role.SALES_DIRECTOR);
        assertThat(tasks.get(2).fallbackReason()).isEqualTo("approval.fallback.noManager");
        assertThat(view(ref.id()).history()).anyMatch(h -> h.event().equals("APPROVER_FALLBACK")
                && "approval.fallback.noManager".equals(h.detail()));

        assertThat(decide("lead", ref.id(), "APPROVE", null, null)).hasStatusOk();
        assertThat(decide("regional", ref.id(), "APPROVE", null, null)).hasStatusOk();
        assertThat(decide("director", ref.id(), "APPROVE", null, null)).hasStatusOk()
                .bodyJson().extractingPath("$.state").isEqualTo("APPROVED");
    }

    @Test
    void delegationLetsTheDelegateActOnBehalfRecordedInHistory() {
        ApprovalRef ref = approvals.submit(new ApprovalRequest("Quote", "Q-9", "Quote Q-9", rep,
                FlowDefinition.of(new StepDefinition("Manager", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.SubmittersManager(1)), null)), Map.of()));
        String leadToken = fixtures.token(mvc, "lead");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        assertThat(mvc.post().uri("/api/v1/approvals/delegations").header(HttpHeaders.AUTHORIZATION, "Bearer " + leadToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"delegateId\":\"" + deputy + "\",\"startsOn\":\"" + today + "\",\"endsOn\":\""
                        + today.plusDays(2) + "\",\"note\":\"trade fair\"}"))
                .hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.currentlyInForce").isEqualTo(true);

        var inbox = fixtures.json(mvc.get().uri("/api/v1/approvals?mine=pending")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "deputy")));
        var item = inbox.get("items").valueStream().filter(i -> i.get("id").asString().equals(ref.id().toString()))
                .findFirst().orElseThrow();
        assertThat(item.get("task").get("onBehalfOf").asString()).isEqualTo(lead.toString());

        assertThat(decide("deputy", ref.id(), "APPROVE", "approved while away", null)).hasStatusOk()
                .bodyJson().extractingPath("$.steps[0].tasks[0].onBehalfOf").isEqualTo(lead.toString());
        ApprovalView done = view(ref.id());
        assertThat(done.steps().get(0).tasks().get(0).actedBy()).isEqualTo(deputy);
        assertThat(done.history()).anyMatch(h -> h.event().equals("APPROVED") && deputy.equals(h.actorId())
                && lead.equals(h.onBehalfOf()));
    }

    MvcTestResult delegate(String username, UUID delegateId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return mvc.post().uri("/api/v1/approvals/delegations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, username))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"delegateId\":\"" + delegateId + "\",\"startsOn\":\"" + today + "\",\"endsOn\":\""
                        + today.plusDays(24) + "\"}").exchange();
    }

    MvcTestResult delegate(String username, UUID delegateId, LocalDate from, LocalDate to) {
        return mvc.post().uri("/api/v1/approvals/delegations").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, username))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"delegateId\":\"" + delegateId + "\",\"startsOn\":\"" + from + "\",\"endsOn\":\""
                        + to + "\"}").exchange();
    }

    /**
     * 0085: one person decides for a delegator on a day — a delegation sharing a day with one of theirs in force or to
     * come, to the same delegate or another, is refused on startsOn naming the one given; nothing stored. Days outside
     * it, or once it is ended, are accepted.
     */
    @Test
    void D0085_aDelegationOverlappingOneTheDelegatorGaveIsRefusedNamingItsDates() {
        LocalDate hired = LocalDate.of(2024, 1, 8);
        UUID team = fixtures.unit("d0085 West team", fixtures.rootUnit());
        var head = fixtures.user("d0085-west-head", team, hired, Role.SALES_MANAGER);
        fixtures.appointManager(team, head.id());
        var second = fixtures.user("d0085-west-second", team, hired, Role.SALES_MANAGER);
        var third = fixtures.user("d0085-west-third", team, hired, Role.SALES_MANAGER);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        assertThat(delegate("d0085-west-head", second.id(), today.plusDays(2), today.plusDays(6)))
                .hasStatus(HttpStatus.CREATED);

        // the same delegate on its last days and after, another on its first day and before
        for (var overlapping : List.of(List.of(second.id(), today.plusDays(4), today.plusDays(8)),
                List.of(third.id(), today, today.plusDays(2)))) {
            assertThat(delegate("d0085-west-head", (UUID) overlapping.get(0), (LocalDate) overlapping.get(1),
                    (LocalDate) overlapping.get(2)))
                    .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
                        json.assertThat().extractingPath("$.errors[0].field").isEqualTo("startsOn");
                        json.assertThat().extractingPath("$.errors[0].code").isEqualTo("approval.delegation.overlaps");
                        json.assertThat().extractingPath("$.errors[0].message").asString().contains(
                                "You already delegate to " + second.displayName() + " from " + today.plusDays(2)
                                        + " to " + today.plusDays(6));
                    });
        }
        assertThat(jdbc.sql("select count(*) from approval_delegation where delegator_id = :me")
                .param("me", head.id()).query(Integer.class).single()).as("nothing more stored").isEqualTo(1);

        assertThat(delegate("d0085-west-head", third.id(), today, today.plusDays(1)))
                .as("the days before it").hasStatus(HttpStatus.CREATED);
        assertThat(delegate("d0085-west-head", third.id(), today.plusDays(7), today.plusDays(9)))
                .as("the days after it").hasStatus(HttpStatus.CREATED);
    }

    /**
     * 0094: a delegation "while away" ends within a year from today — one to 2199 is refused on endsOn in the reader's
     * language, naming the last day allowed; nothing stored. Ending on that day is accepted.
     */
    @Test
    void D0094_aDelegationEndingMoreThanAYearAheadIsRefusedOnEndsOn() {
        LocalDate hired = LocalDate.of(2024, 1, 8);
        UUID team = fixtures.unit("d0094 North team", fixtures.rootUnit());
        var head = fixtures.user("d0094-north-head", team, hired, Role.SALES_MANAGER);
        fixtures.appointManager(team, head.id());
        var second = fixtures.user("d0094-north-second", team, hired, Role.SALES_MANAGER);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate latest = today.plusYears(1);

        assertThat(delegate("d0094-north-head", second.id(), today.plusDays(11), LocalDate.of(2199, 12, 31)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
                    json.assertThat().extractingPath("$.errors[0].field").isEqualTo("endsOn");
                    json.assertThat().extractingPath("$.errors[0].code").isEqualTo("approval.delegation.tooFarAhead");
                    json.assertThat().extractingPath("$.errors[0].message")
                            .isEqualTo("A delegation ends within a year from today: on " + latest + " at the latest.");
                });
        assertThat(mvc.post().uri("/api/v1/approvals/delegations").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "d0094-north-head"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"delegateId\":\"" + second.id() + "\",\"startsOn\":\"" + latest.plusDays(1)
                        + "\",\"endsOn\":\"" + latest.plusDays(3) + "\"}"))
                .as("one starting more than a year ahead ends so too").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("代理须在今天起一年内结束，最晚为 " + latest + "。");
        assertThat(jdbc.sql("select count(*) from approval_delegation where delegator_id = :me")
                .param("me", head.id()).query(Integer.class).single()).as("nothing stored").isZero();

        assertThat(delegate("d0094-north-head", second.id(), today.plusDays(11), latest)).hasStatus(HttpStatus.CREATED);
    }

    /**
     * 0085 at the same time: a second grant sent while the first is stored but not yet committed waits for it and is
     * refused as overlapping — one delegation stored, not two.
     */
    @Test
    void D0085_aDelegationSentWhileAnOverlappingOneIsBeingStoredWaitsForItAndIsRefused() throws Exception {
        LocalDate hired = LocalDate.of(2024, 1, 8);
        UUID team = fixtures.unit("d0085 race team", fixtures.rootUnit());
        var head = fixtures.user("d0085-race-head", team, hired, Role.SALES_MANAGER);
        fixtures.appointManager(team, head.id());
        var second = fixtures.user("d0085-race-second", team, hired, Role.SALES_MANAGER);
        var third = fixtures.user("d0085-race-third", team, hired, Role.SALES_MANAGER);
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone).plusDays(8);
        String token = fixtures.token(mvc, "d0085-race-head");
        // the token's last use is touched now, not inside the held request: else the second would wait at its sign-in
        assertThat(mvc.get().uri("/api/v1/approvals/delegations").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatusOk();

        var sent = heldFirst.race(() -> grant(token, second.id(), day, day), () -> grant(token, third.id(), day, day));

        assertThat(sent.first()).hasStatus(HttpStatus.CREATED);
        assertThat(sent.second()).as("the second waited and saw the first").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].code").isEqualTo("approval.delegation.overlaps");
        assertThat(jdbc.sql("select count(*) from approval_delegation where delegator_id = :me")
                .param("me", head.id()).query(Integer.class).single()).isEqualTo(1);
    }

    /** 0085: four grants of the same day to four delegates sent at once — exactly one is stored, three refused. */
    @Test
    void D0085_fourOverlappingDelegationsSentAtOnceStoreExactlyOne() throws Exception {
        LocalDate hired = LocalDate.of(2024, 1, 8);
        UUID team = fixtures.unit("d0085 burst team", fixtures.rootUnit());
        var head = fixtures.user("d0085-burst-head", team, hired, Role.SALES_MANAGER);
        fixtures.appointManager(team, head.id());
        List<UUID> delegates = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            delegates.add(fixtures.user("d0085-burst-" + i, team, hired, Role.SALES_MANAGER).id());
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone).plusDays(8);
        String token = fixtures.token(mvc, "d0085-burst-head");

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(delegates.size());
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(delegates.size());
        List<Integer> statuses;
        try {
            List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
            for (UUID delegate : delegates) {
                sent.add(pool.submit(() -> {
                    start.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    return grant(token, delegate, day, day).getResponse().getStatus();
                }));
            }
            statuses = new java.util.ArrayList<>();
            for (var f : sent) {
                statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(201).filteredOn(s -> s != 201)
                .containsOnly(422).hasSize(3);
        assertThat(jdbc.sql("select count(*) from approval_delegation where delegator_id = :me")
                .param("me", head.id()).query(Integer.class).single()).isEqualTo(1);
    }

    MvcTestResult grant(String token, UUID delegateId, LocalDate from, LocalDate to) {
        return mvc.post().uri("/api/v1/approvals/delegations").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"delegateId\":\"" + delegateId + "\",\"startsOn\":\"" + from + "\",\"endsOn\":\""
                        + to + "\",\"note\":\"x\"}").exchange();
    }

    /**
     * 0069: a manager's approvals go to a manager whose team covers theirs, or a director — never to a rep, nor to
     * another team's manager; a reviewer's to a holder of the same role. Refused on delegateId, nothing stored.
     */
    @Test
    void D0069_aDelegateWhoDoesNotHoldTheDelegatorsAuthorityIsRefused() {
        LocalDate hired = LocalDate.of(2024, 1, 8);
        UUID south = fixtures.unit("d0069 South team", fixtures.rootUnit());
        UUID southRep = fixtures.user("d0069-south-rep", south, hired, Role.SALES_REP).id();
        UUID southLead = fixtures.user("d0069-south-lead", south, hired, Role.SALES_MANAGER).id();
        fixtures.appointManager(south, southLead);

        Map<UUID, String> refused = Map.of(rep, "approval.delegation.delegate.notManager",
                southRep, "approval.delegation.delegate.notManager",
                southLead, "approval.delegation.delegate.outsideTeam");
        refused.forEach((delegateId, code) -> assertThat(delegate("lead", delegateId))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
                    json.assertThat().extractingPath("$.errors[0].field").isEqualTo("delegateId");
                    json.assertThat().extractingPath("$.errors[0].code").isEqualTo(code);
                    json.assertThat().extractingPath("$.errors[0].message").asString()
                            .contains("cannot decide your approvals");
                }));
        assertThat(delegate("lawyer", accountant)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                .extractingPath("$.errors[0].code").isEqualTo("approval.delegation.delegate.lacksRole");
        assertThat(delegate("d0069-south-rep", southLead)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                .extractingPath("$.errors[0].code").isEqualTo("approval.delegation.nothingToDelegate");
        assertThat(jdbc.sql("select count(*) from approval_delegation where delegate_id in (:ids)")
                .param("ids", List.of(rep, southRep, southLead, accountant)).query(Integer.class).single())
                .as("nothing stored").isZero();

        assertThat(delegate("d0069-south-lead", director)).as("a director holds a manager's authority")
                .hasStatus(HttpStatus.CREATED);
    }

    /**
     * 0069 at decision time: a delegation stored before the rule, to another team's rep, lends nothing — the rep
     * neither reads the approval nor decides it, as anyone it does not involve (404), and it stays in progress.
     */
    @Test
    void D0069_aStoredDelegationToSomeoneWithoutTheAuthorityIsNotHonoured() {
        LocalDate hired = LocalDate.of(2024, 1, 8);
        UUID east = fixtures.unit("d0069 East team", fixtures.rootUnit());
        UUID eastLead = fixtures.user("d0069-east-lead", east, hired, Role.SALES_MANAGER).id();
        UUID eastRep = fixtures.user("d0069-east-rep", east, hired, Role.SALES_REP).id();
        fixtures.appointManager(east, eastLead);
        UUID south = fixtures.unit("d0069 South office", fixtures.rootUnit());
        UUID southRep = fixtures.user("d0069-south-rep1", south, hired, Role.SALES_REP).id();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        jdbc.sql("""
                insert into approval_delegation (id, delegator_id, delegate_id, starts_on, ends_on, active, created_at,
                    version) values (:id, :from, :to, :starts, :ends, true, :at, 0)""")
                .param("id", UUID.randomUUID()).param("from", eastLead).param("to", southRep)
                .param("starts", today).param("ends", today.plusDays(24))
                .param("at", java.sql.Timestamp.from(clock.instant())).update();
        ApprovalRef ref = approvals.submit(new ApprovalRequest("Quote", "Q-0069", "Quote Q-0069", eastRep,
                FlowDefinition.of(new StepDefinition("Manager", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.SubmittersManager(1)), null)), Map.of("customer", "东方客户")));
        String token = "Bearer " + fixtures.token(mvc, "d0069-south-rep1");

        assertThat(mvc.get().uri("/api/v1/approvals/{id}", ref.id()).header(HttpHeaders.AUTHORIZATION, token))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(decide("d0069-south-rep1", ref.id(), "APPROVE", null, null)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(fixtures.json(mvc.get().uri("/api/v1/approvals?mine=pending").header(HttpHeaders.AUTHORIZATION, token))
                .get("items").valueStream().map(i -> i.get("id").asString())).doesNotContain(ref.id().toString());
        assertThat(view(ref.id()).state()).isEqualTo(State.IN_PROGRESS);
        assertThat(decide("d0069-east-lead", ref.id(), "APPROVE", null, null)).hasStatusOk();
    }

    @Test
    void actingOnSomeoneElsesTaskIsRefused() {
        ApprovalRef ref = submitContract("C-300");
        UUID legalTask = task(view(ref.id()), 0, Role.LEGAL);
        assertThat(decide("accountant", ref.id(), "APPROVE", null, legalTask))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.code").isEqualTo("approval.task.notYours");
        assertThat(decide("stranger", ref.id(), "APPROVE", null, legalTask)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(view(ref.id()).steps().get(0).tasks()).extracting(ApprovalView.TaskView::state)
                .containsOnly(TaskState.PENDING);
    }

    @Test
    void historyCannotBeUpdated() {
        ApprovalRef ref = submitContract("C-400");
        assertThatThrownBy(() -> jdbc.sql("update approval_history set comment = 'forged' where approval_id = :id")
                .param("id", ref.id()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from approval_history where approval_id = :id")
                .param("id", ref.id()).update())
                .hasMessageContaining("append-only");
        assertThat(view(ref.id()).history()).isNotEmpty();
    }

    @Test
    void anOwningModuleDecidesWithRemarksThatAreKeptAndShownAndFindsWhatWaitsForAPerson() {
        ApprovalRef ref = approvals.submit(new ApprovalRequest("Contract", "C-500", "Contract C-500", rep,
                FlowDefinition.of(new StepDefinition("Review", StepMode.JOINT,
                        List.of(new ApproverRule.ByRole(Role.LEGAL), new ApproverRule.ByRole(Role.FINANCE)), "K1")),
                Map.of()));
        assertThat(approvals.pendingFor(lawyer, "Contract", 10)).extracting(PendingApproval::subjectId).contains("C-500");
        assertThat(approvals.pendingFor(lawyer, "Quote", 10)).isEmpty();
        UUID legalTask = task(view(ref.id()), 0, Role.LEGAL);

        ApprovalView decided = approvals.decide(ref.id(), legalTask, lawyer, Decision.SEND_BACK, "见分项意见",
                List.of(new ApprovalRemark("LIABILITY", "违约金上限改为 20%")));

        assertThat(decided.state()).as("finance has not spoken yet").isEqualTo(State.IN_PROGRESS);
        assertThat(view(ref.id()).steps().get(0).tasks()).filteredOn(t -> t.id().equals(legalTask)).singleElement()
                .satisfies(t -> assertThat(t.remarks()).containsExactly(new ApprovalRemark("LIABILITY", "违约金上限改为 20%")));
        assertThat(approvals.pendingFor(lawyer, "Contract", 10)).extracting(PendingApproval::subjectId).doesNotContain("C-500");
        assertThat(events.stream(ApprovalTaskDecided.class)).anyMatch(e -> e.taskId().equals(legalTask)
                && e.decision() == Decision.SEND_BACK && e.subjectId().equals("C-500"));
        assertThatThrownBy(() -> jdbc.sql("update approval_remark set text = 'forged' where approval_id = :id")
                .param("id", ref.id()).update()).hasMessageContaining("append-only");
    }
}
