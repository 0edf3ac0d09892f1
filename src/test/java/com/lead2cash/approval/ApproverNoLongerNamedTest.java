package com.lead2cash.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.approval.ApprovalView.State;
import com.lead2cash.approval.ApprovalView.TaskState;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Docs/decisions/0092: an open approval task naming a person is theirs only while its step still names them — the
 * manager of the submitter's team holding an approving role, a department's head —; an administrator changing their
 * roles or unit hands on the tasks they no longer fit, as a deactivation does (0073), and says where they went; a task
 * left with someone who no longer fits it (changed before this rule) is neither read nor decided by them.
 */
@IntegrationTest
class ApproverNoLongerNamedTest {

    private static final String WAITING = "approval.task.assigned";
    private static final String SUBJECT = "NoLongerNamedProbe";

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Approvals approvals;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;

    /** A sales department headed by its director; two teams in it, north headed by its manager, with a rep. */
    record People(UUID north, UUID south, User director, User manager, User rep) {
    }

    private People people(String tag) {
        LocalDate hired = LocalDate.of(2022, 5, 1);
        UUID sales = fixtures.unit("Sales " + tag);
        UUID north = fixtures.unit("North team " + tag, sales);
        UUID south = fixtures.unit("South team " + tag, sales);
        User director = fixtures.user("nd." + tag, sales, hired, Role.SALES_DIRECTOR);
        fixtures.appointManager(sales, director.id());
        User manager = fixtures.user("nm." + tag, north, hired, Role.SALES_MANAGER);
        fixtures.appointManager(north, manager.id());
        return new People(north, south, director, manager, fixtures.user("nr." + tag, north, hired, Role.SALES_REP));
    }

    /** A rep's quote-like approval for their manager (K2), with its SLA deadline. */
    private UUID submit(User rep, String id) {
        return approvals.submit(new ApprovalRequest(SUBJECT, id, "Quote " + id, rep.id(), FlowDefinition.of(
                new StepDefinition("Manager", StepMode.SEQUENTIAL, List.of(new ApproverRule.SubmittersManager(1)),
                        "K1")), Map.of("customer", "Customer of " + id))).id();
    }

    private String bearer(String username) {
        return "Bearer " + fixtures.token(mvc, username);
    }

    private ApprovalView.TaskView onlyTask(UUID approval) {
        return approvals.find(approval).orElseThrow().steps().get(0).tasks().get(0);
    }

    /** The administrator changes the user's roles and unit through the API; the answer. */
    private JsonNode change(User user, UUID unit, Role... roles) {
        var result = fixtures.saveUser(mvc, user.id(), unit, List.of(roles), true, "en");
        assertThat(result).hasStatusOk();
        return fixtures.mapper().readTree(result.getResponse().getContentAsByteArray());
    }

    private static boolean nothingHandedOn(JsonNode answer) {
        return answer.path("workHandedOn").isNull() || answer.path("workHandedOn").isMissingNode();
    }

    private List<String> waiting(User user, UUID approval) {
        return jdbc.sql("""
                select settled_at is null from notification_message
                where recipient_id = :user and kind = :kind and link = :link order by created_at, id
                """).param("user", user.id()).param("kind", WAITING).param("link", "/approvals/" + approval)
                .query(Boolean.class).list().stream().map(open -> open ? "to decide" : "settled").toList();
    }

    private UUID deadlineOwner(UUID task) {
        return jdbc.sql("""
                select owner_id from sop_deadline
                where subject_type = 'ApprovalTask' and subject_id = :task and state in ('OPEN', 'BREACHED')
                """).param("task", task.toString()).query(UUID.class).single();
    }

    private MvcTestResult decide(String username, UUID approval) {
        return mvc.post().uri("/api/v1/approvals/{id}/decision", approval)
                .header(HttpHeaders.AUTHORIZATION, bearer(username)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"APPROVE\"}").exchange();
    }

