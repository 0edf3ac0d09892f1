package com.lead2cash.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.AftersalesTestSupport;
import com.lead2cash.testing.AftersalesTestSupport.Service;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** The after-sales screens render in Chinese and English for those who work them, and show nothing out of scope. */
@IntegrationTest
class AftersalesPagesTest {

    @Autowired MockMvcTester mvc;
    @Autowired AftersalesTestSupport support;
    @Autowired CustomerTestSupport customers;

    static String html(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String page(Cookie session, String path, String lang) throws Exception {
        MvcTestResult result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
        assertThat(result).as(path + " " + lang).hasStatusOk();
        String html = html(result);
        assertThat(html).as("untranslated key on " + path + " " + lang).doesNotContain("??");
        return html;
    }

    @Test
    void everyScreenRendersInBothLanguagesForTheRepAndForAfterSales() throws Exception {
        Service s = support.service("pages");
        String customer = support.customer(s.rep(), "杭州页面科技有限公司");
        String handoverId = support.signed(customer, s.rep(), "HT-2026-800001");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode complaint = customers.postJson(mvc, rep, "/api/v1/complaints", """
                {"customerId":"%s","category":"DELIVERY","severity":"CRITICAL","description":"到货延误三天"}"""
                .formatted(customer));
        String complaintId = complaint.get("id").asString();
        Cookie repSession = customers.session(mvc, s.rep());
        for (String lang : List.of("zh-CN", "en")) {
            for (String path : List.of("/handovers", "/handovers?status=OPEN", "/handovers/" + handoverId, "/complaints",
                    "/complaints?sla=ON_TRACK&severity=CRITICAL&levelOne=true", "/complaints/new?customerId=" + customer,
                    "/complaints/" + complaintId, "/aftersales/customers/" + customer + "/panel", "/customers/" + customer)) {
                page(repSession, path, lang);
            }
        }
        assertThat(page(repSession, "/handovers/" + handoverId, "zh-CN")).contains("checklist-form", "移交售后");
        assertThat(page(repSession, "/complaints/" + complaintId, "en")).contains("Major complaint · level-I incident",
                "classify-form");
        assertThat(page(repSession, "/complaints", "zh-CN")).contains(complaint.get("code").asString(), "一级");
        assertThat(page(repSession, "/complaints?severity=CRITICAL&sla=ON_TRACK", "en")).as("the filters keep what was chosen")
                .contains("<option value=\"CRITICAL\" selected=\"selected\">", "<option value=\"ON_TRACK\" selected=\"selected\">")
                .doesNotContain("<option value=\"MAJOR\" selected");
        assertThat(page(repSession, "/aftersales/customers/" + customer + "/panel", "zh-CN"))
                .contains("尚未交接", "id=\"open-complaints\"");
        assertThat(page(repSession, "/customers/" + customer, "zh-CN")).contains("/aftersales/customers/" + customer + "/panel");

        Cookie serviceSession = customers.session(mvc, s.afterSales());
        assertThat(page(serviceSession, "/complaints/new", "zh-CN")).as("nobody handed to them yet").contains("no-customer");
        assertThat(mvc.get().uri("/handovers/" + handoverId).cookie(serviceSession).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/complaints/" + complaintId).cookie(serviceSession).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/aftersales/customers/" + customer + "/panel").cookie(serviceSession).exchange())
                .hasStatus(404);
        assertThat(page(serviceSession, "/handovers", "en")).doesNotContain(handoverId);
        Cookie otherSession = customers.session(mvc, s.otherRep());
        assertThat(mvc.get().uri("/complaints/" + complaintId).cookie(otherSession).exchange()).hasStatus(404);
        assertThat(page(otherSession, "/complaints", "zh-CN")).doesNotContain(complaint.get("code").asString());
        Cookie financeSession = customers.session(mvc, s.company().finance());
        assertThat(mvc.get().uri("/complaints").cookie(financeSession).exchange()).hasStatus(403);
        // the card's route refuses finance (403): their customer page does not load it
        assertThat(mvc.get().uri("/aftersales/customers/" + customer + "/panel").cookie(financeSession).exchange())
                .hasStatus(403);
        assertThat(page(financeSession, "/customers/" + customer, "en")).doesNotContain("/aftersales/customers/");
    }
}
