package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * A list in a request body holding null ({@code "changes":[null]}) is refused as unreadable, with the element's
 * path — on every route of the API whose body has a list (found by posting junk to a running product: the policy
 * change met the null element and answered 500).
 */
@IntegrationTest
class ApiNullElementTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void aNullInAnyListOfAnyRequestBodyIsRefusedWithoutAServerError() {
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        JsonNode document = fixtures.json(mvc.get().uri("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, admin));
        Map<String, Integer> answers = new TreeMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String ref = operation.getValue().path("requestBody").path("content").path("application/json")
                    .path("schema").path("$ref").asString("");
            JsonNode schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
            schema.path("properties").properties().forEach(property -> {
                if ("array".equals(property.getValue().path("type").asString())) {
                    String uri = path.getKey().replaceAll("\\{[a-zA-Z]+\\}", UUID.randomUUID().toString());
                    MvcTestResult answer = mvc.method(org.springframework.http.HttpMethod.valueOf(
                                    operation.getKey().toUpperCase())).uri(uri).header(HttpHeaders.AUTHORIZATION, admin)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"version\":0,\"" + property.getKey() + "\":[null]}").exchange();
                    answers.put(operation.getKey() + " " + path.getKey() + " " + property.getKey(),
                            answer.getResponse().getStatus());
                }
            });
        }));
        assertThat(answers).containsKey("put /api/v1/policy changes").hasSizeGreaterThan(10);
        // refused as unreadable, or by the role check that comes before the body is read
        assertThat(answers).allSatisfy((route, status) -> assertThat(status).as(route).isIn(400, 403));

        JsonNode problem = fixtures.json(mvc.put().uri("/api/v1/policy").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1,\"reason\":\"x\",\"changes\":[null]}"));
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("changes[0]");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("error.nullElement");
    }
}
