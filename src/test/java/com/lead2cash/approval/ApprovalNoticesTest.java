package com.lead2cash.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The "approval waiting for you" notice in its reader's inbox, with the real notifier: it asks until the task stops
 * waiting — decided by its approver, a colleague of the pool or a delegate, or skipped as the approval ended — and is
 * settled from then on.
 */
@IntegrationTest
class ApprovalNoticesTest {

    private static final String WAITING = "approval.task.assigned";
    private static final String SUBJECT = "NoticeProbe";
    private static final String SENT_BACK = "approval.sentBack";

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Approvals approvals;
    @Autowired Clock clock;
    @Value("${l2c.zone}") ZoneId zone;

    /**
     * A submitter with a manager, a lawyer and an accountant (a pool each), and a second manager of the team to stand
     * in (a delegate holds the delegator's authority, decision 0069).
     */
    record People(User rep, User manager, User lawyer, User accountant, User deputy) {
    }

    private People people(String tag) {
        LocalDate hired = LocalDate.of(2023, 3, 1);
        UUID team = fixtures.unit("Notice team " + tag);
        User manager = fixtures.user("nm." + tag, team, hired, Role.SALES_MANAGER);
        fixtures.appointManager(team, manager.id());
        return new People(fixtures.user("nr." + tag, team, hired, Role.SALES_REP), manager,
                fixtures.user("nl." + tag, fixtures.rootUnit(), hired, Role.LEGAL),
                fixtures.user("nf." + tag, fixtures.rootUnit(), hired, Role.FINANCE),
                fixtures.user("nd." + tag, team, hired, Role.SALES_MANAGER));
    }

