package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.RealServerTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON body past {@code l2c.web.max-body-size} (2 MB) is refused with 413 and never read whole: one that says
 * its length up front, and one sent in chunks without saying it. Sent to the real server, since MockMvc has no
 * chunked bodies.
 */
@RealServerTest
class RequestBodyLimitTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    private final HttpClient client = HttpClient.newHttpClient();
    private String admin;

    @BeforeEach
    void signIn() {
        admin = fixtures.token(mvc, "admin", Fixtures.ADMIN_PASSWORD);
    }

    /** A valid lead with an unknown field of {@code padding} bytes, which the reader would skip. */
    private static byte[] lead(String name, int padding) {
        // padded with the whitespace JSON allows between tokens: a body of any size the API reads whole
        return ("{\"companyName\":\"" + name + "\",\"source\":\"TRADE_SHOW\"" + " ".repeat(padding) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String token, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/leads"))
                .header("Content-Type", "application/json").header("Accept-Language", "en").POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Without a length: the client sends it chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private int leadsNamed(String name) {
        return jdbc.sql("select count(*) from lead_lead where company_name = :n").param("n", name)
                .query(Integer.class).single();
    }

    private static void assertTooLarge(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonMapper.builder().build().readTree(answer.body()).path("code").asString())
                .isEqualTo("error.bodyTooLarge");
    }

    @Test
    void aBodyThatSaysItIsPastTheLimitIs413AndStoresNothing() throws Exception {
        assertTooLarge(post(admin, HttpRequest.BodyPublishers.ofByteArray(lead("超长正文公司", 3 << 20))));
        assertThat(leadsNamed("超长正文公司")).isZero();
    }

    @Test
    void aChunkedBodyIsCutOffWhereItPassesTheLimit() throws Exception {
        assertTooLarge(post(admin, chunked(lead("分块超长公司", 3 << 20))));
        assertThat(leadsNamed("分块超长公司")).isZero();
        // within the limit, chunked or not, the body is read as ever
        assertThat(post(admin, chunked(lead("分块正常公司", 1 << 20))).statusCode()).isEqualTo(201);
        assertThat(leadsNamed("分块正常公司")).isEqualTo(1);
    }

    @Test
    void withoutATokenTheAnswerIs401WhateverTheBodysSize() throws Exception {
        assertThat(post(null, HttpRequest.BodyPublishers.ofByteArray(lead("无令牌公司", 3 << 20))).statusCode())
                .isEqualTo(401);
    }
}
