package com.lead2cash.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Docs/decisions/0074: a deactivation that leaves a role with no active holder while its pool's approval tasks wait on it
 * says so (the role, how many tasks); a pool deadline the deactivated person owned goes to the role's next
 * longest-serving holder, or — nobody holding it — to whoever is then given the role, who is asked to decide the tasks.
 * A role taken from a person who stays active is given up the same way, the rest of their work kept.
 * Each test uses a role of its own: the class's data is its own (FreshDataPerClass), and nobody else holds it.
 */
@IntegrationTest
class UnheldApprovalPoolTest {

    private static final String WAITING = "approval.task.assigned";
    private static final String SUBJECT = "UnheldPoolProbe";
    private static final LocalDate HIRED = LocalDate.of(2022, 5, 1);

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Approvals approvals;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;

    private UUID submit(User rep, String id, ApproverRule rule) {
        return approvals.submit(new ApprovalRequest(SUBJECT, id, "Quote " + id, rep.id(), FlowDefinition.of(
                new StepDefinition("Review", StepMode.SEQUENTIAL, List.of(rule), "K1")), Map.of())).id();
    }

    private String bearer(String username) {
        return "Bearer " + fixtures.token(mvc, username);
    }

    /** The administrator changes the user through the API (roles and activation as given), in English; the answer. */
    private JsonNode put(User user, List<Role> roles, boolean active) {
        var result = fixtures.saveUser(mvc, user.id(), identity.user(user.id()).orgUnitId(), roles, active, "en");
        assertThat(result).hasStatusOk();
        return fixtures.mapper().readTree(result.getResponse().getContentAsByteArray());
    }

    /** The administrator changes the user's roles through the service, the rest kept; what the change left. */
    private IdentityService.Activation changeRoles(User user, Role... roles) {
        User current = identity.user(user.id());
        return identity.updateUser(user.id(), new IdentityService.UserForm(null, current.displayName(), current.email(),
                null, current.orgUnitId(), java.util.Set.of(roles), current.hireDate()), current.version());
    }

    private UUID onlyTask(UUID approval) {
        return approvals.find(approval).orElseThrow().steps().get(0).tasks().get(0).id();
    }

    /** The person's "waiting for you" notices about this approval, as stored. */
    private List<String> waiting(User user, UUID approval) {
        return jdbc.sql("""
                select settled_at is null from notification_message
                where recipient_id = :user and kind = :kind and link = :link order by created_at, id
                """).param("user", user.id()).param("kind", WAITING).param("link", "/approvals/" + approval)
                .query(Boolean.class).list().stream().map(open -> open ? "to decide" : "settled").toList();
    }

    /** The task's running SLA deadline: its owner and due time. */
    private Map<String, Object> deadline(UUID task) {
        return jdbc.sql("""
                select owner_id, due_at from sop_deadline
                where subject_type = 'ApprovalTask' and subject_id = :task and state in ('OPEN', 'BREACHED')
                """).param("task", task.toString()).query().singleRow();
    }

