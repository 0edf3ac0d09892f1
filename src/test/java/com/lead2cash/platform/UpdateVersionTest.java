package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * An update carries the version it was read at, as a {@code version} field or {@code If-Match}: without
 * either it is answered 428, a stale one 409 — on every update route of the API.
 */
@IntegrationTest
class UpdateVersionTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    private String admin;

    @BeforeEach
    void signIn() {
        admin = "Bearer " + fixtures.token(mvc, "admin");
    }

    private MvcTestResult put(String uri, String body, String ifMatch) {
        var request = mvc.put().uri(uri).header(HttpHeaders.AUTHORIZATION, admin).contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }

    @Test
    void everyUpdateRouteOfTheApiAnswers428WithoutAVersion() {
        JsonNode document = fixtures.json(mvc.get().uri("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, admin));
        // roles that may use every update route: a route's role check (403) comes before the version (428)
        fixtures.user("updates.every.route", fixtures.rootUnit(), java.time.LocalDate.of(2024, 1, 1), Role.ADMIN,
                Role.SALES_MANAGER, Role.AFTER_SALES);
        String everyRoute = "Bearer " + fixtures.token(mvc, "updates.every.route");
        Map<String, Integer> answers = new TreeMap<>();
        List<String> updates = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (operation.getKey().equals("put") || operation.getKey().equals("patch")) {
                String uri = path.getKey().replaceAll("\\{[a-zA-Z]+\\}", UUID.randomUUID().toString());
                updates.add(operation.getKey() + " " + path.getKey());
                // a readable body without a version: its other fields are checked only once the version is there
                MvcTestResult answer = mvc.method(org.springframework.http.HttpMethod.valueOf(
                                operation.getKey().toUpperCase())).uri(uri).header(HttpHeaders.AUTHORIZATION, everyRoute)
                        .contentType(MediaType.APPLICATION_JSON).content(readableBody(document, operation.getValue()))
                        .exchange();
                answers.put(operation.getKey() + " " + path.getKey(), answer.getResponse().getStatus());
            }
        }));
        assertThat(updates).as("the update routes decided in docs/decisions/0014-refusals.md").contains(
                "put /api/v1/users/{id}", "put /api/v1/org-units/{id}", "put /api/v1/leads/{id}",
                "put /api/v1/lead-territories/{id}", "put /api/v1/notifications/preferences", "put /api/v1/policy",
                "put /api/v1/calendar");
        assertThat(answers).allSatisfy((route, status) -> assertThat(status).as(route).isEqualTo(428));
    }

    /** The smallest body the route can read: its primitive fields (which may not be missing) set, no version. */
    private String readableBody(JsonNode document, JsonNode operation) {
        String ref = operation.path("requestBody").path("content").path("application/json").path("schema")
                .path("$ref").asString("");
        JsonNode schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        StringBuilder body = new StringBuilder("{");
        schema.path("properties").properties().forEach(p -> {
            if ("boolean".equals(p.getValue().path("type").asString())) {
                body.append(body.length() > 1 ? "," : "").append('"').append(p.getKey()).append("\":true");
            }
        });
        return body.append('}').toString();
    }

    @Test
    void ifMatchIsTakenAsTheVersionAndAStaleOneIsAConflict() {
        UUID unit = fixtures.rootUnit();
        JsonNode user = fixtures.json(mvc.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"versioned.user","displayName":"V","password":"Versioned-1","orgUnitId":"%s",
                         "roles":["SALES_REP"],"hireDate":"2024-01-01"}""".formatted(unit)));
        String uri = "/api/v1/users/" + user.get("id").asString();
        String body = """
                {"displayName":"%s","orgUnitId":"%s","roles":["SALES_REP"]}""";

        MvcTestResult missing = put(uri, body.formatted("No version", unit), null);
        assertThat(missing).hasStatus(HttpStatus.PRECONDITION_REQUIRED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.versionRequired");

        assertThat(put(uri, body.formatted("By If-Match", unit), "\"0\"")).hasStatusOk()
                .bodyJson().extractingPath("$.displayName").isEqualTo("By If-Match");
        // RFC 9110: a weak tag never matches under If-Match; it is refused (400), not read as the version it names
        MvcTestResult weak = put(uri, body.formatted("Weak tag", unit), "W/\"1\"");
        assertThat(weak).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code")
                .isEqualTo("error.ifMatch.weak");
        assertThat(weak).bodyJson().extractingPath("$.errors[0].field").isEqualTo("If-Match");
        assertThat(put(uri, body.formatted("Strong tag", unit), "\"1\"")).hasStatusOk()
                .bodyJson().extractingPath("$.version").isEqualTo(2);
        assertThat(put(uri, body.formatted("Stale", unit), "\"1\"")).hasStatus(HttpStatus.CONFLICT);
        assertThat(put(uri, """
                {"displayName":"Both","orgUnitId":"%s","roles":["SALES_REP"],"version":2}""".formatted(unit), "\"1\""))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(put(uri, body.formatted("Garbled", unit), "\"two\"")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(fixtures.json(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, admin)).get("displayName")
                .asString()).isEqualTo("Strong tag");
    }

    @Test
    void aPolicyUpdateIsMadeOnTheVersionItWasReadAt() {
        long read = fixtures.json(mvc.get().uri("/api/v1/policy").header(HttpHeaders.AUTHORIZATION, admin))
                .get("version").asLong();
        String change = """
                {"reason":"%s","changes":[{"rule":"L1","parameter":"window","value":"%s"}]}""";
        assertThat(put("/api/v1/policy", change.formatted("no version", "40m"), null))
                .hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(put("/api/v1/policy", change.formatted("read before", "40m"), "\"" + read + "\""))
                .hasStatus(HttpStatus.CREATED);
        assertThat(put("/api/v1/policy", change.formatted("stale", "45m"), "\"" + read + "\""))
                .hasStatus(HttpStatus.CONFLICT);
    }
}
