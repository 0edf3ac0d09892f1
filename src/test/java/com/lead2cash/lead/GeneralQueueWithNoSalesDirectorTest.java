package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Docs/decisions/0099: the general queue waits on the sales directors (L9) as a pool waits on its role's holders (0074).
 * A deactivation, a role taken, or a manager's headships given up (0093) that leave leads in it with no active sales
 * director say so to the administrator, in the API's answer and on the users screen; the windows stay with whoever
 * owned them until a sales director is named — given the role, created with it, re-activated —, who is told of the
 * leads and owns their windows, due times kept. A director who leaves while another stays gives their windows to them.
 * Each test leaves its own company's director the only active one (or none): the class's data is its own.
 */
@IntegrationTest
class GeneralQueueWithNoSalesDirectorTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired LeadTestSupport support;
    @Autowired IdentityService identity;
    @Autowired OrgDirectory directory;
    @Autowired JdbcClient jdbc;

    private Company company(String name) {
        return support.company(mvc, name + UUID.randomUUID().toString().substring(0, 6));
    }

    /** Every active sales director but these is deactivated. */
    private void onlyDirectors(User... kept) {
        List<UUID> keep = java.util.Arrays.stream(kept).map(User::id).toList();
        directory.activeWithRole(Role.SALES_DIRECTOR).stream().map(OrgDirectory.Person::id)
                .filter(id -> !keep.contains(id))
                .forEach(id -> identity.setActive(id, false, identity.user(id).version()));
        assertThat(directory.activeWithRole(Role.SALES_DIRECTOR)).hasSize(kept.length);
    }

    /** A lead of a region no territory covers: it waits in the general queue. */
    private String generalQueueLead(Company co, String company) {
        JsonNode lead = support.postJson(mvc, support.bearer(mvc, co.marketing().username()), "/api/v1/leads", """
                {"companyName":"%s","contactName":"王","region":"西藏","industry":"餐饮业","source":"REFERRAL",
                 "budget":200000,"purchaseDate":"%s","decisionMakerKnown":false}
                """.formatted(company + co.tag(), co.today().plusDays(10)));
        assertThat(lead.get("queueManagerId").isNull()).isTrue();
        return lead.get("id").asString();
    }

    /** A grade A lead of a territory of the east manager whose only rep is junior: it waits in her queue. */
    private String queuedForTheEastManager(Company co, String region, String company, String phone) {
        assertThat(support.post(mvc, support.bearer(mvc, "admin"), "/api/v1/lead-territories", """
                {"name":"Juniors %s","regions":["%s"],"managerId":"%s","repIds":["%s"]}
                """.formatted(co.tag(), region, co.eastManager().id(), co.junior().id()))).hasStatus(HttpStatus.CREATED);
        JsonNode lead = support.postJson(mvc, support.bearer(mvc, co.marketing().username()), "/api/v1/leads",
                co.gradeALead(company + co.tag(), phone).replace(co.region(), region));
        assertThat(lead.get("queueManagerId").asString()).isEqualTo(co.eastManager().id().toString());
        return lead.get("id").asString();
    }

    /** The lead's running L9 window: its owner and due time. */
    private Map<String, Object> window(String leadId) {
        return jdbc.sql("""
                select owner_id, due_at from sop_deadline
                where rule_id = 'L9' and subject_id = :id and state in ('OPEN', 'BREACHED')""")
                .param("id", leadId).query().singleRow();
    }

    /** The person's "waits in your queue" notices about this lead, as stored, oldest first. */
    private List<String> queueNotices(User user, String leadId) {
        return jdbc.sql("""
                select settled_at is null from notification_message
                where recipient_id = :user and kind = 'lead.queued' and link = :link order by created_at, id""")
                .param("user", user.id()).param("link", "/leads/" + leadId).query(Boolean.class).list().stream()
                .map(open -> open ? "to assign" : "settled").toList();
    }

    /** How many leads wait in the general queue: screened, nobody's, in no manager's queue. */
    private int inTheGeneralQueue() {
        return jdbc.sql("""
                select count(*) from lead_lead where owner_id is null and status = 'SCREENED' and queue_manager_id is null
                """).query(Integer.class).single();
    }

    private UUID queueManager(String leadId) {
        return jdbc.sql("select queue_manager_id from lead_lead where id = :id").param("id", UUID.fromString(leadId))
                .query(UUID.class).optional().orElse(null);
    }

    /** The administrator's note of the general queue left with no sales director, in English. */
    private static String unheldNote(int leads) {
        return "Nobody active holds the role Sales director any more, and " + (leads == 1 ? "1 lead waits"
                : leads + " leads wait") + " in the general queue: give the role to someone, who will be asked to"
                + " assign " + (leads == 1 ? "it" : "them") + " and own the deadlines.";
    }

    /** The administrator changes the user through the API (unit, roles and activation as given), in English. */
    private MvcTestResult put(User user, UUID unit, List<Role> roles, boolean active) {
        return fixtures.saveUser(mvc, user.id(), unit, roles, active, "en");
    }

    /** The one unheld role of an answer's part, as {@code role kind count}. */
    private static List<String> unheld(JsonNode part) {
        return part.get("unheldRoles").valueStream().map(w -> w.get("role").asString() + " " + w.get("kind").asString()
                + " " + w.get("count").asInt()).toList();
    }

    private static List<String> notes(JsonNode part) {
        return part.get("notes").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void L9_deactivatingTheLastSalesDirectorSaysLeadsWaitInTheGeneralQueueAndWhoeverIsGivenTheRoleTakesThemUp() {
        Company co = company("lastdir");
        onlyDirectors(co.director());
        String lead = generalQueueLead(co, "西藏无人分配");
        assertThat(window(lead)).containsEntry("owner_id", co.director().id());
        assertThat(queueNotices(co.director(), lead)).containsExactly("to assign");
        Object due = window(lead).get("due_at");
        int waiting = inTheGeneralQueue();

        MvcTestResult deactivated = put(co.director(), fixtures.rootUnit(), List.of(Role.SALES_DIRECTOR), false);

        assertThat(deactivated).hasStatusOk();
        JsonNode deactivation = support.json(deactivated).get("deactivation");
        assertThat(unheld(deactivation)).containsExactly("SALES_DIRECTOR GENERAL_QUEUE_LEAD " + waiting);
        assertThat(notes(deactivation)).contains(unheldNote(waiting));
        assertThat(queueNotices(co.director(), lead)).as("asked no more").containsExactly("settled");
        assertThat(window(lead)).as("nobody to take it: it stays until someone does")
                .containsEntry("owner_id", co.director().id());

        // the west manager is made a sales director too: the queue's leads are hers to assign, told, with the windows
        MvcTestResult named = put(co.westManager(), co.west(), List.of(Role.REGIONAL_MANAGER, Role.SALES_DIRECTOR), true);
        assertThat(named).hasStatusOk();
        assertThat(support.json(named).get("rolesTaken").isNull()).isTrue();
        assertThat(queueNotices(co.westManager(), lead)).containsExactly("to assign");
        assertThat(window(lead)).containsEntry("owner_id", co.westManager().id()).containsEntry("due_at", due);
        assertThat(support.getJson(mvc, support.bearer(mvc, co.westManager().username()), "/api/v1/leads?view=queue"
                + "&size=100").get("items").valueStream().map(n -> n.get("id").asString()).toList())
                .as("her queue: the general queue's").contains(lead);
    }

    @Test
    void L9_theSalesDirectorRoleTakenFromItsOnlyHolderSaysTheGeneralQueueUnheldAndTheDirectorCreatedThenTakesItUp() {
        Company co = company("dirtaken");
        onlyDirectors(co.director());
        String lead = generalQueueLead(co, "西藏角色收回");
        Object due = window(lead).get("due_at");
        int waiting = inTheGeneralQueue();

        MvcTestResult taken = put(co.director(), fixtures.rootUnit(), List.of(Role.MARKETING), true);

        assertThat(taken).hasStatusOk();
        JsonNode rolesTaken = support.json(taken).get("rolesTaken");
        assertThat(unheld(rolesTaken)).containsExactly("SALES_DIRECTOR GENERAL_QUEUE_LEAD " + waiting);
        assertThat(notes(rolesTaken)).containsExactly(unheldNote(waiting));
        assertThat(queueNotices(co.director(), lead)).as("asked no more").containsExactly("settled");
        assertThat(window(lead)).containsEntry("owner_id", co.director().id());

        User hired = fixtures.user("newdir." + co.tag(), fixtures.rootUnit(), co.today().minusDays(3),
                Role.SALES_DIRECTOR);
        assertThat(queueNotices(hired, lead)).containsExactly("to assign");
        assertThat(window(lead)).containsEntry("owner_id", hired.id()).containsEntry("due_at", due);
    }

    @Test
    void L9_aManagerMovedOutWhileNoSalesDirectorIsActiveSaysHerQueuedLeadsWaitInTheGeneralQueueUntilOneIsReactivated() {
        Company co = company("nodir");
        String lead = queuedForTheEastManager(co, "浙江省温州市", "温州无总监", "13877790991");
        Object due = window(lead).get("due_at");
        onlyDirectors();

        MvcTestResult moved = put(co.eastManager(), co.west(), List.of(Role.REGIONAL_MANAGER), true);

        assertThat(moved).hasStatusOk();
        JsonNode givenUp = support.json(moved).get("headshipsGivenUp");
        assertThat(givenUp.get("territories").valueStream().map(JsonNode::asString).toList())
                .contains("Juniors " + co.tag());
        int waiting = inTheGeneralQueue();
        assertThat(unheld(givenUp)).containsExactly("SALES_DIRECTOR GENERAL_QUEUE_LEAD " + waiting);
        assertThat(notes(givenUp)).hasSize(3).last().isEqualTo(unheldNote(waiting));
        assertThat(queueManager(lead)).as("in the general queue").isNull();
        assertThat(queueNotices(co.eastManager(), lead)).containsExactly("settled");
        assertThat(window(lead)).as("stays with its former owner until taken up")
                .containsEntry("owner_id", co.eastManager().id());

        identity.setActive(co.director().id(), true, identity.user(co.director().id()).version());

        assertThat(window(lead)).containsEntry("owner_id", co.director().id()).containsEntry("due_at", due);
        assertThat(queueNotices(co.director(), lead)).containsExactly("to assign");
    }

    @Test
    void L9_theUsersScreenSaysAManagerMadeARepLeftHerLeadsInTheGeneralQueueWithNoSalesDirector() {
        Company co = company("screen");
        String lead = queuedForTheEastManager(co, "浙江省衢州市", "衢州无总监", "13877790992");
        onlyDirectors();
        int waiting = inTheGeneralQueue() + 1;

        jakarta.servlet.http.Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        var saved = mvc.post().uri("/admin/users/" + co.eastManager().id() + "?lang=zh-CN").cookie(admin).with(csrf())
                .param("displayName", co.eastManager().displayName()).param("orgUnitId", co.east().toString())
                .param("roles", "SALES_REP").param("hireDate", co.today().minusYears(5).toString())
                .param("version", String.valueOf(identity.user(co.eastManager().id()).version())).exchange();

        assertThat(saved).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/users");
        assertThat(inTheGeneralQueue()).isEqualTo(waiting);
        assertThat(saved.getMvcResult().getFlashMap().get("flashNotes")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).contains(
                "已没有在职用户担任销售总监，公共队列中仍有" + waiting + "条线索等待分配：请将该角色授予他人，由其分配这些线索并承担其时限。");
        assertThat(window(lead)).containsEntry("owner_id", co.eastManager().id());
    }

    @Test
    void L9_aLeadThatCameToTheGeneralQueueWhileNoSalesDirectorWasActiveGetsItsWindowWhenOneIsNamed() {
        Company co = company("cameunheld");
        onlyDirectors();
        String lead = generalQueueLead(co, "西藏无总监时到达");
        assertThat(jdbc.sql("select count(*) from sop_deadline where rule_id = 'L9' and subject_id = :id")
                .param("id", lead).query(Integer.class).single()).as("nobody to own it yet").isZero();

        identity.setActive(co.director().id(), true, identity.user(co.director().id()).version());

        assertThat(window(lead)).containsEntry("owner_id", co.director().id());
        assertThat(queueNotices(co.director(), lead)).containsExactly("to assign");
    }

    @Test
    void L9_aDeactivatedSalesDirectorsGeneralQueueWindowsGoToTheOtherDirectorAndTheyAreAskedNoMore() {
        Company co = company("twodir");
        User other = fixtures.user("zz.dir." + co.tag(), fixtures.rootUnit(), co.today().minusYears(2),
                Role.SALES_DIRECTOR);
        onlyDirectors(co.director(), other);
        String lead = generalQueueLead(co, "西藏两位总监");
        assertThat(window(lead)).as("the first director's").containsEntry("owner_id", co.director().id());
        Object due = window(lead).get("due_at");
        assertThat(queueNotices(other, lead)).containsExactly("to assign");

        IdentityService.Activation done = identity.setActive(co.director().id(), false,
                identity.user(co.director().id()).version());

        assertThat(done.deactivation().unheldRoles()).as("the other holds the role").isEmpty();
        assertThat(window(lead)).containsEntry("owner_id", other.id()).containsEntry("due_at", due);
        assertThat(queueNotices(co.director(), lead)).containsExactly("settled");
        assertThat(queueNotices(other, lead)).as("told when it came, not again").containsExactly("to assign");
    }
}
