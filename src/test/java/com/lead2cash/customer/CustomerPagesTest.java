package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.TestClock;
import org.springframework.context.annotation.Import;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Every customer screen renders with data, for the roles it is for, in Chinese and English, with no key left untranslated. */
@IntegrationTest
@Import(TestClock.class)
class CustomerPagesTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired CustomerTestSupport support;

    @Test
    void customerScreensRenderWithDataInBothLanguages() throws Exception {
        var company = support.company("pages");
        String rep = support.bearer(mvc, company.eastRep());
        JsonNode customer = support.customer(mvc, rep, "页面测试有限公司", "\"grade\":\"A\",\"industryPosition\":\"HIGH\"");
        String id = customer.get("id").asString();
        JsonNode contact = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/contacts",
                "{\"name\":\"李工\",\"phone\":\"13900139000\",\"role\":\"USER\"}");
        support.post(mvc, rep, "/api/v1/activities", """
                {"customerId":"%s","type":"DEMO","occurredAt":"%s","contactIds":["%s"],"summary":"演示","objections":"价格高"}
                """.formatted(id, TestClock.START.minusSeconds(600), contact.get("id").asString()));
        JsonNode pooled = support.customer(mvc, rep, "公海测试有限公司", null);
        support.post(mvc, rep, "/api/v1/customers/" + pooled.get("id").asString() + "/release", "{\"reason\":\"无需求\"}");

        check(company.eastRep().username(), List.of("/", "/customers", "/customers?view=mine&grade=A", "/customers/pool",
                "/customers/new", "/customers/" + id, "/customers/" + id + "/edit", "/customers/" + id + "/timeline",
                "/customers/follow-ups", "/customers/follow-ups/panel", "/customers/" + pooled.get("id").asString(),
                "/customers/imports"));
        check(company.eastManager().username(), List.of("/", "/customers", "/customers/pool", "/customers/" + id,
                "/customers/follow-ups/team", "/customers/follow-ups/team/panel", "/customers?bucket=POTENTIAL&q=页面"));
        check(company.finance().username(), List.of("/customers", "/customers/" + id));

        // finance reads customers and registers none: the list offers neither registering nor importing
        Cookie finance = fixtures.session(mvc, company.finance().username(), Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/customers").cookie(finance).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("id=\"new-customer\"", "id=\"import-customers\"");
        assertThat(mvc.get().uri("/customers/new").cookie(finance).exchange()).hasStatus(403);
        Cookie eastRep = fixtures.session(mvc, company.eastRep().username(), Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/customers").cookie(eastRep).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"new-customer\"", "id=\"import-customers\"");
    }

    @Test
    void theDeadlinesPageNamesACustomersAndAFollowUpsDeadlinesByTheCustomerNotByTypeAndId() throws Exception {
        var company = support.company("dl");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "期限名称有限公司", "\"grade\":\"A\"").get("id").asString();
        String code = support.getJson(mvc, rep, "/api/v1/customers/" + id).get("code").asString();
        String activity = support.postJson(mvc, rep, "/api/v1/activities", """
                {"customerId":"%s","type":"DEMO","occurredAt":"%s","summary":"演示"}
                """.formatted(id, TestClock.START.minusSeconds(600))).get("id").asString();
        assertThat(support.deadlines("Customer", id)).isNotEmpty();
        assertThat(support.deadlines("Activity", activity)).isNotEmpty();

        Cookie session = fixtures.session(mvc, company.eastRep().username(), Fixtures.PASSWORD);
        String page = mvc.get().uri("/deadlines?scope=mine&lang=en").cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(code + " 期限名称有限公司", "href=\"/customers/" + id + "\"",
                        code + " 期限名称有限公司 · ")
                .doesNotContain("Customer " + id, "Activity " + activity);
    }

    private void check(String user, List<String> paths) throws Exception {
        Cookie session = fixtures.session(mvc, user, Fixtures.PASSWORD);
        for (String path : paths) {
            for (String lang : new String[] {"zh-CN", "en"}) {
                var result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
                assertThat(result).as(user + " " + path + " " + lang).hasStatusOk();
                String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as("untranslated key on " + path).doesNotContain("??");
            }
        }
    }
}