    /** Legal and finance in parallel, then the submitter's manager (of a record no module owns: no module answers). */
    private UUID submitContract(People p, String id) {
        return approvals.submit(new ApprovalRequest(SUBJECT, id, "Contract " + id, p.rep().id(), FlowDefinition.of(
                new StepDefinition("Internal review", StepMode.PARALLEL,
                        List.of(new ApproverRule.ByRole(Role.LEGAL), new ApproverRule.ByRole(Role.FINANCE)), null),
                new StepDefinition("Final approval", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.SubmittersManager(1)), null)),
                Map.of("amount", "800000.00"))).id();
    }

    private String bearer(User user) {
        return "Bearer " + fixtures.token(mvc, user.username());
    }

    private void decide(User user, UUID approval, String decision, String comment) {
        assertThat(mvc.post().uri("/api/v1/approvals/{id}/decision", approval)
                .header(HttpHeaders.AUTHORIZATION, bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"" + decision + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"")
                        + "}")).hasStatusOk();
    }

    /** The person's "waiting for you" notices about this approval, as the notification API shows them. */
    private List<String> waiting(User user, UUID approval) {
        return fixtures.json(mvc.get().uri("/api/v1/notifications?size=100").header(HttpHeaders.AUTHORIZATION, bearer(user)))
                .get("items").valueStream()
                .filter(n -> n.get("kind").asString().equals(WAITING)
                        && n.get("link").asString().equals("/approvals/" + approval))
                .map(n -> n.get("settledAt").isNull() ? "to decide" : "settled").toList();
    }

    private List<String> unreadWaiting(User user) {
        return fixtures.json(mvc.get().uri("/api/v1/notifications?unread=true&size=100")
                        .header(HttpHeaders.AUTHORIZATION, bearer(user)))
                .get("items").valueStream().map(n -> n.get("kind").asString()).filter(WAITING::equals).toList();
    }

    /** The submitter's "sent back to you" notices about this approval, as the notification API shows them. */
    private List<String> sentBack(User user, UUID approval) {
        return fixtures.json(mvc.get().uri("/api/v1/notifications?size=100").header(HttpHeaders.AUTHORIZATION, bearer(user)))
                .get("items").valueStream()
                .filter(n -> n.get("kind").asString().equals(SENT_BACK)
                        && n.get("link").asString().equals("/approvals/" + approval))
                .map(n -> n.get("settledAt").isNull() && n.get("readAt").isNull() ? "to revise"
                        : !n.get("settledAt").isNull() && !n.get("readAt").isNull() ? "settled" : "other").toList();
    }

    /** The submitter's manager decides alone; the manager sends it back at once. */
    private UUID sentBackByTheManager(People p, String id) {
        UUID approval = approvals.submit(new ApprovalRequest(SUBJECT, id, "Quote " + id, p.rep().id(),
                FlowDefinition.of(new StepDefinition("Manager", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.SubmittersManager(1)), null)), Map.of())).id();
        decide(p.manager(), approval, "SEND_BACK", "justify the discount");
        assertThat(approvals.find(approval).orElseThrow().state()).isEqualTo(ApprovalView.State.SENT_BACK);
        return approval;
    }

    @Test
    void aSentBackApprovalAsksItsSubmitterUntilTheyResubmitOrWithdrawItEachApprovalOnItsOwn() {
        People p = people("sb");
        UUID resubmitted = sentBackByTheManager(p, "N-5");
        UUID withdrawn = sentBackByTheManager(p, "N-6");
        assertThat(sentBack(p.rep(), resubmitted)).containsExactly("to revise");
        assertThat(sentBack(p.rep(), withdrawn)).containsExactly("to revise");

        approvals.resubmit(resubmitted, p.rep().id());
        assertThat(sentBack(p.rep(), resubmitted)).containsExactly("settled");
        assertThat(sentBack(p.rep(), withdrawn)).as("another approval still waits for its rework")
                .containsExactly("to revise");

        approvals.withdraw(withdrawn, p.rep().id());
        assertThat(sentBack(p.rep(), withdrawn)).containsExactly("settled");
    }

    @Test
    void aRecordSubmittedAnewOrClosedSettlesTheSendBackNoticeOfItsEarlierApproval() {
        People p = people("sbnew");
        UUID reworked = sentBackByTheManager(p, "N-7");
        UUID closed = sentBackByTheManager(p, "N-8");

        approvals.submit(new ApprovalRequest(SUBJECT, "N-7", "Quote N-7", p.rep().id(),
                FlowDefinition.of(new StepDefinition("Manager", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.SubmittersManager(1)), null)), Map.of()));
        assertThat(sentBack(p.rep(), reworked)).as("submitted anew in a new approval").containsExactly("settled");
        assertThat(sentBack(p.rep(), closed)).as("another record's").containsExactly("to revise");

        approvals.subjectClosed(SUBJECT, "N-8");
        assertThat(sentBack(p.rep(), closed)).containsExactly("settled");
        assertThat(approvals.find(closed).orElseThrow().state()).as("the flow stays as it is")
                .isEqualTo(ApprovalView.State.SENT_BACK);
    }

    @Test
    void aDecidedTaskSettlesItsApproversNoticeAndEachStepsTaskIsSettledAsItIsDecided() {
        People p = people("ok");
        UUID approval = submitContract(p, "N-1");
        assertThat(waiting(p.lawyer(), approval)).containsExactly("to decide");
        assertThat(waiting(p.accountant(), approval)).containsExactly("to decide");

        decide(p.lawyer(), approval, "APPROVE", null);
        assertThat(waiting(p.lawyer(), approval)).containsExactly("settled");
        assertThat(unreadWaiting(p.lawyer())).isEmpty();
        assertThat(waiting(p.accountant(), approval)).as("finance's part still waits").containsExactly("to decide");
        assertThat(waiting(p.manager(), approval)).as("not reached yet").isEmpty();

        decide(p.accountant(), approval, "APPROVE", null);
        assertThat(waiting(p.accountant(), approval)).containsExactly("settled");
        assertThat(waiting(p.manager(), approval)).containsExactly("to decide");

        decide(p.manager(), approval, "APPROVE", null);
        assertThat(approvals.find(approval).orElseThrow().state()).isEqualTo(ApprovalView.State.APPROVED);
        assertThat(waiting(p.manager(), approval)).containsExactly("settled");
        assertThat(unreadWaiting(p.manager())).isEmpty();
    }

    @Test
    void aRejectionSettlesTheNoticesOfTheTasksThatNoLongerWait() {
        People p = people("rej");
        UUID approval = submitContract(p, "N-2");
        decide(p.lawyer(), approval, "REJECT", "clause 7 unacceptable");
        assertThat(approvals.find(approval).orElseThrow().state()).isEqualTo(ApprovalView.State.REJECTED);
        assertThat(waiting(p.lawyer(), approval)).containsExactly("settled");
        assertThat(waiting(p.accountant(), approval)).as("nothing left for finance to decide").containsExactly("settled");
        assertThat(unreadWaiting(p.accountant())).isEmpty();
    }

    @Test
    void aSendBackSettlesTheOtherTasksNoticesAndTheNextRoundAsksAgain() {
        People p = people("back");
        UUID approval = submitContract(p, "N-3");
        decide(p.accountant(), approval, "SEND_BACK", "figures missing");
        assertThat(waiting(p.accountant(), approval)).containsExactly("settled");
        assertThat(waiting(p.lawyer(), approval)).containsExactly("settled");

        approvals.resubmit(approval, p.rep().id());
        assertThat(waiting(p.lawyer(), approval)).as("the new round's task asks anew")
                .containsExactlyInAnyOrder("to decide", "settled");
    }

    @Test
    void aTaskDecidedByADelegateSettlesTheAssigneesNotice() {
        People p = people("dlg");
        UUID approval = approvals.submit(new ApprovalRequest(SUBJECT, "N-4", "Quote N-4", p.rep().id(),
                FlowDefinition.of(new StepDefinition("Manager", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.SubmittersManager(1)), null)), Map.of())).id();
        assertThat(waiting(p.manager(), approval)).containsExactly("to decide");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        assertThat(mvc.post().uri("/api/v1/approvals/delegations").header(HttpHeaders.AUTHORIZATION, bearer(p.manager()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"delegateId\":\"" + p.deputy().id() + "\",\"startsOn\":\"" + today + "\",\"endsOn\":\""
                        + today.plusDays(2) + "\",\"note\":\"trade fair\"}")).hasStatus(HttpStatus.CREATED);

        decide(p.deputy(), approval, "APPROVE", "approved while away");
        JsonNode decided = fixtures.json(mvc.get().uri("/api/v1/approvals/{id}", approval)
                .header(HttpHeaders.AUTHORIZATION, bearer(p.manager())));
        assertThat(decided.get("steps").get(0).get("tasks").get(0).get("actedBy").asString())
                .isEqualTo(p.deputy().id().toString());
        assertThat(waiting(p.manager(), approval)).containsExactly("settled");
        assertThat(unreadWaiting(p.manager())).isEmpty();
    }
}
