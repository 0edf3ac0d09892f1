package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * A screen's edit form sent with its version field empty (or without it) cannot be checked against a change made
 * since the form was opened: it is refused (428, the error page saying why), and nothing is saved over the newer
 * change — as the API refuses an update without a version. Sent with the version it was read at, it saves.
 */
@IntegrationTest
@Import(TestClock.class)
class PageFormVersionTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired CustomerTestSupport support;
    @Autowired SalesTestSupport sales;

    @Test
    void aCustomersEditFormWithoutItsVersionIsRefusedAndSavesNothing() throws Exception {
        var company = support.company("fv-cust");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "版本校验客户有限公司", "\"address\":\"上海市徐汇区漕溪北路1号\"")
                .get("id").asString();
        String before = support.getJson(mvc, rep, "/api/v1/customers/" + id).get("version").asString();
        Cookie session = fixtures.session(mvc, company.eastRep().username(), Fixtures.PASSWORD);
        String path = "/customers/" + id + "/edit";

        for (String[] version : new String[][] {{"version", ""}, {"version", " "}, {"version", "abc"}, {}}) {
            MvcTestResult result = post(session, path + "?lang=en", version, "name", "版本校验客户改名有限公司");
            assertThat(result).as(String.join("=", version)).hasStatus(428).hasViewName("error");
            assertThat(body(result)).contains("sent without the version of the record it changes");
        }
        assertThat(body(post(session, path + "?lang=zh-CN", new String[] {"version", ""}, "name", "改名")))
                .contains("此表单未带上所改记录的版本号");
        JsonNode after = support.getJson(mvc, rep, "/api/v1/customers/" + id);
        assertThat(after.get("version").asString()).as("nothing saved").isEqualTo(before);
        assertThat(after.get("name").asString()).isEqualTo("版本校验客户有限公司");
        assertThat(after.get("address").asString()).as("the address kept").isEqualTo("上海市徐汇区漕溪北路1号");

        MvcTestResult saved = post(session, path, new String[] {"version", before}, "name", "版本校验客户改名有限公司",
                "address", "上海市徐汇区漕溪北路1号");
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(support.getJson(mvc, rep, "/api/v1/customers/" + id).get("name").asString())
                .isEqualTo("版本校验客户改名有限公司");
    }

    @Test
    void anOpportunitysEditFormWithoutItsVersionIsRefusedAndSavesNothing() throws Exception {
        var team = sales.team("fv-opp");
        String rep = sales.bearer(mvc, team.rep());
        String customer = support.customer(mvc, rep, "版本校验商机客户有限公司", null).get("id").asString();
        String id = sales.opportunity(mvc, rep, customer, "版本校验商机", "50000").get("id").asString();
        JsonNode read = support.getJson(mvc, rep, "/api/v1/opportunities/" + id);
        String before = read.get("version").asString();
        Cookie session = fixtures.session(mvc, team.rep().username(), Fixtures.PASSWORD);
        String[] fields = {"customerId", customer, "name", "版本校验商机改名", "amount", "60000",
                "expectedCloseDate", "2026-12-31", "productLines", "安防"};

        MvcTestResult refused = post(session, "/opportunities/" + id, new String[] {"version", ""}, fields);
        assertThat(refused).hasStatus(428).hasViewName("error");
        JsonNode after = support.getJson(mvc, rep, "/api/v1/opportunities/" + id);
        assertThat(after.get("version").asString()).as("nothing saved").isEqualTo(before);
        assertThat(after.get("name").asString()).isEqualTo("版本校验商机");

        assertThat(post(session, "/opportunities/" + id, new String[] {"version", before}, fields))
                .hasStatus3xxRedirection();
        assertThat(support.getJson(mvc, rep, "/api/v1/opportunities/" + id).get("name").asString())
                .isEqualTo("版本校验商机改名");
    }

    private MvcTestResult post(Cookie session, String path, String[] version, String... params) {
        var request = mvc.post().uri(path).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        if (version.length == 2) {
            request = request.param(version[0], version[1]);
        }
        return request.exchange();
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
