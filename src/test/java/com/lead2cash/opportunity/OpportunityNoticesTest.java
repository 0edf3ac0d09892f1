package com.lead2cash.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.TestClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The panel's "do something" notices (O2) with the real notifier: the invited colleague's "please score" and the
 * manager's "your score is awaited" ask until the score is given or no longer awaited, and are settled from then on —
 * one invitee's score settling their own notice, never another invitee's.
 */
@IntegrationTest
@Import(TestClock.class)
class OpportunityNoticesTest {

    private static final String INVITED = "opportunity.evaluationRequested";
    private static final String AWAITED = "opportunity.managerScoreAwaited";
    private static final String SCORES =
            "{\"needMatch\":8,\"competitiveStrength\":8,\"paymentRisk\":8,\"resourceInvestment\":8}";

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    /** The person's notices of this kind about the opportunity: "open" (unread, not settled) or "settled" (and read). */
    private List<String> notices(User user, String kind, String opportunityId) {
        return jdbc.sql("""
                        select case when settled_at is null and read_at is null then 'open'
                                    when settled_at is not null and read_at is not null then 'settled' else 'other' end
                          from notification_message where recipient_id = :r and kind = :k and link = :l""")
                .param("r", user.id()).param("k", kind).param("l", "/opportunities/" + opportunityId)
                .query(String.class).list();
    }

    private User secondTech(String tag) {
        return fixtures.user("tech2." + tag, fixtures.rootUnit(), CustomerTestSupport.HIRED, Role.TECH_SUPPORT);
    }

    private String invite(String rep, String id, User invitee) {
        return customers.json(SalesTestSupport.expect(customers.post(mvc, rep,
                "/api/v1/opportunities/" + id + "/evaluation-invitations",
                "{\"inviteeId\":\"" + invitee.id() + "\"}"), 201)).get("id").asString();
    }

    private void score(User user, String id) {
        SalesTestSupport.expect(customers.post(mvc, sales.bearer(mvc, user), "/api/v1/opportunities/" + id + "/evaluations",
                SCORES), 201);
    }

    @Test
    void O2_anInviteesScoreSettlesTheirOwnInvitationNoticeOnlyAndAWithdrawnInvitationSettlesItsNotice() {
        var team = sales.team("on-inv");
        User tech2 = secondTech("on-inv");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "扬州评估通知有限公司", "钱工", "qian@yangzhou.test");
        String id = sales.opportunity(mvc, rep, customer, "评估通知一", "300000").get("id").asString();
        invite(rep, id, team.tech());
        String second = invite(rep, id, tech2);
        assertThat(notices(team.tech(), INVITED, id)).containsExactly("open");
        assertThat(notices(tech2, INVITED, id)).containsExactly("open");

        score(team.tech(), id);
        assertThat(notices(team.tech(), INVITED, id)).containsExactly("settled");
        assertThat(notices(tech2, INVITED, id)).as("the other invitee has still to score").containsExactly("open");

