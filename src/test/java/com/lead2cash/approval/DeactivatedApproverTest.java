package com.lead2cash.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.approval.ApprovalView.TaskState;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Docs/decisions/0073: a deactivated approver's open tasks go where the step would send them now — their delegate, the
 * next manager up, the sales directors — with the notices, the history and the SLA deadline following, so the approval
 * no longer waits for someone who cannot sign in; the administrator's answer says where they went.
 */
@IntegrationTest
class DeactivatedApproverTest {

    private static final String WAITING = "approval.task.assigned";
    private static final String SUBJECT = "DeactivationProbe";

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Approvals approvals;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Value("${l2c.zone}") ZoneId zone;

    /** A sales department headed by its director, a team in it headed by its manager, a rep and a second manager. */
    record People(UUID team, User director, User manager, User rep, User deputy) {
    }

    private People people(String tag) {
        LocalDate hired = LocalDate.of(2022, 5, 1);
        UUID sales = fixtures.unit("Sales " + tag);
        UUID team = fixtures.unit("North team " + tag, sales);
        User director = fixtures.user("dd." + tag, sales, hired, Role.SALES_DIRECTOR);
        fixtures.appointManager(sales, director.id());
        User manager = fixtures.user("dm." + tag, team, hired, Role.SALES_MANAGER);
        fixtures.appointManager(team, manager.id());
        return new People(team, director, manager, fixtures.user("dr." + tag, team, hired, Role.SALES_REP),
                fixtures.user("dp." + tag, team, hired, Role.SALES_MANAGER));
    }

    private UUID submit(User rep, String id, ApproverRule rule, String sla) {
        return approvals.submit(new ApprovalRequest(SUBJECT, id, "Quote " + id, rep.id(), FlowDefinition.of(
                new StepDefinition("Manager", StepMode.SEQUENTIAL, List.of(rule), sla)), Map.of())).id();
    }

    private String bearer(String username) {
        return "Bearer " + fixtures.token(mvc, username);
    }

    /** The administrator deactivates the user through the API, in the language given; the answer. */
    private JsonNode deactivate(User user, String language) {
        User current = identity.user(user.id());
        var result = fixtures.saveUser(mvc, user.id(), current.orgUnitId(), current.roleSet(), false, language);
        assertThat(result).hasStatusOk();
        return fixtures.mapper().readTree(result.getResponse().getContentAsByteArray());
    }

    private ApprovalView.TaskView onlyTask(UUID approval) {
        return approvals.find(approval).orElseThrow().steps().get(0).tasks().get(0);
    }