    /** The approvals in the user's pending list (GET /api/v1/approvals). */
    private List<String> pending(User user) {
        JsonNode page = fixtures.json(mvc.get().uri("/api/v1/approvals?mine=pending")
                .header(HttpHeaders.AUTHORIZATION, bearer(user.username())));
        return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    @Test
    void D0074_deactivatingTheOnlySalesDirectorSaysTheirPoolIsUnheldAndTheDirectorAppointedThenTakesUpItsTasks() {
        User director = fixtures.user("ud.only", fixtures.rootUnit(), LocalDate.of(2019, 3, 1), Role.SALES_DIRECTOR);
        User rep = fixtures.user("ur.only", fixtures.rootUnit(), HIRED, Role.SALES_REP);
        User manager = fixtures.user("um.only", fixtures.rootUnit(), LocalDate.of(2024, 2, 1), Role.SALES_MANAGER);
        UUID pool = submit(rep, "UP-1", new ApproverRule.ByRole(Role.SALES_DIRECTOR));
        UUID named = submit(rep, "UP-2", new ApproverRule.ByUser(director.id()));
        UUID poolTask = onlyTask(pool);
        UUID namedTask = onlyTask(named);
        assertThat(deadline(poolTask)).as("a pool's deadline is its longest-serving holder's")
                .containsEntry("owner_id", director.id());
        Object poolDue = deadline(poolTask).get("due_at");
        Object namedDue = deadline(namedTask).get("due_at");

        JsonNode deactivation = put(director, List.of(Role.SALES_DIRECTOR), false).get("deactivation");

        assertThat(deactivation.get("unheldRoles")).hasSize(1);
        assertThat(deactivation.get("unheldRoles").get(0).get("role").asString()).isEqualTo("SALES_DIRECTOR");
        assertThat(deactivation.get("unheldRoles").get(0).get("kind").asString()).isEqualTo("APPROVAL_TASK");
        assertThat(deactivation.get("unheldRoles").get(0).get("count").asInt())
                .as("the pool's task and the director's own, fallen to the pool (0007)").isEqualTo(2);
        assertThat(deactivation.get("notes").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "Their approval task on \"Quote UP-2\" now waits for any Sales director.",
                "Nobody active holds the role Sales director any more, and 2 approval tasks wait on its holders: give "
                        + "the role to someone, who will be asked to decide them and own the deadlines.");
        assertThat(waiting(director, pool)).as("the deactivated director is asked no more").containsExactly("settled");
        assertThat(deadline(poolTask)).as("nobody to take it: it waits for the role's next holder")
                .containsEntry("owner_id", director.id());

        // the administrator gives the role to an active manager: the tasks are theirs to decide, told, with the deadlines
        assertThat(put(manager, List.of(Role.SALES_MANAGER, Role.SALES_DIRECTOR), true).get("deactivation").isNull())
                .isTrue();
        assertThat(waiting(manager, pool)).containsExactly("to decide");
        assertThat(waiting(manager, named)).containsExactly("to decide");
        assertThat(deadline(poolTask)).containsEntry("owner_id", manager.id()).containsEntry("due_at", poolDue);
        assertThat(deadline(namedTask)).containsEntry("owner_id", manager.id()).containsEntry("due_at", namedDue);
        assertThat(pending(manager)).containsExactlyInAnyOrder(pool.toString(), named.toString());
        assertThat(mvc.post().uri("/api/v1/approvals/{id}/decision", pool)
                .header(HttpHeaders.AUTHORIZATION, bearer(manager.username())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"APPROVE\"}")).hasStatusOk().bodyJson()
                .extractingPath("$.state").isEqualTo("APPROVED");
    }

    @Test
    void D0074_aPoolDeadlineTheDeactivatedHolderOwnedGoesToTheRolesNextLongestServingHolder() {
        User first = fixtures.user("ul.first", fixtures.rootUnit(), LocalDate.of(2019, 1, 7), Role.LEGAL);
        User next = fixtures.user("ul.next", fixtures.rootUnit(), LocalDate.of(2021, 1, 4), Role.LEGAL);
        fixtures.user("ul.newest", fixtures.rootUnit(), LocalDate.of(2024, 1, 2), Role.LEGAL);
        User rep = fixtures.user("ur.legal", fixtures.rootUnit(), HIRED, Role.SALES_REP);
        UUID task = onlyTask(submit(rep, "UP-3", new ApproverRule.ByRole(Role.LEGAL)));
        assertThat(deadline(task)).containsEntry("owner_id", first.id());
        Object due = deadline(task).get("due_at");

        IdentityService.Activation done = identity.setActive(first.id(), false, identity.user(first.id()).version());

        assertThat(deadline(task)).as("the next longest-serving holder's, its due time kept")
                .containsEntry("owner_id", next.id()).containsEntry("due_at", due);
        assertThat(done.deactivation().unheldRoles()).as("the role is held still").isEmpty();
    }

    @Test
    void D0074_theUsersScreenSaysWhichRoleIsLeftUnheldAndReactivatingItsHolderAsksThemAgainOnce() {
        User only = fixtures.user("uo.only", fixtures.rootUnit(), LocalDate.of(2020, 6, 1), Role.OPERATIONS);
        User rep = fixtures.user("ur.ops", fixtures.rootUnit(), HIRED, Role.SALES_REP);
        UUID approval = submit(rep, "UP-4", new ApproverRule.ByRole(Role.OPERATIONS));
        UUID task = onlyTask(approval);
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        var result = mvc.post().uri("/admin/users/{id}/active", only.id()).cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("active", "false").param("version", String.valueOf(identity.user(only.id()).version()))
                .exchange();

        assertThat(result).hasStatus3xxRedirection();
        assertThat(result.getMvcResult().getFlashMap().get("flashNotes")).isEqualTo(List.of(
                "已没有在职用户担任运营，仍有1项审批任务等待该角色处理：请将该角色授予他人，由其审批并承担这些任务的时限。"));
        assertThat(waiting(only, approval)).as("asked no more").containsExactly("settled");
        assertThat(deadline(task)).containsEntry("owner_id", only.id());

        assertThat(mvc.post().uri("/admin/users/{id}/active", only.id()).cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("active", "true")
                .param("version", String.valueOf(identity.user(only.id()).version()))).hasStatus3xxRedirection();
        assertThat(waiting(only, approval)).as("re-activated, asked again, once").containsExactly("settled", "to decide");
        assertThat(deadline(task)).containsEntry("owner_id", only.id());
        assertThat(pending(only)).containsExactly(approval.toString());
    }

    @Test
    void D0074_whoeverIsCreatedWithAnUnheldRoleTakesUpItsTaskAndTheirNoticeAndDeadlineAndTheNextHolderIsNotAskedAgain() {
        User only = fixtures.user("ut.only", fixtures.rootUnit(), LocalDate.of(2020, 6, 1), Role.TECH_SUPPORT);
        User rep = fixtures.user("ur.tech", fixtures.rootUnit(), HIRED, Role.SALES_REP);
        UUID approval = submit(rep, "UP-5", new ApproverRule.ByRole(Role.TECH_SUPPORT));
        UUID task = onlyTask(approval);
        Object due = deadline(task).get("due_at");
        assertThat(identity.setActive(only.id(), false, identity.user(only.id()).version()).deactivation()
                .unheldRoles()).extracting(w -> w.role(), w -> w.count())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Role.TECH_SUPPORT, 1));

