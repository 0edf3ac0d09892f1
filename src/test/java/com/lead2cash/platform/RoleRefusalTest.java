package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * A role that may not do something is answered 403 — before its body is read (so an invalid body does
 * not turn the refusal into a 400 or 422), and also when the service decides it from who asks.
 */
@IntegrationTest
class RoleRefusalTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired com.lead2cash.testing.Fixtures fixtures;

    private static LeadTestSupport.Company co;
    private String rep;

    @BeforeEach
    void company() {
        if (co == null) {
            co = support.company(mvc, "roles");
        }
        rep = support.bearer(mvc, co.junior().username());
    }

    private MvcTestResult send(HttpMethod method, String token, String uri, String body) {
        return mvc.method(method).uri(uri).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Test
    void aRepSendingAnInvalidBodyToARouteOfAnotherRoleGets403NotA400Or422() {
        String lead = "/api/v1/leads/" + UUID.randomUUID();
        Map<String, Integer> answers = new TreeMap<>();
        for (String[] route : new String[][] {
                {"POST", "/api/v1/policy", "{\"reason\":\"\",\"changes\":[]}"},
                {"PUT", "/api/v1/policy", "{}"},
                {"POST", "/api/v1/policy/proposals", "not json at all"},
                {"PUT", "/api/v1/calendar", "{\"workStart\":\"25:99\"}"},
                {"POST", "/api/v1/calendar/exceptions", "{\"day\":\"someday\"}"},
                {"POST", "/api/v1/users", "{\"username\":\"\\u0000\"}"},
                {"PUT", "/api/v1/org-units/" + UUID.randomUUID(), "{}"},
                {"POST", "/api/v1/lead-api-keys", "{\"ratePerMinute\":\"lots\"}"},
                {"POST", "/api/v1/lead-territories", "[]"},
                {"PUT", "/api/v1/lead-territories/" + UUID.randomUUID(), "{}"},
                {"POST", "/api/v1/approvals", "{\"steps\":\"none\"}"},
                {"POST", lead + "/assign", "{\"ownerId\":\"not-an-id\"}"},
                {"POST", "/api/v1/leads/bulk-assign", "{\"leadIds\":7}"},
                {"POST", lead + "/arbitrate", "{\"winnerId\":false}"},
                {"POST", lead + "/reopen", "{\"version\":\"x\"}"}}) {
            MvcTestResult answer = send(HttpMethod.valueOf(route[0]), rep, route[1], route[2]);
            answers.put(route[0] + " " + route[1].replace(lead, "/api/v1/leads/{id}"), answer.getResponse().getStatus());
        }
        assertThat(answers).allSatisfy((route, status) -> assertThat(status).as(route).isEqualTo(403));
    }

    /**
     * A role that may never take a record's action (finance never records a delivery, a rep never issues an invoice,
     * the administrator never works a complaint) is refused by the route: 403 before the body is read, so neither a
     * missing version (428) nor the record's state (422) nor an unknown id (404) is told first.
     */
    @Test
    void aRoleThatMayNeverTakeARecordsActionGets403WhateverTheBody() {
        fixtures.user("finance.never", co.east(), java.time.LocalDate.of(2024, 1, 1), Role.FINANCE);
        fixtures.user("admin.never", co.east(), java.time.LocalDate.of(2024, 1, 1), Role.ADMIN);
        String finance = support.bearer(mvc, "finance.never");
        String admin = support.bearer(mvc, "admin.never");
        String id = UUID.randomUUID().toString();
        Map<String, String> tokens = Map.of("rep", rep, "finance", finance, "admin", admin);
        Map<String, Integer> answers = new TreeMap<>();
        for (String[] route : new String[][] {
                {"rep", "POST", "/api/v1/receivables/{id}/write-off", "{}"},
                {"rep", "POST", "/api/v1/invoices/{id}/issue", "{}"},
                {"rep", "POST", "/api/v1/invoices/{id}/red-reversal", "{}"},
                {"rep", "POST", "/api/v1/handovers/{id}/accept", "{}"},
                {"rep", "POST", "/api/v1/handovers/{id}/return", "{}"},
                {"rep", "POST", "/api/v1/orders/{id}/preparation", "{}"},
                {"rep", "POST", "/api/v1/orders/{id}/shipments", "{}"},
                {"rep", "POST", "/api/v1/orders/{id}/shipments/1/waybill", "{}"},
                {"rep", "POST", "/api/v1/orders/{id}/shipments/1/cancellation", "{}"},
                {"rep", "POST", "/api/v1/contracts/{id}/reviews/LEGAL", "{}"},
                {"rep", "POST", "/api/v1/contracts/{id}/decision", "{}"},
                {"rep", "DELETE", "/api/v1/contracts/{id}", ""},
                {"finance", "POST", "/api/v1/orders/{id}/delivery", "{}"},
                {"finance", "POST", "/api/v1/orders/{id}/delays", "{}"},
                {"finance", "POST", "/api/v1/orders/{id}/progress-notes", "{}"},
                {"finance", "POST", "/api/v1/orders/{id}/delays/customer-told", ""},
                {"finance", "POST", "/api/v1/orders/{id}/acceptance/send", "{}"},
                {"finance", "PUT", "/api/v1/contracts/{id}", "{}"},
                {"finance", "PUT", "/api/v1/contracts/{id}/sections/scope", "{}"},
                {"finance", "POST", "/api/v1/contracts/{id}/sections", "{}"},
                {"finance", "DELETE", "/api/v1/contracts/{id}/sections/scope", ""},
                {"finance", "POST", "/api/v1/contracts/{id}/submit", "{}"},
                {"finance", "POST", "/api/v1/contracts/{id}/archive", "{}"},
                {"finance", "POST", "/api/v1/contracts/{id}/termination", "{}"},
                {"admin", "PUT", "/api/v1/handovers/{id}/checklist", "{}"},
                {"admin", "POST", "/api/v1/handovers/{id}/hand-over", "{}"},
                {"admin", "POST", "/api/v1/complaints/{id}/classify", "{}"},
                {"admin", "POST", "/api/v1/complaints/{id}/first-response", "{}"},
                {"admin", "PUT", "/api/v1/complaints/{id}/root-cause", "{}"},
                {"admin", "POST", "/api/v1/complaints/{id}/feedback", "{}"},
                {"admin", "POST", "/api/v1/complaints/{id}/rating-request", "{}"},
                {"admin", "POST", "/api/v1/complaints/{id}/close", "{}"}}) {
            MvcTestResult answer = send(HttpMethod.valueOf(route[1]), tokens.get(route[0]), route[2].replace("{id}", id),
                    route[3]);
            answers.put(route[0] + " " + route[1] + " " + route[2], answer.getResponse().getStatus());
        }
        for (String[] upload : new String[][] {
                {"finance", "/api/v1/orders/{id}/acceptance", "form"},
                {"finance", "/api/v1/contracts/{id}/signing", "scan"},
                {"finance", "/api/v1/contracts/{id}/amendments", "scan"},
                {"finance", "/api/v1/contracts/{id}/files", "file"},
                {"admin", "/api/v1/complaints/{id}/evidence", "file"}}) {
            MvcTestResult answer = mvc.post().uri(upload[1].replace("{id}", id)).multipart()
                    .file(new org.springframework.mock.web.MockMultipartFile(upload[2], "a.pdf", "application/pdf",
                            new byte[] {'%', 'P', 'D', 'F'}))
                    .header(HttpHeaders.AUTHORIZATION, tokens.get(upload[0])).exchange();
            answers.put(upload[0] + " POST " + upload[1], answer.getResponse().getStatus());
        }
        assertThat(answers).hasSize(37).allSatisfy((route, status) -> assertThat(status).as(route).isEqualTo(403));
    }

    @Test
    void aManagerCannotClaimAPoolLeadAsARep() {
        String manager = support.bearer(mvc, co.eastManager().username());
        assertThat(send(HttpMethod.POST, manager, "/api/v1/leads/" + UUID.randomUUID() + "/claim", ""))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whoMayActIsDecidedByTheServiceToo403() {
        fixtures.user("assistant.roles", co.east(), java.time.LocalDate.of(2024, 1, 1), Role.SALES_ASSISTANT);
        String assistant = support.bearer(mvc, "assistant.roles");
        String marketing = support.bearer(mvc, co.marketing().username());
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeALead("角色测试有限公司", "13800001111"));
        assertThat(lead.get("ownerId").asString()).isEqualTo(co.senior().id().toString());
        // the team's assistant sees the lead, but neither owns it nor manages: it may not log the first response
        MvcTestResult contact = send(HttpMethod.POST, assistant, "/api/v1/leads/" + lead.get("id").asString()
                + "/contact-attempts", """
                {"channel":"PHONE","intent":"HIGH","summary":"打过电话"}""");
        assertThat(contact).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.code").isEqualTo("lead.contact.ownerOnly");
    }

    @Test
    void theManagersRouteCheckNamesExactlyTheManagerialRoles() {
        assertThat(roles(RoleChecks.MANAGERS)).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Role.values()).filter(Role::isManagerial).map(Role::name).toList());
        assertThat(roles(RoleChecks.REPS)).containsExactlyInAnyOrder("SALES_REP", "ACCOUNT_MANAGER");
    }

    private static java.util.List<String> roles(String expression) {
        java.util.List<String> names = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(expression);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