    /**
     * The person's "waiting for you" notices about this approval, as stored (a deactivated person signs in no more to
     * read them through the API).
     */
    private List<String> waiting(User user, UUID approval) {
        return jdbc.sql("""
                select settled_at is null from notification_message
                where recipient_id = :user and kind = :kind and link = :link order by created_at, id
                """).param("user", user.id()).param("kind", WAITING).param("link", "/approvals/" + approval)
                .query(Boolean.class).list().stream().map(open -> open ? "to decide" : "settled").toList();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult decide(String username, UUID approval) {
        return mvc.post().uri("/api/v1/approvals/{id}/decision", approval)
                .header(HttpHeaders.AUTHORIZATION, bearer(username)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"APPROVE\"}").exchange();
    }

    /** The task's running SLA deadline: its owner and due time. */
    private Map<String, Object> deadline(UUID task) {
        return jdbc.sql("""
                select owner_id, due_at from sop_deadline
                where subject_type = 'ApprovalTask' and subject_id = :task and state in ('OPEN', 'BREACHED')
                """).param("task", task.toString()).query().singleRow();
    }

    @Test
    void D0073_theManagersPendingTaskGoesToTheNextManagerUpWithItsNoticeAndDeadlineAndTheDirectorDecidesIt() {
        People p = people("up");
        UUID approval = submit(p.rep(), "DA-1", new ApproverRule.SubmittersManager(1), "K1");
        UUID task = onlyTask(approval).id();
        assertThat(onlyTask(approval).assigneeId()).isEqualTo(p.manager().id());
        Object due = deadline(task).get("due_at");

        JsonNode answer = deactivate(p.manager(), "en");

        ApprovalView.TaskView moved = onlyTask(approval);
        assertThat(moved.id()).as("the same task, in its place").isEqualTo(task);
        assertThat(moved.state()).isEqualTo(TaskState.PENDING);
        assertThat(moved.assigneeId()).as("the step's rule resolved today: the next manager up")
                .isEqualTo(p.director().id());
        assertThat(approvals.find(approval).orElseThrow().history()).anyMatch(h -> h.event().equals("REASSIGNED")
                && task.equals(h.taskId()) && h.detail().equals("USER:" + p.manager().id() + ">USER:" + p.director().id()));
        assertThat(waiting(p.manager(), approval)).as("the deactivated manager is asked no more").containsExactly("settled");
        assertThat(waiting(p.director(), approval)).containsExactly("to decide");
        assertThat(deadline(task)).as("the SLA deadline is the director's, its due time kept")
                .containsEntry("owner_id", p.director().id()).containsEntry("due_at", due);

        JsonNode deactivation = answer.get("deactivation");
        assertThat(deactivation.get("handedOn")).hasSize(1);
        assertThat(deactivation.get("handedOn").get(0).get("recordId").asString()).isEqualTo(approval.toString());
        assertThat(deactivation.get("handedOn").get(0).get("toUserId").asString()).isEqualTo(p.director().id().toString());
        assertThat(deactivation.get("stillHeads").get(0).get("id").asString()).isEqualTo(p.team().toString());
        assertThat(deactivation.get("notes").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "Their approval task on \"Quote DA-1\" now waits for " + p.director().displayName() + ".",
                "They still head North team up: appoint a new head on the organisation screen.");

        // the director and the administrator read it; the director has the form and decides
        var cookie = fixtures.session(mvc, p.director().username(), Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/approvals/{id}?lang=en", approval).cookie(cookie)).hasStatusOk()
                .bodyText().contains("id=\"decision-form\"").contains("Reassigned: the approver was deactivated")
                .contains(p.manager().displayName() + " → " + p.director().displayName());
        assertThat(mvc.get().uri("/api/v1/approvals/{id}", approval).header(HttpHeaders.AUTHORIZATION, bearer("admin")))
                .hasStatusOk();
        assertThat(decide(p.director().username(), approval)).hasStatusOk().bodyJson()
                .extractingPath("$.state").isEqualTo("APPROVED");
    }

    @Test
    void D0073_aDelegateStandingInForTheDeactivatedManagerTakesTheTaskAsTheirOwn() {
        People p = people("dg");
        UUID approval = submit(p.rep(), "DA-2", new ApproverRule.SubmittersManager(1), null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        assertThat(mvc.post().uri("/api/v1/approvals/delegations").header(HttpHeaders.AUTHORIZATION,
                        bearer(p.manager().username())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"delegateId\":\"" + p.deputy().id() + "\",\"startsOn\":\"" + today + "\",\"endsOn\":\""
                        + today.plusDays(5) + "\"}")).hasStatus(HttpStatus.CREATED);

        identity.setActive(p.manager().id(), false, identity.user(p.manager().id()).version());

        assertThat(onlyTask(approval).assigneeId()).isEqualTo(p.deputy().id());
        assertThat(waiting(p.deputy(), approval)).containsExactly("to decide");
        assertThat(decide(p.deputy().username(), approval)).hasStatusOk().bodyJson()
                .extractingPath("$.steps[0].tasks[0].onBehalfOf").isNull();
    }

    @Test
    void D0074_aRoleGivenAndADeactivationInOnePutLeaveNoPoolDeadlineWithTheDeactivatedPerson() {
        User former = fixtures.user("df.former", fixtures.rootUnit(), LocalDate.of(2018, 1, 2), Role.FINANCE);
        User holder = fixtures.user("df.holder", fixtures.rootUnit(), LocalDate.of(2021, 3, 1), Role.FINANCE);
        User given = fixtures.user("df.given", fixtures.rootUnit(), LocalDate.of(2019, 6, 3), Role.SALES_ASSISTANT);
        User rep = fixtures.user("dr.finance", fixtures.rootUnit(), LocalDate.of(2022, 5, 1), Role.SALES_REP);
        UUID task = onlyTask(submit(rep, "DA-9", new ApproverRule.ByRole(Role.FINANCE), "K1")).id();
        assertThat(deadline(task)).as("the longest-serving holder's").containsEntry("owner_id", former.id());
        Object due = deadline(task).get("due_at");
        // the role taken behind the users screen's back: the deadline waits with someone who holds it no more
        jdbc.sql("update platform_user_role set role = 'SALES_REP' where platform_user = :id")
                .param("id", former.id()).update();

        // one PUT gives them the role (they would be its longest-serving holder) and deactivates them
        var result = fixtures.saveUser(mvc, given.id(), identity.user(given.id()).orgUnitId(),
                List.of(Role.SALES_ASSISTANT, Role.FINANCE), false, "en");
        assertThat(result).hasStatusOk();

        assertThat(identity.user(given.id()).active()).isFalse();
        assertThat(deadline(task)).as("the deactivation reads the role's holders again: the holder active now owns it")
                .containsEntry("owner_id", holder.id()).containsEntry("due_at", due);
    }

    @Test
    void D0073_aNamedApproverWithNobodyToStandInFallsToTheSalesDirectorsAndTheAnswerSaysSoInChinese() {
        People p = people("pool");
        User lawyer = fixtures.user("dl.pool", fixtures.rootUnit(), LocalDate.of(2021, 1, 4), Role.LEGAL);
        UUID approval = submit(p.rep(), "DA-3", new ApproverRule.ByUser(lawyer.id()), null);
        UUID untouched = submit(p.rep(), "DA-4", new ApproverRule.SubmittersManager(1), null);

        JsonNode answer = deactivate(lawyer, "zh-CN");

        ApprovalView.TaskView moved = onlyTask(approval);
        assertThat(moved.assigneeId()).isNull();
        assertThat(moved.assigneeRole()).isEqualTo(Role.SALES_DIRECTOR);
        assertThat(moved.fallbackReason()).isEqualTo("approval.fallback.userInactive");
        assertThat(onlyTask(untouched).assigneeId()).as("another approver's task stays theirs")
                .isEqualTo(p.manager().id());
        assertThat(answer.get("deactivation").get("notes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("其待办审批\"Quote DA-3\"已转交任一销售总监处理。");
        assertThat(answer.get("deactivation").get("stillHeads")).isEmpty();
        assertThat(decide(p.director().username(), approval)).hasStatusOk();
    }

    @Test
    void D0073_deactivatingSomeoneWhoHoldsNothingSaysNothingMoreAndReactivatingAnswersNoDeactivation() {
        People p = people("none");
        JsonNode answer = deactivate(p.rep(), "en");
        assertThat(answer.get("deactivation").get("notes")).isEmpty();
        assertThat(mvc.get().uri("/api/v1/users/{id}", p.rep().id()).header(HttpHeaders.AUTHORIZATION, bearer("admin")))
                .hasStatusOk().bodyJson().extractingPath("$.deactivation").isNull();
    }

    /** The delegator grants a delegation to the delegate from today for five days; its id. */
    private String delegation(User delegator, User delegate) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        var granted = mvc.post().uri("/api/v1/approvals/delegations").header(HttpHeaders.AUTHORIZATION,
                        bearer(delegator.username())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"delegateId\":\"" + delegate.id() + "\",\"startsOn\":\"" + today + "\",\"endsOn\":\""
                        + today.plusDays(5) + "\"}").exchange();
        assertThat(granted).hasStatus(HttpStatus.CREATED);
        return fixtures.mapper().readTree(granted.getResponse().getContentAsByteArray()).get("id").asString();
    }

    /** The delegation as the person (active) lists it. */
    private JsonNode listed(User reader, String delegationId) {
        var list = mvc.get().uri("/api/v1/approvals/delegations").header(HttpHeaders.AUTHORIZATION,
                bearer(reader.username())).exchange();
        assertThat(list).hasStatusOk();
        return fixtures.mapper().readTree(list.getResponse().getContentAsByteArray()).get("items").valueStream()
                .filter(d -> d.get("id").asString().equals(delegationId)).findFirst().orElseThrow();
    }

    @Test
    void D0085_aDelegationToADeactivatedPersonEndsTheAnswerSaysSoAndTheDelegatorIsTold() {
        People p = people("dto");
        String id = delegation(p.manager(), p.deputy());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        assertThat(listed(p.manager(), id).get("currentlyInForce").asBoolean()).isTrue();

        JsonNode deactivation = deactivate(p.deputy(), "en").get("deactivation");

        JsonNode ended = listed(p.manager(), id);
        assertThat(ended.get("active").asBoolean()).isFalse();
        assertThat(ended.get("currentlyInForce").asBoolean()).isFalse();
        assertThat(deactivation.get("handedOn")).hasSize(1);
        assertThat(deactivation.get("handedOn").get(0).get("kind").asString()).isEqualTo("DELEGATION_TO_THEM_ENDED");
        assertThat(deactivation.get("handedOn").get(0).get("recordId").asString()).isEqualTo(id);
        assertThat(deactivation.get("handedOn").get(0).get("toUserId").asString()).isEqualTo(p.manager().id().toString());
        assertThat(deactivation.get("notes").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "The delegation " + p.manager().displayName() + " gave them (" + today + " – " + today.plusDays(5)
                        + ") has ended: " + p.manager().displayName() + " decides their own approvals again, and is "
                        + "told so.");
        assertThat(jdbc.sql("""
                select count(*) from notification_message
                where recipient_id = :user and kind = 'approval.delegationEnded' and link = '/approvals/delegations'
                """).param("user", p.manager().id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void D0085_aDelegationByADeactivatedPersonEndsAfterTheirTaskWentToTheDelegateAndTheAnswerSaysSoInChinese() {
        People p = people("dby");
        UUID approval = submit(p.rep(), "DA-5", new ApproverRule.SubmittersManager(1), null);
        String id = delegation(p.manager(), p.deputy());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);

        JsonNode deactivation = deactivate(p.manager(), "zh-CN").get("deactivation");

        assertThat(onlyTask(approval).assigneeId()).as("the stand-in took the task first").isEqualTo(p.deputy().id());
        assertThat(listed(p.deputy(), id).get("active").asBoolean()).isFalse();
        assertThat(deactivation.get("handedOn").valueStream().map(h -> h.get("kind").asString()).toList())
                .containsExactly("APPROVAL_TASK", "DELEGATION_BY_THEM_ENDED");
        assertThat(deactivation.get("notes").valueStream().map(JsonNode::asString).toList())
                .contains("该用户委托" + p.deputy().displayName() + "的审批代理（" + today + " – " + today.plusDays(5)
                        + "）已结束。");
        assertThat(jdbc.sql("""
                select count(*) from notification_message where kind = 'approval.delegationEnded' and recipient_id = :user
                """).param("user", p.deputy().id()).query(Integer.class).single())
                .as("nobody is told of the delegation the deactivated person gave").isZero();
    }
}