        User hired = fixtures.user("ut.hired", fixtures.rootUnit(), LocalDate.of(2026, 11, 2), Role.TECH_SUPPORT);
        assertThat(waiting(hired, approval)).containsExactly("to decide");
        assertThat(deadline(task)).containsEntry("owner_id", hired.id()).containsEntry("due_at", due);
        assertThat(pending(hired)).containsExactly(approval.toString());

        User second = fixtures.user("ut.second", fixtures.rootUnit(), LocalDate.of(2026, 11, 9), Role.TECH_SUPPORT);
        assertThat(waiting(second, approval)).as("the task waits on a holder already, who was asked").isEmpty();
        assertThat(deadline(task)).containsEntry("owner_id", hired.id());
        assertThat(pending(second)).as("in their list as a holder's").containsExactly(approval.toString());
    }

    @Test
    void D0074_aRoleTakenFromOneOfTwoHoldersGivesItsPoolToTheOtherAndTheyKeepTheirOwnTasksAndTheirOtherRolesPools() {
        User first = fixtures.user("tf.first", fixtures.rootUnit(), LocalDate.of(2019, 2, 4), Role.FINANCE,
                Role.MARKETING);
        User other = fixtures.user("tf.other", fixtures.rootUnit(), LocalDate.of(2021, 3, 1), Role.FINANCE);
        User rep = fixtures.user("tr.finance", fixtures.rootUnit(), HIRED, Role.SALES_REP);
        UUID pool = submit(rep, "RT-1", new ApproverRule.ByRole(Role.FINANCE));
        UUID kept = submit(rep, "RT-2", new ApproverRule.ByRole(Role.MARKETING));
        UUID named = submit(rep, "RT-3", new ApproverRule.ByUser(first.id()));
        UUID poolTask = onlyTask(pool);
        assertThat(deadline(poolTask)).containsEntry("owner_id", first.id());
        Object due = deadline(poolTask).get("due_at");

        JsonNode answer = put(first, List.of(Role.MARKETING), true);

        assertThat(answer.get("deactivation").isNull()).isTrue();
        assertThat(answer.get("rolesTaken").get("roles").valueStream().map(JsonNode::asString).toList())
                .containsExactly("FINANCE");
        assertThat(answer.get("rolesTaken").get("unheldRoles")).as("another holds the role").isEmpty();
        assertThat(answer.get("rolesTaken").get("notes")).isEmpty();
        assertThat(waiting(first, pool)).as("asked no more of the pool they left").containsExactly("settled");
        assertThat(waiting(other, pool)).as("the other holder's notice stays").containsExactly("to decide");
        assertThat(deadline(poolTask)).as("the role's next longest-serving holder's, its due time kept")
                .containsEntry("owner_id", other.id()).containsEntry("due_at", due);
        assertThat(waiting(first, kept)).as("the pool of the role they keep").containsExactly("to decide");
        assertThat(deadline(onlyTask(kept))).containsEntry("owner_id", first.id());
        assertThat(waiting(first, named)).as("their own task").containsExactly("to decide");
        assertThat(deadline(onlyTask(named))).containsEntry("owner_id", first.id());
        assertThat(pending(first)).containsExactlyInAnyOrder(kept.toString(), named.toString());
        assertThat(pending(other)).containsExactly(pool.toString());
    }

    @Test
    void D0074_aRoleTakenFromItsOnlyHolderIsSaidUnheldAndWhoeverIsThenGivenItTakesUpItsPool() {
        User only = fixtures.user("ta.only", fixtures.rootUnit(), LocalDate.of(2020, 4, 6), Role.AFTER_SALES,
                Role.SALES_MANAGER);
        User next = fixtures.user("ta.next", fixtures.rootUnit(), LocalDate.of(2025, 5, 5), Role.SALES_MANAGER);
        User rep = fixtures.user("tr.after", fixtures.rootUnit(), HIRED, Role.SALES_REP);
        UUID pool = submit(rep, "RT-4", new ApproverRule.ByRole(Role.AFTER_SALES));
        UUID task = onlyTask(pool);
        Object due = deadline(task).get("due_at");

        JsonNode taken = put(only, List.of(Role.SALES_MANAGER), true).get("rolesTaken");

        assertThat(taken.get("unheldRoles")).hasSize(1);
        assertThat(taken.get("unheldRoles").get(0).get("role").asString()).isEqualTo("AFTER_SALES");
        assertThat(taken.get("unheldRoles").get(0).get("kind").asString()).isEqualTo("APPROVAL_TASK");
        assertThat(taken.get("unheldRoles").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(taken.get("notes").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "Nobody active holds the role After-sales any more, and 1 approval task waits on its holders: give "
                        + "the role to someone, who will be asked to decide it and own the deadlines.");
        assertThat(waiting(only, pool)).as("asked no more").containsExactly("settled");
        assertThat(deadline(task)).as("nobody to take it: it waits for the role's next holder")
                .containsEntry("owner_id", only.id());
        assertThat(pending(only)).isEmpty();

        assertThat(put(next, List.of(Role.SALES_MANAGER, Role.AFTER_SALES), true).get("rolesTaken").isNull())
                .as("nothing taken").isTrue();
        assertThat(waiting(next, pool)).containsExactly("to decide");
        assertThat(deadline(task)).containsEntry("owner_id", next.id()).containsEntry("due_at", due);
        assertThat(pending(next)).containsExactly(pool.toString());
    }

    @Test
    void D0074_theServiceGivesUpTheRoleTakenAsTheDeactivationDoesAndSaysWhatItLeftUnheld() {
        User first = fixtures.user("ts.first", fixtures.rootUnit(), LocalDate.of(2018, 9, 3), Role.SALES_ASSISTANT,
                Role.SALES_REP);
        User second = fixtures.user("ts.second", fixtures.rootUnit(), LocalDate.of(2022, 9, 5), Role.SALES_ASSISTANT,
                Role.SALES_REP);
        User rep = fixtures.user("tr.assist", fixtures.rootUnit(), HIRED, Role.SALES_REP);
        UUID pool = submit(rep, "RT-5", new ApproverRule.ByRole(Role.SALES_ASSISTANT));
        UUID task = onlyTask(pool);
        Object due = deadline(task).get("due_at");

        IdentityService.Activation fromFirst = changeRoles(first, Role.SALES_REP);

        assertThat(fromFirst.rolesTaken().roles()).containsExactly(Role.SALES_ASSISTANT);
        assertThat(fromFirst.rolesTaken().unheldRoles()).as("the second holds it").isEmpty();
        assertThat(waiting(first, pool)).containsExactly("settled");
        assertThat(deadline(task)).containsEntry("owner_id", second.id()).containsEntry("due_at", due);

        IdentityService.Activation fromSecond = changeRoles(second, Role.SALES_REP);

        assertThat(fromSecond.deactivation()).isNull();
        assertThat(fromSecond.rolesTaken().unheldRoles()).extracting(w -> w.role(), w -> w.count())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Role.SALES_ASSISTANT, 1));
        assertThat(waiting(second, pool)).containsExactly("settled");
        assertThat(deadline(task)).containsEntry("owner_id", second.id());

        User hired = fixtures.user("ts.hired", fixtures.rootUnit(), LocalDate.of(2026, 11, 16), Role.SALES_ASSISTANT);
        assertThat(waiting(hired, pool)).containsExactly("to decide");
        assertThat(deadline(task)).containsEntry("owner_id", hired.id()).containsEntry("due_at", due);
        assertThat(changeRoles(first, Role.SALES_REP, Role.SALES_ASSISTANT).rolesTaken()).as("nothing taken").isNull();
        assertThat(waiting(first, pool)).as("the role given back: the task waits on a holder already, who was asked")
                .containsExactly("settled");
        assertThat(deadline(task)).as("the role's longest-serving holder owned it only at opening")
                .containsEntry("owner_id", hired.id());
    }

    @Test
    void D0074_theUsersScreenSaysWhichRoleTakenIsLeftUnheld() {
        User only = fixtures.user("tm.only", fixtures.rootUnit(), LocalDate.of(2020, 8, 3), Role.ACCOUNT_MANAGER,
                Role.SALES_REP);
        User rep = fixtures.user("tr.account", fixtures.rootUnit(), HIRED, Role.SALES_REP);
        UUID approval = submit(rep, "RT-6", new ApproverRule.ByRole(Role.ACCOUNT_MANAGER));
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        var result = mvc.post().uri("/admin/users/{id}", only.id()).cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("displayName", only.displayName()).param("email", only.email())
                .param("orgUnitId", only.orgUnitId().toString()).param("roles", "SALES_REP")
                .param("hireDate", only.hireDate().toString())
                .param("version", String.valueOf(identity.user(only.id()).version())).exchange();

        assertThat(result).hasStatus3xxRedirection();
        assertThat(identity.user(only.id()).roleSet()).containsExactly(Role.SALES_REP);
        assertThat(result.getMvcResult().getFlashMap().get("flashNotes")).isEqualTo(List.of(
                "已没有在职用户担任客户经理，仍有1项审批任务等待该角色处理：请将该角色授予他人，由其审批并承担这些任务的时限。"));
        assertThat(waiting(only, approval)).as("asked no more").containsExactly("settled");
    }
}
