package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.TestClock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Data scope on every customer route (SPEC §1, §6): another team's customer, contact or activity answers
 * 404 — never a hint that it exists — on the API and on the screens; a role that does not work with
 * customers is refused with 403; contacts' personal data is masked for readers who are not the owner
 * or above.
 */
@IntegrationTest
@Import(TestClock.class)
class CustomerScopeTest {

    static final String UNKNOWN = "01a2ffff-0000-7000-8000-000000000001";

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired Fixtures fixtures;

    @Test
    void anotherTeamsIdsAnswer404OnEveryCustomerRoute() throws Exception {
        var company = support.company("scope");
        String east = support.bearer(mvc, company.eastRep());
        JsonNode customer = support.customer(mvc, east, "东区客户有限公司", null);
        String id = customer.get("id").asString();
        String contact = support.postJson(mvc, east, "/api/v1/customers/" + id + "/contacts",
                "{\"name\":\"赵经理\",\"phone\":\"13700001111\"}").get("id").asString();
        String activity = support.postJson(mvc, east, "/api/v1/activities", """
                {"customerId":"%s","type":"DEMO","occurredAt":"%s","summary":"演示"}""".formatted(id, TestClock.START))
                .get("id").asString();
        String analysis = support.postJson(mvc, east, "/api/v1/customers/" + id + "/needs-analyses", """
                {"interviewedAt":"%s","painPoints":["跟进靠 Excel"]}""".formatted(TestClock.START)).get("id").asString();
        String westCustomer = support.customer(mvc, support.bearer(mvc, company.westRep()), "西区客户有限公司", null)
                .get("id").asString();
        long versionBefore = support.getJson(mvc, east, "/api/v1/customers/" + id).get("version").asLong();

        for (var outsider : List.of(company.westRep(), company.westManager(), company.eastRep2())) {
            String token = support.bearer(mvc, outsider);
            List<String[]> routes = List.of(
                    new String[] {"GET", "/api/v1/customers/" + id, null},
                    new String[] {"PUT", "/api/v1/customers/" + id, "{\"name\":\"改名\",\"version\":0}"},
                    new String[] {"POST", "/api/v1/customers/" + id + "/grade", "{\"grade\":\"A\",\"version\":0}"},
                    new String[] {"POST", "/api/v1/customers/" + id + "/pursuit-mode", "{\"mode\":\"ACTIVE_PURSUIT\"}"},
                    new String[] {"POST", "/api/v1/customers/" + id + "/advance", "{\"version\":0}"},
                    new String[] {"POST", "/api/v1/customers/" + id + "/lost", "{\"reason\":\"x\"}"},
                    new String[] {"POST", "/api/v1/customers/" + id + "/win-back", "{}"},
                    new String[] {"POST", "/api/v1/customers/" + id + "/follow-up-plan", "{\"nextFollowUpAt\":null}"},
                    new String[] {"POST", "/api/v1/customers/" + id + "/transfer", "{\"ownerId\":\"" + outsider.id() + "\",\"reason\":\"x\",\"version\":0}"},
                    new String[] {"POST", "/api/v1/customers/" + id + "/release", "{\"reason\":\"x\"}"},
                    new String[] {"POST", "/api/v1/customers/" + id + "/claim", null},
                    new String[] {"POST", "/api/v1/customers/" + id + "/merge", "{\"mergedId\":\"" + westCustomer + "\",\"reason\":\"x\"}"},
                    new String[] {"POST", "/api/v1/customers/" + westCustomer + "/merge", "{\"mergedId\":\"" + id + "\",\"reason\":\"x\"}"},
                    new String[] {"POST", "/api/v1/customers/" + id + "/credit", "{\"creditRating\":\"A\",\"creditLimit\":1000}"},
                    new String[] {"GET", "/api/v1/customers/" + id + "/timeline", null},
                    new String[] {"GET", "/api/v1/customers/" + id + "/contacts", null},
                    new String[] {"POST", "/api/v1/customers/" + id + "/contacts", "{\"name\":\"钱\"}"},
                    new String[] {"GET", "/api/v1/contacts/" + contact, null},
                    new String[] {"PUT", "/api/v1/contacts/" + contact, "{\"name\":\"钱\",\"version\":0}"},
                    new String[] {"POST", "/api/v1/activities", "{\"customerId\":\"" + id + "\",\"type\":\"CALL\",\"occurredAt\":\"" + TestClock.START + "\",\"summary\":\"x\"}"},
                    new String[] {"GET", "/api/v1/activities?customerId=" + id, null},
                    new String[] {"GET", "/api/v1/activities/" + activity, null},
                    new String[] {"PUT", "/api/v1/activities/" + activity, "{\"summary\":\"x\",\"version\":0}"},
                    new String[] {"POST", "/api/v1/activities/" + activity + "/minutes", "{\"minutes\":\"x\"}"},
                    new String[] {"GET", "/api/v1/needs-analyses/" + analysis, null},
                    new String[] {"POST", "/api/v1/needs-analyses/" + analysis + "/send", "{\"contactId\":\"" + contact + "\"}"});
            for (String[] r : routes) {
                if (r[1].contains(westCustomer) && outsider.equals(company.eastRep2())) {
                    continue; // the west customer is out of eastRep2's scope too; covered by the other outsiders
                }
                var request = switch (r[0]) {
                    case "GET" -> mvc.get().uri(r[1]);
                    case "PUT" -> mvc.put().uri(r[1]);
                    default -> mvc.post().uri(r[1]);
                };
                var result = request.header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                        .content(r[2] == null ? "{}" : r[2]).exchange();
                // exactly as for a record that does not exist: 404, or 403 where the caller's role may not use the route
                String unknownUri = r[1].replace(id, UNKNOWN).replace(contact, UNKNOWN).replace(activity, UNKNOWN)
                        .replace(analysis, UNKNOWN);
                String unknownBody = r[2] == null ? "{}" : r[2].replace(id, UNKNOWN);
                var unknown = (switch (r[0]) {
                    case "GET" -> mvc.get().uri(unknownUri);
                    case "PUT" -> mvc.put().uri(unknownUri);
                    default -> mvc.post().uri(unknownUri);
                }).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON).content(unknownBody).exchange();
                int status = result.getResponse().getStatus();
                assertThat(status).as(outsider.username() + " " + r[0] + " " + r[1]).isIn(403, 404)
                        .isEqualTo(unknown.getResponse().getStatus());
                if (r[0].equals("GET")) {
                    assertThat(status).as(r[1]).isEqualTo(404);
                }
                assertThat(result.getResponse().getContentAsByteArray()).as("no hint in " + r[1])
                        .asString(java.nio.charset.StandardCharsets.UTF_8).doesNotContain("东区客户");
                if (!r[1].contains(id) && (r[2] == null || !r[2].contains(id))) {
                    // a contact's, an activity's or a report's refusal must not name the customer it belongs to
                    assertThat(result.getResponse().getContentAsByteArray()).as("no customer id in " + r[1])
                            .asString(java.nio.charset.StandardCharsets.UTF_8).doesNotContain(id);
                }
            }
            var session = support.session(mvc, outsider);
            for (String page : List.of("/customers/" + id, "/customers/" + id + "/edit", "/customers/" + id + "/timeline")) {
                assertThat(mvc.get().uri(page).cookie(session).exchange().getResponse().getStatus()).as(page).isEqualTo(404);
            }
        }
        // and nothing changed
        JsonNode after = support.getJson(mvc, east, "/api/v1/customers/" + id);
        assertThat(after.get("name").asString()).isEqualTo("东区客户有限公司");
        assertThat(after.get("version").asLong()).isEqualTo(versionBefore);
    }

    @Test
    void aRoleThatDoesNotWorkWithCustomersIsRefusedWith403() {
        fixtures.user("scope.mkt", fixtures.rootUnit(), CustomerTestSupport.HIRED, Role.MARKETING);
        String token = support.bearer(mvc, "scope.mkt");
        assertThat(support.get(mvc, token, "/api/v1/customers")).hasStatus(403);
        assertThat(support.post(mvc, token, "/api/v1/customers", "{\"name\":\"市场部客户\"}")).hasStatus(403);
        assertThat(support.post(mvc, token, "/api/v1/activities", "{}")).hasStatus(403);
    }

    @Test
    void aRepRegistersCustomersAsTheirOwnAndIsToldSoWhenNamingAnotherOwnerEvenOfTheirTeam() {
        var company = support.company("selfown");
        String rep = support.bearer(mvc, company.eastRep());
        var refused = support.post(mvc, rep, "/api/v1/customers",
                "{\"name\":\"代登记测试公司\",\"ownerId\":\"" + company.eastRep2().id() + "\"}");
        assertThat(refused).hasStatus(422).bodyJson().extractingPath("$.errors[0].code").isEqualTo("customer.owner.selfOnly");
        assertThat(refused).bodyJson().extractingPath("$.errors[0].message").asString()
                .containsAnyOf("自己负责", "as your own").doesNotContain("团队").doesNotContain("team");
        // a manager gives customers within the team, and is told so outside it
        String manager = support.bearer(mvc, company.eastManager());
        assertThat(support.post(mvc, manager, "/api/v1/customers",
                "{\"name\":\"代登记测试二公司\",\"ownerId\":\"" + company.westRep().id() + "\"}"))
                .hasStatus(422).bodyJson().extractingPath("$.errors[0].code").isEqualTo("customer.owner.outsideTeam");
        assertThat(support.post(mvc, manager, "/api/v1/customers",
                "{\"name\":\"代登记测试三公司\",\"ownerId\":\"" + company.eastRep2().id() + "\"}")).hasStatus(201);
    }

    @Test
    void contactsPersonalDataIsMaskedForReadersWhoAreNotTheOwnerOrAbove() {
        var company = support.company("mask");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "脱敏测试有限公司", null).get("id").asString();
        support.post(mvc, rep, "/api/v1/customers/" + id + "/contacts",
                "{\"name\":\"孙总\",\"phone\":\"13912345678\",\"email\":\"sun@example.com\",\"wechat\":\"sunwx2026\"}");
        JsonNode own = support.getJson(mvc, rep, "/api/v1/customers/" + id + "/contacts").get("items").get(0);
        assertThat(own.get("phone").asString()).isEqualTo("13912345678");
        assertThat(own.get("masked").asBoolean()).isFalse();
        JsonNode manager = support.getJson(mvc, support.bearer(mvc, company.eastManager()), "/api/v1/customers/" + id + "/contacts").get("items").get(0);
        assertThat(manager.get("email").asString()).isEqualTo("sun@example.com");
        // finance reads every customer, but stands above no owner: masked, and its phone search finds none of them
        String finance = support.bearer(mvc, company.finance());
        JsonNode forFinance = support.getJson(mvc, finance, "/api/v1/customers/" + id + "/contacts").get("items").get(0);
        assertThat(forFinance.get("masked").asBoolean()).isTrue();
        assertThat(forFinance.get("phone").asString()).isEqualTo("139****5678");
        assertThat(support.getJson(mvc, finance, "/api/v1/customers/" + id).get("name").asString())
                .isEqualTo("脱敏测试有限公司");
        assertThat(support.getJson(mvc, finance, "/api/v1/customers?q=13912345678").get("items").size()).isZero();
        assertThat(support.getJson(mvc, support.bearer(mvc, company.director()), "/api/v1/customers?q=13912345678")
                .get("items").valueStream().map(c -> c.get("id").asString()).toList()).contains(id);

        support.post(mvc, rep, "/api/v1/customers/" + id + "/release", "{\"reason\":\"放弃\"}");
        JsonNode pooled = support.getJson(mvc, support.bearer(mvc, company.westRep()), "/api/v1/customers/" + id + "/contacts").get("items").get(0);
        assertThat(pooled.get("masked").asBoolean()).isTrue();
        assertThat(pooled.get("phone").asString()).isEqualTo("139****5678");
        assertThat(pooled.get("email").asString()).isEqualTo("s***@example.com");
        assertThat(pooled.get("wechat").asString()).as("a short id keeps its first and last character only")
                .isEqualTo("s****6");
        JsonNode director = support.getJson(mvc, support.bearer(mvc, company.director()), "/api/v1/customers/" + id + "/contacts").get("items").get(0);
        assertThat(director.get("masked").asBoolean()).isFalse();
    }
}
