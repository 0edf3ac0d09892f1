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
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Docs/decisions/0093: a manager an administrator moves out of their unit heads the units they left no more and no longer
 * manages the sales territories of their former team; the leads waiting in their queue and the claim contests they were to
 * decide go where routing sends them now, and the administrator is told what they gave up. So does a manager left with
 * no managing role (made a sales rep, staying in their unit); a change of roles that keeps a managing role changes none
 * of it.
 */
@IntegrationTest
class ManagerHeadshipsGivenUpTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired LeadTestSupport support;
    @Autowired IdentityService identity;
    @Autowired OrgDirectory directory;
    @Autowired JdbcClient jdbc;

    /** The administrator moves the user to the unit through the API as a regional manager; the answer. */
    private MvcTestResult move(User user, UUID unit) {
        return fixtures.saveUser(mvc, user.id(), unit, List.of(Role.REGIONAL_MANAGER), true, "en");
    }

    /** The administrator gives the user this role through the API, keeping their unit; the answer. */
    private MvcTestResult giveRole(User user, Role role) {
        return fixtures.saveUser(mvc, user.id(), identity.user(user.id()).orgUnitId(), List.of(role), true, "en");
    }

    /** A territory of the east manager whose only rep is junior, and a grade A lead of it: it waits in a queue (L9). */
    private String territoryOfJuniors(Company co, String region) {
        assertThat(support.post(mvc, support.bearer(mvc, "admin"), "/api/v1/lead-territories", """
                {"name":"Juniors %s","regions":["%s"],"managerId":"%s","repIds":["%s"]}
                """.formatted(co.tag(), region, co.eastManager().id(), co.junior().id()))).hasStatus(HttpStatus.CREATED);
        return region;
    }

    private JsonNode queuedLead(Company co, String region, String company, String phone) {
        return support.postJson(mvc, support.bearer(mvc, co.marketing().username()), "/api/v1/leads",
                co.gradeALead(company, phone).replace(co.region(), region));
    }

    private UUID queueDeadlineOwner(String leadId) {
        return jdbc.sql("select owner_id from sop_deadline where rule_id = 'L9' and subject_id = :id and state = 'OPEN'")
                .param("id", leadId).query(UUID.class).single();
    }

    private UUID contestDecider(String leadId) {
        return jdbc.sql("select contest_decider_id from lead_lead where id = :id").param("id", UUID.fromString(leadId))
                .query(UUID.class).optional().orElse(null);
    }

    private UUID territoryManager(UUID territory) {
        return jdbc.sql("select manager_id from lead_territory where id = :id").param("id", territory)
                .query(UUID.class).optional().orElse(null);
    }

    /** Two senior reps of the east team claim a grade A lead of no territory: a contest, for the east manager (L8). */
    private String contestOfTheEastTeam(Company co, String company, String phone) {
        User other = fixtures.user("senior2." + co.tag(), co.east(), co.today().minusMonths(40), Role.SALES_REP);
        String id = support.postJson(mvc, support.bearer(mvc, co.marketing().username()), "/api/v1/leads",
                co.gradeALead(company, phone).replace(co.region(), "西藏")).get("id").asString();
        assertThat(support.post(mvc, support.bearer(mvc, co.senior().username()), "/api/v1/leads/" + id + "/claim", ""))
                .hasStatus(200);
        assertThat(support.post(mvc, support.bearer(mvc, other.username()), "/api/v1/leads/" + id + "/claim", ""))
                .hasStatus(202);
        assertThat(contestDecider(id)).isEqualTo(co.eastManager().id());
        return id;
    }

    private long version(String leadId) {
        return jdbc.sql("select version from lead_lead where id = :id").param("id", UUID.fromString(leadId))
                .query(Long.class).single();
    }

    @Test
    void D0093_aManagerMovedToAnotherTeamHeadsHerTeamAndItsTerritoriesNoMoreAndTheirLeadsAndContestsGoUpTheLine() {
        Company co = support.company(mvc, "moved" + UUID.randomUUID().toString().substring(0, 6));
        User manager = co.eastManager();
        String juniors = territoryOfJuniors(co, "浙江省温州市");
        String waiting = queuedLead(co, juniors, "温州排队" + co.tag(), "13877770093").get("id").asString();
        assertThat(queueDeadlineOwner(waiting)).isEqualTo(manager.id());
        String contested = contestOfTheEastTeam(co, "西藏争议" + co.tag(), "13877770094");

        MvcTestResult moved = move(manager, co.west());

        assertThat(moved).hasStatusOk();
        assertThat(identity.orgUnit(co.east()).managerId()).as("the east team heads itself no more by her").isNull();
        assertThat(identity.orgUnit(co.west()).managerId()).isEqualTo(co.westManager().id());
        assertThat(territoryManager(co.eastTerritory())).isNull();

        // the lead waiting in her queue waits in the general queue, its window the sales director's (L9)
        String director = support.bearer(mvc, co.director().username());
        assertThat(support.getJson(mvc, director, "/api/v1/leads/" + waiting).get("queueManagerId").isNull()).isTrue();
        assertThat(directory.person(queueDeadlineOwner(waiting)).orElseThrow().roles()).contains(Role.SALES_DIRECTOR);
        // a new lead of the territory she managed is not hers either
        JsonNode fresh = queuedLead(co, juniors, "温州新线索" + co.tag(), "13877770095");
        assertThat(fresh.get("queueManagerId").isNull()).isTrue();
        assertThat(directory.person(queueDeadlineOwner(fresh.get("id").asString())).orElseThrow().roles())
                .contains(Role.SALES_DIRECTOR);

        // the east team's contest goes up the line: she neither settles it by assigning nor decides it
        UUID decider = contestDecider(contested);
        assertThat(decider).isNotNull().isNotEqualTo(manager.id());
        String her = support.bearer(mvc, manager.username());
        assertThat(support.post(mvc, her, "/api/v1/leads/" + contested + "/assign", "{\"ownerId\":\""
                + co.westRep().id() + "\",\"version\":" + version(contested) + "}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(support.post(mvc, her, "/api/v1/leads/" + contested + "/arbitrate", "{\"winnerId\":\""
                + co.senior().id() + "\",\"version\":" + version(contested) + "}")).hasStatus(HttpStatus.NOT_FOUND);
        String above = support.bearer(mvc, directory.person(decider).orElseThrow().username());
        assertThat(support.post(mvc, above, "/api/v1/leads/" + contested + "/arbitrate", "{\"winnerId\":\""
                + co.senior().id() + "\",\"version\":" + version(contested) + "}")).hasStatusOk().bodyJson()
                .extractingPath("$.ownerId").isEqualTo(co.senior().id().toString());

        // the answer says what she gave up
        JsonNode givenUp = support.json(moved).get("headshipsGivenUp");
        assertThat(givenUp.get("units").valueStream().map(JsonNode::asString).toList())
                .containsExactly("East " + co.tag());
        assertThat(givenUp.get("territories").valueStream().map(JsonNode::asString).toList())
                .containsExactly("East " + co.tag(), "Juniors " + co.tag());
        assertThat(givenUp.get("notes").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "Moved out, they no longer head these units: East " + co.tag() + ". Until you appoint a new head on"
                        + " the organisation screen, the manager above takes their work.",
                "Moved out of their team, they no longer manage these sales territories: East " + co.tag() + ", Juniors "
                        + co.tag() + ". Until you appoint a new manager on the territories screen, their leads wait in"
                        + " the general queue.");
    }

    @Test
    void D0093_aManagerMovedWithinTheTeamSheHeadsKeepsItAndItsTerritoryAndTheUsersScreenSaysWhatAMoveOutTookFromHer() {
        Company co = support.company(mvc, "within" + UUID.randomUUID().toString().substring(0, 6));
        User manager = co.eastManager();
        UUID below = fixtures.unit("East desk " + co.tag(), co.east());

        MvcTestResult within = move(manager, below);

        assertThat(within).hasStatusOk();
        assertThat(support.json(within).get("headshipsGivenUp").isNull()).isTrue();
        assertThat(identity.orgUnit(co.east()).managerId()).isEqualTo(manager.id());
        assertThat(territoryManager(co.eastTerritory())).isEqualTo(manager.id());

        Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        var saved = mvc.post().uri("/admin/users/" + manager.id() + "?lang=en").cookie(admin).with(csrf())
                .param("displayName", manager.displayName()).param("orgUnitId", co.west().toString())
                .param("roles", "REGIONAL_MANAGER").param("hireDate", co.today().minusYears(5).toString())
                .param("version", String.valueOf(identity.user(manager.id()).version())).exchange();
        assertThat(saved).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/users");
        assertThat(saved.getMvcResult().getFlashMap().get("flashNotes")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).contains(
                "Moved out of their team, they no longer manage these sales territories: East " + co.tag() + ". Until"
                        + " you appoint a new manager on the territories screen, their leads wait in the general queue.");
        assertThat(identity.orgUnit(co.east()).managerId()).isNull();
        assertThat(territoryManager(co.eastTerritory())).isNull();
        assertThat(List.of(identity.user(manager.id()).orgUnitId())).containsExactly(co.west());
    }

    @Test
    void D0093_aManagerMadeARepInHerTeamHeadsItAndItsTerritoriesNoMoreAndTheirLeadsAndContestsGoUpTheLine() {
        Company co = support.company(mvc, "torep" + UUID.randomUUID().toString().substring(0, 6));
        User manager = co.eastManager();
        String juniors = territoryOfJuniors(co, "浙江省衢州市");
        String waiting = queuedLead(co, juniors, "衢州排队" + co.tag(), "13877780093").get("id").asString();
        assertThat(queueDeadlineOwner(waiting)).isEqualTo(manager.id());
        String contested = contestOfTheEastTeam(co, "西藏降职争议" + co.tag(), "13877780094");

        MvcTestResult demoted = giveRole(manager, Role.SALES_REP);

        assertThat(demoted).hasStatusOk();
        assertThat(identity.user(manager.id()).orgUnitId()).isEqualTo(co.east());
        assertThat(identity.orgUnit(co.east()).managerId()).as("a rep heads her team no more").isNull();
        assertThat(identity.orgUnit(co.west()).managerId()).isEqualTo(co.westManager().id());
        assertThat(territoryManager(co.eastTerritory())).isNull();

        // the lead waiting in her queue waits in the general queue, its window the sales director's (L9)
        String director = support.bearer(mvc, co.director().username());
        assertThat(support.getJson(mvc, director, "/api/v1/leads/" + waiting).get("queueManagerId").isNull()).isTrue();
        assertThat(directory.person(queueDeadlineOwner(waiting)).orElseThrow().roles()).contains(Role.SALES_DIRECTOR);
        // the east team's contest goes up the line
        assertThat(contestDecider(contested)).isNotNull().isNotEqualTo(manager.id());

        // the answer says what she gave up
        JsonNode givenUp = support.json(demoted).get("headshipsGivenUp");
        assertThat(givenUp.get("units").valueStream().map(JsonNode::asString).toList())
                .containsExactly("East " + co.tag());
        assertThat(givenUp.get("territories").valueStream().map(JsonNode::asString).toList())
                .containsExactly("East " + co.tag(), "Juniors " + co.tag());
        assertThat(givenUp.get("notes").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "With no managing role left, they no longer head these units: East " + co.tag() + ". Until you appoint"
                        + " a new head on the organisation screen, the manager above takes their work.",
                "With no managing role left, they no longer manage these sales territories: East " + co.tag()
                        + ", Juniors " + co.tag() + ". Until you appoint a new manager on the territories screen, their"
                        + " leads wait in the general queue.");
    }

    @Test
    void D0093_aManagerGivenAnotherManagingRoleKeepsHerTeamAndTerritoryAndTheUsersScreenSaysWhatARepsRoleTookFromHer() {
        Company co = support.company(mvc, "keeps" + UUID.randomUUID().toString().substring(0, 6));
        User manager = co.eastManager();
        String juniors = territoryOfJuniors(co, "浙江省衢州市江山市");
        String waiting = queuedLead(co, juniors, "江山排队" + co.tag(), "13877780095").get("id").asString();

        MvcTestResult kept = giveRole(manager, Role.SALES_MANAGER);

        assertThat(kept).hasStatusOk();
        assertThat(support.json(kept).get("headshipsGivenUp").isNull()).isTrue();
        assertThat(identity.orgUnit(co.east()).managerId()).isEqualTo(manager.id());
        assertThat(territoryManager(co.eastTerritory())).isEqualTo(manager.id());
        assertThat(queueDeadlineOwner(waiting)).isEqualTo(manager.id());

        // the users screen, in Chinese: made a rep there, she gives them up and the administrator is told
        Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        var saved = mvc.post().uri("/admin/users/" + manager.id() + "?lang=zh-CN").cookie(admin).with(csrf())
                .param("displayName", manager.displayName()).param("orgUnitId", co.east().toString())
                .param("roles", "SALES_REP").param("hireDate", co.today().minusYears(5).toString())
                .param("version", String.valueOf(identity.user(manager.id()).version())).exchange();
        assertThat(saved).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/users");
        assertThat(saved.getMvcResult().getFlashMap().get("flashNotes")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).contains(
                "该用户已不再担任管理角色，不再担任以下部门的负责人：East " + co.tag()
                        + "。在组织架构页面任命新负责人之前，其事务由上级负责人处理。");
        assertThat(identity.orgUnit(co.east()).managerId()).isNull();
        assertThat(territoryManager(co.eastTerritory())).isNull();
    }

    @Test
    void D0093_aDirectorHeadingTheRegionBelowHisUnitMovedSidewaysToAnotherRegionHeadsItNoMore() {
        Company co = support.company(mvc, "aside" + UUID.randomUUID().toString().substring(0, 6));
        User director = co.director();
        // the director stands in the root unit, above the east team, and is appointed its head
        fixtures.appointManager(co.east(), director.id());

        MvcTestResult moved = fixtures.saveUser(mvc, director.id(), co.west(), List.of(Role.SALES_DIRECTOR), true, "en");

        assertThat(moved).hasStatusOk();
        assertThat(identity.orgUnit(co.east()).managerId()).as("the east team is headed by him no more").isNull();
        assertThat(identity.orgUnit(co.west()).managerId()).isEqualTo(co.westManager().id());
        JsonNode givenUp = support.json(moved).get("headshipsGivenUp");
        assertThat(givenUp.get("units").valueStream().map(JsonNode::asString).toList())
                .containsExactly("East " + co.tag());
    }
}
