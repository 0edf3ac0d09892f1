package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import com.lead2cash.testing.SalesTestSupport;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Docs/decisions/0095 (离职交接): a sales rep deactivated while still owning open leads and customers keeps them — nothing
 * is reassigned, their deadlines go on escalating to the manager — and the handover is made visible: the
 * administrator's answer says what they still hold, with the lists of that owner, and their manager gets one notice
 * saying the same, to transfer them.
 */
@IntegrationTest
class DepartedHoldingTest {

    private static final String NOTICE = "people.departedHolding";

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired Fixtures fixtures;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired SalesTestSupport sales;
    @Autowired CustomerTestSupport customers;

    private Company company() {
        return support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
    }

    /** The administrator deactivates the user through the API, in the language given; the answer. */
    private JsonNode deactivate(User user, String language) {
        User current = identity.user(user.id());
        return save(user, current.orgUnitId(), current.roleSet(), false, language);
    }

    /** The administrator saves the user with this unit, these roles and activation through the API; the answer. */
    private JsonNode save(User user, UUID unit, java.util.Collection<Role> roles, boolean active, String language) {
        var result = fixtures.saveUser(mvc, user.id(), unit, roles, active, language);
        assertThat(result).hasStatusOk();
        return support.json(result);
    }

    /** The senior rep of the company owns two open grade-A leads (routed to them) and one customer they registered. */
    private List<UUID> seniorHoldsTwoLeadsAndACustomer(Company co) {
        String marketing = support.bearer(mvc, co.marketing().username());
        List<UUID> leads = new java.util.ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads",
                    co.gradeALead("上海离职交接" + co.tag() + i + "有限公司",
                            "139" + String.format("%08d", Math.floorMod((co.tag() + i).hashCode(), 100_000_000))));
            assertThat(lead.get("ownerId").asString()).isEqualTo(co.senior().id().toString());
            leads.add(UUID.fromString(lead.get("id").asString()));
        }
        var customer = support.post(mvc, support.bearer(mvc, co.senior().username()), "/api/v1/customers",
                "{\"name\":\"杭州离职交接" + co.tag() + "有限公司\"}");
        assertThat(customer).hasStatus(HttpStatus.CREATED);
        assertThat(support.json(customer).get("ownerId").asString()).isEqualTo(co.senior().id().toString());
        return leads;
    }

    private List<String> notices(User user) {
        return jdbc.sql("select link from notification_message where recipient_id = :user and kind = :kind")
                .param("user", user.id()).param("kind", NOTICE).query(String.class).list();
    }

    @Test
    void D0095_aRepDeactivatedWithLeadsAndACustomerKeepsThemAndTheAnswerAndTheirManagerSaySo() {
        Company co = company();
        List<UUID> leads = seniorHoldsTwoLeadsAndACustomer(co);
        UUID senior = co.senior().id();

        JsonNode deactivation = deactivate(co.senior(), "zh-CN").get("deactivation");

        JsonNode held = deactivation.get("stillHolds");
        assertThat(held).hasSize(2);
        assertThat(held.get(0).get("kind").asString()).isEqualTo("LEADS");
        assertThat(held.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(held.get(0).get("link").asString()).isEqualTo("/leads?view=open&ownerId=" + senior);
        assertThat(held.get(1).get("kind").asString()).isEqualTo("CUSTOMERS");
        assertThat(held.get(1).get("count").asInt()).isEqualTo(1);
        assertThat(held.get(1).get("link").asString()).isEqualTo("/customers?ownerId=" + senior);
        assertThat(deactivation.get("notes").valueStream().map(JsonNode::asString).toList()).contains(
                "该用户仍持有 2 条线索、1 个客户，系统不会自动转交：已通知其上级" + co.eastManager().displayName()
                        + "，由其安排离职交接。");

        // nothing reassigned: the leads are still the rep's, their L7 deadlines too (escalating to the manager)
        for (UUID lead : leads) {
            assertThat(jdbc.sql("select owner_id from lead_lead where id = :id").param("id", lead).query(UUID.class)
                    .single()).isEqualTo(senior);
            assertThat(jdbc.sql("select owner_id from sop_deadline where subject_type = 'Lead' and subject_id = :id"
                    + " and rule_id = 'L7' and state = 'OPEN'").param("id", lead.toString()).query(UUID.class).single())
                    .isEqualTo(senior);
        }

        // the head of the rep's unit is told once, with the link to the first list to hand them over from
        assertThat(notices(co.eastManager())).containsExactly("/leads?view=open&ownerId=" + senior);
        assertThat(notices(co.director())).isEmpty();
        JsonNode inbox = support.getJson(mvc, support.bearer(mvc, co.eastManager().username()), "/api/v1/notifications");
        JsonNode notice = inbox.get("items").valueStream().filter(n -> NOTICE.equals(n.get("kind").asString()))
                .findFirst().orElseThrow();
        assertThat(notice.get("title").asString()).isEqualTo(co.senior().displayName()
                + " was deactivated and still owns 2 open lead(s) and 1 customer(s): nothing is reassigned, hand them over.");
    }

    /** Each notice of what a departed person held that the user got: whether settled, and its link. */
    private List<String> noticeStates(User user) {
        return jdbc.sql("""
                select case when settled_at is null then 'open ' else 'settled ' end || link from notification_message
                 where recipient_id = :user and kind = :kind
                """).param("user", user.id()).param("kind", NOTICE).query(String.class).list();
    }

    /** What each notice of what a departed person held that the user got says: its title's key and arguments. */
    private List<String> noticeTitles(User user) {
        return jdbc.sql("select title_key || ' ' || args::text from notification_message where recipient_id = :user"
                + " and kind = :kind").param("user", user.id()).param("kind", NOTICE).query(String.class).list();
    }

    @Test
    void D0095_aRepActivatedAgainHasTheNoticeToTheirManagerSettledAndADeactivationAfterTellsThemAnew() {
        Company co = company();
        seniorHoldsTwoLeadsAndACustomer(co);
        String link = "/leads?view=open&ownerId=" + co.senior().id();
        deactivate(co.senior(), "en");
        assertThat(noticeStates(co.eastManager())).containsExactly("open " + link);

        User current = identity.user(co.senior().id());
        save(co.senior(), current.orgUnitId(), current.roleSet(), true, "en");

        // working their records again, nothing is left to hand over
        assertThat(noticeStates(co.eastManager())).containsExactly("settled " + link);
        deactivate(co.senior(), "en");
        assertThat(noticeStates(co.eastManager())).containsExactlyInAnyOrder("settled " + link, "open " + link);
    }

    /** A team below a region, each headed by its manager, and a rep of the team who owns a customer and is deactivated. */
    private record Team(UUID region, UUID unit, User head, User manager, User rep) {
    }

    private Team teamWithADepartedRep() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID region = fixtures.unit("Region " + tag);
        UUID unit = fixtures.unit("Team " + tag, region);
        java.time.LocalDate hired = java.time.LocalDate.of(2020, 1, 6);
        User head = fixtures.user("rh." + tag, region, hired, Role.REGIONAL_MANAGER);
        User manager = fixtures.user("tm." + tag, unit, hired, Role.SALES_MANAGER);
        User rep = fixtures.user("rep." + tag, unit, hired, Role.SALES_REP);
        fixtures.appointManager(region, head.id());
        fixtures.appointManager(unit, manager.id());
        assertThat(support.post(mvc, support.bearer(mvc, rep.username()), "/api/v1/customers",
                "{\"name\":\"温州离职交接" + tag + "有限公司\"}")).hasStatus(HttpStatus.CREATED);
        deactivate(rep, "en");
        assertThat(noticeStates(manager)).containsExactly("open /customers?ownerId=" + rep.id());
        return new Team(region, unit, head, manager, rep);
    }

    @Test
    void D0095_aManagerMovedOutOfTheTeamHasTheNoticeSettledAndTheManagerAboveGetsItAsItWasSent() {
        Team team = teamWithADepartedRep();
        String link = "/customers?ownerId=" + team.rep().id();
        List<String> sent = noticeTitles(team.manager());

        save(team.manager(), fixtures.unit("Elsewhere " + UUID.randomUUID().toString().substring(0, 6)),
                List.of(Role.SALES_MANAGER), true, "en");

        assertThat(noticeStates(team.manager())).containsExactly("settled " + link);
        assertThat(noticeStates(team.head())).containsExactly("open " + link);
        assertThat(noticeTitles(team.head())).isEqualTo(sent);
        JsonNode inbox = support.getJson(mvc, support.bearer(mvc, team.head().username()), "/api/v1/notifications");
        assertThat(inbox.get("items").valueStream().filter(n -> NOTICE.equals(n.get("kind").asString()))
                .map(n -> n.get("title").asString()).toList()).containsExactly(team.rep().displayName()
                + " was deactivated and still owns 1 customer(s): nothing is reassigned, hand them over.");
    }

    @Test
    void D0095_aManagerLeftWithNoManagingRoleGivesTheNoticeUpToTheManagerAboveAndOneKeepingARoleKeepsIt() {
        Team team = teamWithADepartedRep();
        String link = "/customers?ownerId=" + team.rep().id();

        // still a manager of the team: the notice stays theirs
        save(team.manager(), team.unit(), List.of(Role.REGIONAL_MANAGER), true, "en");
        assertThat(noticeStates(team.manager())).containsExactly("open " + link);
        assertThat(noticeStates(team.head())).isEmpty();

        // made a rep of the team: the manager above answers for it now, and is told once
        save(team.manager(), team.unit(), List.of(Role.SALES_REP), true, "en");
        assertThat(noticeStates(team.manager())).containsExactly("settled " + link);
        assertThat(noticeStates(team.head())).containsExactly("open " + link);

        // and the rep activated again settles it where it is now
        User rep = identity.user(team.rep().id());
        save(team.rep(), rep.orgUnitId(), rep.roleSet(), true, "en");
        assertThat(noticeStates(team.head())).containsExactly("settled " + link);
    }

    @Test
    void D0095_aRepDeactivatedWithNothingOpenSaysNothingHeldAndNobodyIsTold() {
        Company co = company();

        JsonNode deactivation = deactivate(co.junior(), "en").get("deactivation");

        assertThat(deactivation.get("stillHolds")).isEmpty();
        assertThat(deactivation.get("notes").valueStream().map(JsonNode::asString).toList())
                .noneMatch(n -> n.contains("still own"));
        assertThat(notices(co.eastManager())).isEmpty();
    }

    @Test
    void D0095_theUsersScreenSaysWhatTheyStillHoldWithTheListsOfThatOwner() throws Exception {
        Company co = company();
        seniorHoldsTwoLeadsAndACustomer(co);
        UUID senior = co.senior().id();
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        var result = mvc.post().uri("/admin/users/{id}/active", senior).cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("active", "false").param("version", String.valueOf(identity.user(senior).version())).exchange();

        assertThat(result).hasStatus3xxRedirection();
        assertThat(result.getMvcResult().getFlashMap().get("flashNotes")).isEqualTo(List.of(
                "They still own 2 open leads, 1 customer: nothing is reassigned. " + co.eastManager().displayName()
                        + ", their manager, is told, to hand them over."));
        assertThat(result.getMvcResult().getFlashMap().get("flashNoteLinks")).isEqualTo(List.of(
                List.of("2 open leads", "/leads?view=open&ownerId=" + senior), List.of("1 customer", "/customers?ownerId=" + senior)));
        String html = mvc.get().uri("/admin/users/{id}", senior).cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .flashAttrs(result.getMvcResult().getFlashMap()).exchange().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("<a href=\"/leads?view=open&amp;ownerId=" + senior + "\">2 open leads</a>",
                "<a href=\"/customers?ownerId=" + senior + "\">1 customer</a>");
        assertThat(notices(co.eastManager())).hasSize(1);
    }

    /** The page at the app-relative link, as the user's browser reads it in Chinese. */
    private String page(Cookie session, String link) throws Exception {
        var response = mvc.get().uri(link + "&lang=zh-CN").cookie(session).exchange().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The owner filter offers the departed person, marked inactive, and has them chosen. */
    private static String chosenInactive(User user) {
        return "<option value=\"" + user.id() + "\"[^>]*selected[^>]*>" + java.util.regex.Pattern.quote(
                user.displayName() + "（已停用）") + "</option>";
    }

    @Test
    void D0095_theLeadLinkListsTheOpenLeadsCountedAndItsOwnerFilterNamesTheDepartedRep() throws Exception {
        Company co = company();
        List<UUID> leads = seniorHoldsTwoLeadsAndACustomer(co);
        String boss = support.bearer(mvc, co.eastManager().username());
        support.postJson(mvc, boss, "/api/v1/leads/" + leads.get(1) + "/disqualify", "{\"reason\":\"NO_NEED\",\"version\":"
                + support.getJson(mvc, boss, "/api/v1/leads/" + leads.get(1)).get("version").asLong() + "}");

        JsonNode held = deactivate(co.senior(), "zh-CN").get("deactivation").get("stillHolds");

        assertThat(held.get(0).get("kind").asString()).isEqualTo("LEADS");
        assertThat(held.get(0).get("count").asInt()).isEqualTo(1);
        String html = page(fixtures.session(mvc, co.eastManager().username(), Fixtures.PASSWORD),
                held.get(0).get("link").asString());
        assertThat(html).as("the open lead counted, not the disqualified one").contains("上海离职交接" + co.tag() + "1有限公司")
                .doesNotContain("上海离职交接" + co.tag() + "2有限公司");
        assertThat(html).containsPattern(chosenInactive(co.senior()));
        // the API's list takes the same view (its document names it among the views)
        JsonNode listed = support.getJson(mvc, boss, "/api/v1/leads?view=open&ownerId=" + co.senior().id());
        assertThat(listed.get("items")).extracting(i -> i.get("id").asString()).containsExactly(leads.get(0).toString());
    }

    @Test
    void D0095_theOpportunityAndCustomerLinksListWhatIsCountedAndTheirOwnerFiltersNameTheDepartedRep() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        SalesTestSupport.Team team = sales.team("held" + tag);
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "宁波离职交接" + tag + "有限公司", "周经理", "zhou@" + tag + ".example");
        sales.opportunity(mvc, rep, customer, "离职交接一期" + tag, "100000");
        sales.opportunity(mvc, rep, customer, "离职交接二期" + tag, "200000");
        String lost = sales.opportunity(mvc, rep, customer, "离职交接丢单" + tag, "300000").get("id").asString();
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + lost + "/stage",
                "{\"stage\":\"LOST\",\"version\":0,\"lostReason\":\"PRICE\",\"lostTo\":\"海康\"}")).hasStatus(200);

        JsonNode held = deactivate(team.rep(), "zh-CN").get("deactivation").get("stillHolds");

        assertThat(held).hasSize(2);
        assertThat(held.get(1).get("kind").asString()).isEqualTo("OPPORTUNITIES");
        assertThat(held.get(1).get("count").asInt()).isEqualTo(2);
        Cookie manager = customers.session(mvc, team.manager());
        String opportunities = page(manager, held.get(1).get("link").asString());
        assertThat(opportunities).as("the open opportunities counted, not the lost one")
                .contains("离职交接一期" + tag, "离职交接二期" + tag).doesNotContain("离职交接丢单" + tag);
        assertThat(opportunities).containsPattern(chosenInactive(team.rep()));
        assertThat(held.get(0).get("kind").asString()).isEqualTo("CUSTOMERS");
        String customerList = page(manager, held.get(0).get("link").asString());
        assertThat(customerList).contains("宁波离职交接" + tag + "有限公司").containsPattern(chosenInactive(team.rep()));
    }
}
