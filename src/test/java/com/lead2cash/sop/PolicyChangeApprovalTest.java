package com.lead2cash.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** A policy change can go through the approval mechanism: it takes effect only once the director approves. */
@IntegrationTest
class PolicyChangeApprovalTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired com.lead2cash.sop.internal.policy.PolicyService policy;

    private JsonNode call(String method, String token, String uri, String body) {
        var request = "POST".equals(method) ? mvc.post().uri(uri) : mvc.get().uri(uri);
        request = request.header(HttpHeaders.AUTHORIZATION, token);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return fixtures.json(request);
    }

    private String propose(String admin, String minutes) {
        var result = mvc.post().uri("/api/v1/policy/proposals").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reason":"筛选时限调整","changes":[{"rule":"L1","parameter":"window","value":"%s business"}]}
                        """.formatted(minutes)).exchange();
        assertThat(result).hasStatus(HttpStatus.ACCEPTED);
        return fixtures.mapper().readTree(result.getResponse().getContentAsByteArray()).get("id").asString();
    }

    /** The approval is opened by an event listener after the proposal commits, so it may take a moment. */
    private String pendingApprovalFor(String director, String proposal) {
        return Awaitility.await("an approval for proposal " + proposal).atMost(Duration.ofSeconds(10))
                .until(() -> call("GET", director, "/api/v1/approvals?mine=pending", null).get("items").valueStream()
                        .filter(item -> proposal.equals(item.get("subjectId").asString()))
                        .map(item -> item.get("id").asString()).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private void awaitProposalState(String admin, String proposal, String state) {
        Awaitility.await("proposal " + proposal + " " + state).atMost(Duration.ofSeconds(10))
                .until(() -> call("GET", admin, "/api/v1/policy/proposals", null).valueStream()
                        .anyMatch(p -> proposal.equals(p.get("id").asString()) && state.equals(p.get("state").asString())));
    }

    @Test
    void aProposedChangeTakesEffectOnlyWhenTheDirectorApproves() throws Exception {
        fixtures.user("policy.director", fixtures.rootUnit(), LocalDate.of(2015, 1, 1), Role.SALES_DIRECTOR);
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        String director = "Bearer " + fixtures.token(mvc, "policy.director");
        long before = policy.current().version();

        String approved = propose(admin, "45m");
        assertThat(policy.current().version()).as("nothing changes before the decision").isEqualTo(before);
        JsonNode decision = call("POST", director, "/api/v1/approvals/" + pendingApprovalFor(director, approved) + "/decision",
                "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}");
        assertThat(decision.get("state").asString()).isEqualTo("APPROVED");
        awaitProposalState(admin, approved, "APPLIED");
        assertThat(policy.current().version()).isEqualTo(before + 1);
        assertThat(policy.current().deadlineWindow("L1").duration()).isEqualTo(BusinessDuration.ofMinutes(45));

        String rejected = propose(admin, "50m");
        call("POST", director, "/api/v1/approvals/" + pendingApprovalFor(director, rejected) + "/decision",
                "{\"decision\":\"REJECT\",\"comment\":\"不同意\"}");
        awaitProposalState(admin, rejected, "REJECTED");
        assertThat(policy.current().version()).isEqualTo(before + 1);

    }

    @Test
    void anInvalidProposalIsRefusedAtOnce() {
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        assertThat(mvc.post().uri("/api/v1/policy/proposals").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"错误\",\"changes\":[{\"rule\":\"L1\",\"parameter\":\"window\",\"value\":\"soon\"}]}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(call("GET", admin, "/api/v1/policy/proposals", null).findValuesAsString("reason")).doesNotContain("错误");
    }
}
