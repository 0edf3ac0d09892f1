package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.RealServerTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A search text pasted far too long (1 000 Chinese characters, 9 KB in the address) is answered by the API as a
 * problem naming {@code q}, on every list that searches, not by the server's own HTML page. Sent to the real
 * server, since MockMvc knows no header limit.
 */
@RealServerTest
class LongSearchTextTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired MockMvcTester mvc;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String q, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "?q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en").GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSearchTextOfAThousandChineseCharactersIsA422ProblemNamingQOnEveryList() throws Exception {
        String admin = fixtures.token(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String q = "华".repeat(1000);

        for (String list : new String[] {"/api/v1/leads", "/api/v1/customers", "/api/v1/products", "/api/v1/users"}) {
            HttpResponse<String> answer = get(list, q, admin);
            assertThat(answer.statusCode()).as(list).isEqualTo(422);
            assertThat(answer.headers().firstValue("Content-Type")).as(list).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            JsonNode error = JsonMapper.builder().build().readTree(answer.body()).path("errors").path(0);
            assertThat(error.path("field").asString()).as(list).isEqualTo("q");
            assertThat(error.path("code").asString()).as(list).isEqualTo("error.input.tooLong");
        }
    }

    @Test
    void aSearchTextOfTheLongestNameIsAnsweredAsUsual() throws Exception {
        String admin = fixtures.token(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        assertThat(get("/api/v1/leads", "华为", admin).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/customers", "华".repeat(InputRules.MAX_SEARCH), admin).statusCode()).isEqualTo(200);
    }
}