    /** Neither the API nor the screen lets the person read or decide the approval: 404, as anyone else's. */
    private void refusedTo(User user, UUID approval) {
        assertThat(mvc.get().uri("/api/v1/approvals/{id}", approval).header(HttpHeaders.AUTHORIZATION,
                bearer(user.username()))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(decide(user.username(), approval)).hasStatus(HttpStatus.NOT_FOUND);
        Cookie session = fixtures.session(mvc, user.username(), Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/approvals/{id}", approval).cookie(session)).hasStatus(HttpStatus.NOT_FOUND);
        UUID task = onlyTask(approval).id();
        assertThat(mvc.post().uri("/approvals/{id}/decision", approval).cookie(session).with(csrf())
                .param("decision", "APPROVE").param("comment", "").param("taskId", task.toString())
                .param("version", String.valueOf(approvals.find(approval).orElseThrow().version())))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(approvals.find(approval).orElseThrow().state()).isEqualTo(State.IN_PROGRESS);
    }

    @Test
    void D0092_aManagerMadeARepHandsTheirTaskToTheNextManagerUpAndNeitherReadsNorDecidesIt() {
        People p = people("rep");
        UUID approval = submit(p.rep(), "NL-1");
        UUID task = onlyTask(approval).id();
        assertThat(onlyTask(approval).assigneeId()).isEqualTo(p.manager().id());

        JsonNode answer = change(p.manager(), p.north(), Role.SALES_REP);

        ApprovalView.TaskView moved = onlyTask(approval);
        assertThat(moved.id()).isEqualTo(task);
        assertThat(moved.state()).isEqualTo(TaskState.PENDING);
        assertThat(moved.assigneeId()).as("a rep heads the north team no more (0093): the next manager up")
                .isEqualTo(p.director().id());
        assertThat(approvals.find(approval).orElseThrow().history()).anyMatch(h -> h.event().equals("REASSIGNED_NOT_NAMED")
                && task.equals(h.taskId()) && h.detail().equals("USER:" + p.manager().id() + ">USER:" + p.director().id()));
        assertThat(waiting(p.manager(), approval)).as("the former manager is asked no more").containsExactly("settled");
        assertThat(waiting(p.director(), approval)).containsExactly("to decide");
        assertThat(deadlineOwner(task)).isEqualTo(p.director().id());

        JsonNode handedOn = answer.get("workHandedOn");
        assertThat(handedOn.get("handedOn")).hasSize(1);
        assertThat(handedOn.get("handedOn").get(0).get("recordId").asString()).isEqualTo(approval.toString());
        assertThat(handedOn.get("notes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Their approval task on \"Quote NL-1\" now waits for " + p.director().displayName() + ".");
        assertThat(answer.get("headshipsGivenUp").get("units").valueStream().map(JsonNode::asString).toList())
                .containsExactly("North team rep");
        assertThat(answer.path("deactivation").isNull() || answer.path("deactivation").isMissingNode()).isTrue();

        refusedTo(p.manager(), approval);
        assertThat(decide(p.director().username(), approval)).hasStatusOk().bodyJson()
                .extractingPath("$.state").isEqualTo("APPROVED");
    }

    @Test
    void D0092_aManagerMovedToAnotherTeamOnTheUsersScreenHandsTheirTaskToTheNextManagerUpAndTheScreenSaysSo() {
        People p = people("moved");
        UUID approval = submit(p.rep(), "NL-2");
        UUID task = onlyTask(approval).id();
        Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        var saved = mvc.post().uri("/admin/users/" + p.manager().id() + "?lang=en").cookie(admin).with(csrf())
                .param("displayName", p.manager().displayName()).param("orgUnitId", p.south().toString())
                .param("roles", "SALES_MANAGER").param("hireDate", "2022-05-01")
                .param("version", String.valueOf(identity.user(p.manager().id()).version())).exchange();
        assertThat(saved).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/users");
        assertThat(saved.getMvcResult().getFlashMap().get("flashNotes")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly(
                "Their approval task on \"Quote NL-2\" now waits for " + p.director().displayName() + ".",
                // moved out of the team they headed, they head it no more (0093)
                "Moved out, they no longer head these units: North team moved. Until you appoint a new head on the"
                        + " organisation screen, the manager above takes their work.");

        assertThat(onlyTask(approval).id()).isEqualTo(task);
        assertThat(onlyTask(approval).assigneeId()).as("the north team names them no more (0093): the next manager up")
                .isEqualTo(p.director().id());
        assertThat(waiting(p.manager(), approval)).containsExactly("settled");
        assertThat(waiting(p.director(), approval)).containsExactly("to decide");
        assertThat(deadlineOwner(task)).isEqualTo(p.director().id());

        refusedTo(p.manager(), approval);
        Cookie director = fixtures.session(mvc, p.director().username(), Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/approvals/{id}?lang=en", approval).cookie(director)).hasStatusOk().bodyText()
                .contains("id=\"decision-form\"")
                .contains("Reassigned: the approver no longer holds the role or place the step named them for")
                .contains(p.manager().displayName() + " → " + p.director().displayName());
        assertThat(decide(p.director().username(), approval)).hasStatusOk().bodyJson()
                .extractingPath("$.state").isEqualTo("APPROVED");
    }

    @Test
    void D0092_aTaskLeftWithAManagerWhoNoLongerFitsItIsNotTheirsOnTheApiNorOnTheScreen() {
        People p = people("left");
        UUID rolesTaken = submit(p.rep(), "NL-3");
        People q = people("away");
        UUID movedAway = submit(q.rep(), "NL-4");
        Cookie before = fixtures.session(mvc, p.manager().username(), Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/approvals/{id}", rolesTaken).cookie(before)).hasStatusOk().bodyText()
                .contains("id=\"decision-form\"");

        // changed behind the users screen's back (as before this rule): the tasks stay where they were
        jdbc.sql("update platform_user_role set role = 'SALES_REP' where platform_user = :id")
                .param("id", p.manager().id()).update();
        jdbc.sql("update platform_user set org_unit_id = :unit where id = :id")
                .param("unit", q.south()).param("id", q.manager().id()).update();
        assertThat(onlyTask(rolesTaken).assigneeId()).isEqualTo(p.manager().id());
        assertThat(onlyTask(movedAway).assigneeId()).isEqualTo(q.manager().id());

        refusedTo(p.manager(), rolesTaken);
        refusedTo(q.manager(), movedAway);
        assertThat(onlyTask(rolesTaken).state()).isEqualTo(TaskState.PENDING);
        assertThat(onlyTask(movedAway).state()).isEqualTo(TaskState.PENDING);
    }

    /** The approvals in the person's pending list on the API, a page of {@code size} from {@code cursor}. */
    private JsonNode pendingPage(User user, Integer size, String cursor) {
        return fixtures.json(mvc.get().uri("/api/v1/approvals?mine=pending" + (size == null ? "" : "&size=" + size)
                + (cursor == null ? "" : "&cursor=" + cursor)).header(HttpHeaders.AUTHORIZATION, bearer(user.username())));
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    @Test
    void D0092_aTaskLeftWithAManagerWhoNoLongerFitsItIsInNoListOfTheirsAndThePagesFillFromTheTasksStillTheirs() {
        People p = people("lists");
        UUID first = submit(p.rep(), "NL-8");
        UUID second = submit(p.rep(), "NL-9");
        UUID third = submit(p.rep(), "NL-10");
        // a step naming the manager by name: theirs wherever they work
        UUID named = approvals.submit(new ApprovalRequest(SUBJECT, "NL-11", "Quote NL-11", p.rep().id(),
                FlowDefinition.of(new StepDefinition("Named", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.ByUser(p.manager().id())), null)), Map.of())).id();
        assertThat(ids(pendingPage(p.manager(), null, null))).containsExactlyInAnyOrder(first.toString(),
                second.toString(), third.toString(), named.toString());

        // moved to another team behind the users screen's back: the team's tasks stay with them, the oldest first
        jdbc.sql("update platform_user set org_unit_id = :unit where id = :id")
                .param("unit", p.south()).param("id", p.manager().id()).update();
        jdbc.sql("update approval_task set opened_at = opened_at - interval '1 hour' where approval in (:ids)")
                .param("ids", List.of(first, second, third)).update();
        assertThat(onlyTask(first).assigneeId()).isEqualTo(p.manager().id());
        refusedTo(p.manager(), first);

        JsonNode page = pendingPage(p.manager(), 1, null);
        assertThat(ids(page)).as("the page of one is filled past the three tasks they cannot open")
                .containsExactly(named.toString());
        assertThat(page.get("nextCursor").isNull()).isTrue();
        assertThat(ids(pendingPage(p.manager(), null, null))).containsExactly(named.toString());
        assertThat(approvals.pendingFor(p.manager().id(), SUBJECT, 2)).extracting(PendingApproval::approvalId)
                .containsExactly(named);

        Cookie session = fixtures.session(mvc, p.manager().username(), Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/approvals?lang=en").cookie(session)).hasStatusOk().bodyText().contains("/approvals/" + named).doesNotContain("/approvals/" + first)
                .doesNotContain("/approvals/" + second).doesNotContain("/approvals/" + third);
        assertThat(mvc.get().uri("/approvals/panel?lang=en").cookie(session)).hasStatusOk().bodyText().contains("/approvals/" + named).doesNotContain("/approvals/" + first)
                .doesNotContain("/approvals/" + second).doesNotContain("/approvals/" + third);

        assertThat(decide(p.manager().username(), named)).hasStatusOk();
        assertThat(pendingPage(p.manager(), null, null).get("items")).as("nothing left they may open").isEmpty();
        assertThat(mvc.get().uri("/approvals/panel?lang=en").cookie(session)).hasStatusOk().bodyText()
                .contains("Nothing waits for your decision.");
    }

    /** A task for the manager by name (theirs wherever they work), opened {@code hoursAgo} hours before the others. */
    private UUID namedTo(People p, String id, int hoursAgo) {
        UUID approval = approvals.submit(new ApprovalRequest(SUBJECT, id, "Quote " + id, p.rep().id(),
                FlowDefinition.of(new StepDefinition("Named", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.ByUser(p.manager().id())), null)), Map.of())).id();
        jdbc.sql("update approval_task set opened_at = opened_at - interval '1 hour' * :hours where approval = :id")
                .param("hours", hoursAgo).param("id", approval).update();
        return approval;
    }

    /** Twenty-one of the manager's team's tasks, opened an hour before the others, left with them as they move away. */
    private List<UUID> leftWithTheManager(People p, String tag) {
        List<UUID> left = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            left.add(submit(p.rep(), tag + i));
        }
        jdbc.sql("update platform_user set org_unit_id = :unit where id = :id")
                .param("unit", p.south()).param("id", p.manager().id()).update();
        jdbc.sql("update approval_task set opened_at = opened_at - interval '1 hour' where approval in (:ids)")
                .param("ids", left).update();
        return left;
    }

    @Test
    void D0092_aListOfMoreTasksTheyNoLongerFitThanItReadsForAPageAnswersAShorterPageThatGoesOnAfterThem() {
        People p = people("many");
        UUID oldest = namedTo(p, "NL-M-oldest", 2);
        leftWithTheManager(p, "NL-M");
        UUID named = namedTo(p, "NL-M-named", 0);

        // a page of two reads three tasks, then two at a time, ten times at most: the oldest and twenty of those left
        JsonNode first = pendingPage(p.manager(), 2, null);
        assertThat(ids(first)).as("a shorter page: the one task read that is theirs").containsExactly(oldest.toString());
        assertThat(first.get("nextCursor").isNull()).as("the list goes on after the last task read").isFalse();
        JsonNode next = pendingPage(p.manager(), 2, first.get("nextCursor").asString());
        assertThat(ids(next)).containsExactly(named.toString());
        assertThat(next.get("nextCursor").isNull()).isTrue();
    }

    /** A page of one read twenty such tasks and answered none with a cursor that went on, as if nothing waited. */
    @Test
    void D0092_aPageNeverComesBackEmptyWithACursorWhileATaskOfTheirsIsLeftAfterTheTasksTheyNoLongerFit() {
        People p = people("empty");
        leftWithTheManager(p, "NL-E");
        UUID named = namedTo(p, "NL-E-named", 0);

        JsonNode page = pendingPage(p.manager(), 1, null);
        assertThat(ids(page)).as("read on past the twenty-one to the task theirs").containsExactly(named.toString());
        assertThat(page.get("nextCursor").isNull()).isTrue();
        assertThat(approvals.pendingFor(p.manager().id(), SUBJECT, 2)).extracting(PendingApproval::approvalId)
                .containsExactly(named);
        Cookie session = fixtures.session(mvc, p.manager().username(), Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/approvals/panel?lang=en").cookie(session)).hasStatusOk().bodyText()
                .contains("/approvals/" + named).doesNotContain("Nothing waits for your decision.");

        assertThat(decide(p.manager().username(), named)).hasStatusOk();
        JsonNode none = pendingPage(p.manager(), 1, null);
        assertThat(none.get("items")).as("none left that is theirs: the end of the list").isEmpty();
        assertThat(none.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void D0092_aChangeTheTasksStillFitLeavesThemWhereTheyAreAndSaysNothing() {
        People p = people("kept");
        UUID approval = submit(p.rep(), "NL-5");

        JsonNode answer = change(p.manager(), p.north(), Role.SALES_MANAGER, Role.TECH_SUPPORT);
        assertThat(nothingHandedOn(answer)).isTrue();
        answer = change(p.manager(), p.north(), Role.SALES_MANAGER);
        assertThat(nothingHandedOn(answer)).as("a role taken that the step did not need").isTrue();

        assertThat(onlyTask(approval).assigneeId()).isEqualTo(p.manager().id());
        assertThat(decide(p.manager().username(), approval)).hasStatusOk().bodyJson()
                .extractingPath("$.state").isEqualTo("APPROVED");
    }

    @Test
    void D0092_aTeamMovedUnderAnotherRegionTakesItsSubmittersTaskFromTheHeadOfTheRegionItLeftToTheNewOnes() {
        LocalDate hired = LocalDate.of(2021, 3, 1);
        UUID sales = fixtures.unit("Sales unitmove");
        UUID east = fixtures.unit("East region unitmove", sales);
        UUID west = fixtures.unit("West region unitmove", sales);
        UUID team = fixtures.unit("Team unitmove", east);
        User director = fixtures.user("nmd.unit", sales, hired, Role.SALES_DIRECTOR);
        fixtures.appointManager(sales, director.id());
        User eastHead = fixtures.user("nme.unit", east, hired, Role.REGIONAL_MANAGER);
        fixtures.appointManager(east, eastHead.id());
        User westHead = fixtures.user("nmw.unit", west, hired, Role.REGIONAL_MANAGER);
        fixtures.appointManager(west, westHead.id());
        User teamHead = fixtures.user("nmt.unit", team, hired, Role.SALES_MANAGER);
        fixtures.appointManager(team, teamHead.id());
        User rep = fixtures.user("nmr.unit", team, hired, Role.SALES_REP);
        // the step names the submitter's manager two levels up: the head of the region the team is in
        UUID approval = approvals.submit(new ApprovalRequest(SUBJECT, "NL-9", "Quote NL-9", rep.id(),
                FlowDefinition.of(new StepDefinition("Region", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.SubmittersManager(2)), null)), Map.of())).id();
        assertThat(onlyTask(approval).assigneeId()).isEqualTo(eastHead.id());
        long version = jdbc.sql("select version from platform_org_unit where id = :id").param("id", team)
                .query(Long.class).single();

        var result = mvc.put().uri("/api/v1/org-units/{id}", team).header(HttpHeaders.AUTHORIZATION,
                        bearer("admin")).header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Team unitmove\",\"managerId\":\"" + teamHead.id() + "\",\"parentId\":\"" + west
                        + "\",\"version\":" + version + "}").exchange();
        assertThat(result).hasStatusOk();
        JsonNode answer = fixtures.mapper().readTree(result.getResponse().getContentAsByteArray());

        assertThat(onlyTask(approval).assigneeId()).as("the head of the region the team is in now")
                .isEqualTo(westHead.id());
        JsonNode handedOn = answer.get("workHandedOn").get("handedOn");
        assertThat(handedOn).hasSize(1);
        assertThat(handedOn.get(0).get("toUserId").asString()).isEqualTo(westHead.id().toString());
        assertThat(waiting(eastHead, approval)).containsExactly("settled");
        refusedTo(eastHead, approval);
        assertThat(decide(westHead.username(), approval)).hasStatusOk().bodyJson()
                .extractingPath("$.state").isEqualTo("APPROVED");
    }

    @Test
    void D0092_aDepartmentGivenAnotherHeadOnTheOrgApiHandsTheFormerHeadsTaskOnAndTheAnswerSaysSo() {
        People p = people("head");
        UUID legal = fixtures.unit("Legal head");
        // the longest-serving head of a legal department, whom the step names
        User head = fixtures.user("nlh.head", legal, LocalDate.of(1980, 1, 2), Role.LEGAL);
        fixtures.appointManager(legal, head.id());
        User successor = fixtures.user("nls.head", legal, LocalDate.of(2023, 2, 1), Role.LEGAL);
        UUID approval = approvals.submit(new ApprovalRequest(SUBJECT, "NL-6", "Quote NL-6", p.rep().id(),
                FlowDefinition.of(new StepDefinition("Legal", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.DepartmentHead(Role.LEGAL)), null)), Map.of())).id();
        UUID task = onlyTask(approval).id();
        assertThat(onlyTask(approval).assigneeId()).isEqualTo(head.id());
        long version = jdbc.sql("select version from platform_org_unit where id = :id").param("id", legal)
                .query(Long.class).single();

        var result = mvc.put().uri("/api/v1/org-units/{id}", legal).header(HttpHeaders.AUTHORIZATION,
                        bearer("admin")).header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Legal head\",\"managerId\":\"" + successor.id() + "\",\"version\":"
                        + version + "}").exchange();
        assertThat(result).hasStatusOk();
        JsonNode answer = fixtures.mapper().readTree(result.getResponse().getContentAsByteArray());

        ApprovalView.TaskView moved = onlyTask(approval);
        assertThat(moved.id()).isEqualTo(task);
        assertThat(moved.assigneeId()).as("a lawyer who heads no department any more is not the head of legal")
                .isNotNull().isNotEqualTo(head.id());
        JsonNode handedOn = answer.get("workHandedOn").get("handedOn");
        assertThat(handedOn).hasSize(1);
        assertThat(handedOn.get(0).get("recordId").asString()).isEqualTo(approval.toString());
        assertThat(handedOn.get(0).get("toUserId").asString()).isEqualTo(moved.assigneeId().toString());
        assertThat(waiting(head, approval)).containsExactly("settled");

        refusedTo(head, approval);
        assertThat(mvc.get().uri("/api/v1/org-units/{id}", legal).header(HttpHeaders.AUTHORIZATION, bearer("admin")))
                .hasStatusOk().bodyJson().extractingPath("$.workHandedOn").isNull();
    }

    @Test
    void D0092_aRepMovedToAnotherTeamTakesTheirPendingApprovalToTheirNewManager() {
        People p = people("sub");
        User southManager = fixtures.user("nsm.sub", p.south(), LocalDate.of(2022, 5, 1), Role.SALES_MANAGER);
        fixtures.appointManager(p.south(), southManager.id());
        UUID approval = submit(p.rep(), "NL-7");
        UUID task = onlyTask(approval).id();

        JsonNode answer = change(p.rep(), p.south(), Role.SALES_REP);

        assertThat(onlyTask(approval).id()).isEqualTo(task);
        assertThat(onlyTask(approval).assigneeId()).as("the step's manager is the south team's now")
                .isEqualTo(southManager.id());
        JsonNode handedOn = answer.get("workHandedOn");
        assertThat(handedOn.get("handedOn").get(0).get("kind").asString()).isEqualTo("SUBMITTED_APPROVAL_TASK");
        assertThat(handedOn.get("notes").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "The approval task on their submission \"Quote NL-7\" now waits for " + southManager.displayName()
                        + ", as the step names them no more.");
        refusedTo(p.manager(), approval);
        assertThat(decide(southManager.username(), approval)).hasStatusOk();
    }
}