        assertThat(mvc.delete().uri("/api/v1/opportunities/{id}/evaluation-invitations/{inv}", id, second)
                .header(HttpHeaders.AUTHORIZATION, rep)).hasStatus(204);
        assertThat(notices(tech2, INVITED, id)).as("nothing left to score").containsExactly("settled");
    }

    @Test
    void O2_theManagersScoreSettlesTheNoticeThatAwaitedItAndLeavesTheInviteesNoticeOpen() {
        var team = sales.team("on-mgr");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "泰州评估通知有限公司", "孙工", "sun@taizhou.test");
        String id = sales.opportunity(mvc, rep, customer, "评估通知二", "300000").get("id").asString();
        invite(rep, id, team.tech());
        score(team.rep(), id);
        assertThat(notices(team.manager(), AWAITED, id)).containsExactly("open");

        score(team.manager(), id);
        assertThat(notices(team.manager(), AWAITED, id)).containsExactly("settled");
        assertThat(notices(team.tech(), INVITED, id)).as("the invitee's own score is still asked").containsExactly("open");
    }

    @Test
    void O2_anOpportunityMovedPastEvaluationSettlesTheInvitationsNobodyAnswered() {
        var team = sales.team("on-past");
        User tech2 = secondTech("on-past");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "镇江评估通知有限公司", "周工", "zhou@zhenjiang.test");
        String id = sales.opportunity(mvc, rep, customer, "评估通知三", "300000").get("id").asString();
        invite(rep, id, tech2);
        sales.qualify(mvc, team, id);
        assertThat(notices(tech2, INVITED, id)).containsExactly("open");

        sales.move(mvc, rep, id, "PROPOSAL");
        assertThat(notices(tech2, INVITED, id)).as("the evaluation round is over").containsExactly("settled");
    }

    @Test
    void O2_aLostOpportunitySettlesTheInvitationsAndTheManagersAwaitedScore() {
        var team = sales.team("on-lost");
        User tech2 = secondTech("on-lost");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "南通评估通知有限公司", "吴工", "wu@nantong.test");
        String id = sales.opportunity(mvc, rep, customer, "评估通知四", "300000").get("id").asString();
        invite(rep, id, team.tech());
        invite(rep, id, tech2);
        score(team.rep(), id);
        assertThat(notices(team.manager(), AWAITED, id)).containsExactly("open");
        assertThat(notices(team.tech(), INVITED, id)).containsExactly("open");

        long version = customers.getJson(mvc, rep, "/api/v1/opportunities/" + id).get("version").asLong();
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + id + "/stage",
                "{\"stage\":\"LOST\",\"version\":" + version + ",\"lostReason\":\"PRICE\"}")).hasStatus(200);
        assertThat(notices(team.manager(), AWAITED, id)).containsExactly("settled");
        assertThat(notices(team.tech(), INVITED, id)).containsExactly("settled");
        assertThat(notices(tech2, INVITED, id)).containsExactly("settled");
    }

    private void reassign(User manager, String id, User owner) {
        String token = sales.bearer(mvc, manager);
        long version = customers.getJson(mvc, token, "/api/v1/opportunities/" + id).get("version").asLong();
        assertThat(customers.post(mvc, token, "/api/v1/opportunities/" + id + "/owner",
                "{\"ownerId\":\"" + owner.id() + "\",\"version\":" + version + "}")).hasStatus(200);
    }

    @Test
    void O2_anOpportunityGivenToAnOwnerWithAnotherManagerSettlesTheFormerManagersAwaitedScoreAndTellsTheNewManager() {
        var team = sales.team("on-own");
        User westManager = team.company().westManager();
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "淮安评估通知有限公司", "郑工", "zheng@huaian.test");
        String moved = sales.opportunity(mvc, rep, customer, "评估通知五", "300000").get("id").asString();
        String kept = sales.opportunity(mvc, rep, customer, "评估通知六", "300000").get("id").asString();
        String notScored = sales.opportunity(mvc, rep, customer, "评估通知七", "300000").get("id").asString();
        score(team.rep(), moved);
        score(team.rep(), kept);
        assertThat(notices(team.manager(), AWAITED, moved)).containsExactly("open");

        reassign(team.director(), moved, team.otherRep());
        assertThat(notices(team.manager(), AWAITED, moved)).as("the seat is the west manager's now")
                .containsExactly("settled");
        assertThat(notices(westManager, AWAITED, moved)).as("the new owner's manager is awaited")
                .containsExactly("open");

        reassign(team.director(), kept, team.company().eastRep2());
        assertThat(notices(team.manager(), AWAITED, kept)).as("the same manager: still theirs to score")
                .containsExactly("open");
        assertThat(notices(westManager, AWAITED, kept)).isEmpty();

        reassign(team.director(), notScored, team.otherRep());
        assertThat(notices(westManager, AWAITED, notScored)).as("no rep's score yet: nothing awaits the manager")
                .isEmpty();

        score(westManager, moved);
        assertThat(notices(westManager, AWAITED, moved)).containsExactly("settled");
    }
}
