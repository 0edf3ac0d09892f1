package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.RealServerTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What the server answers before any controller is chosen — the container refusing a method, an {@code OPTIONS}
 * a browser sends first — is the API's problem too, never Boot's own error body and never a 500. Sent to the real
 * server, since MockMvc has no container to refuse anything.
 */
@RealServerTest
class ApiErrorShapeTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired MockMvcTester mvc;

    private String send(String method, String target, String... headers) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept-Language: en\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            out.write(request.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMethodTheServerRefusesOnAnApiAddressIsA405Problem() throws Exception {
        String admin = "Authorization: Bearer " + fixtures.token(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        for (String answer : new String[] {send("TRACE", "/api/v1/me", admin),
                send("TRACE", "/api/v1/me", admin, "Accept: text/html"), send("TRACE", "/api/v1/me")}) {
            assertThat(answer).startsWith("HTTP/1.1 405").contains("application/problem+json", "\"error.wrongMethod\"",
                    "\"instance\":\"/api/v1/me\"").doesNotContain("\"timestamp\"", "Internal Server Error");
        }
        // a screen's address keeps its page
        assertThat(send("TRACE", "/leads", "Accept: text/html")).startsWith("HTTP/1.1 405")
                .doesNotContain("application/problem+json");
    }

    @Test
    void aTraceIsRefusedWithTheMethodsItsRouteTakesNotTheContainersList() throws Exception {
        String admin = "Authorization: Bearer " + fixtures.token(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        for (String answer : new String[] {send("TRACE", "/api/v1/leads", admin),
                send("TRACE", "/api/v1/leads", admin, "Accept: application/json"), send("TRACE", "/api/v1/leads")}) {
            assertThat(answer).startsWith("HTTP/1.1 405").contains("\r\nAllow: GET, POST\r\n", "application/problem+json",
                    "\"error.wrongMethod\"");
        }
        // a word a route of its own takes, not the id of the route beside (as a GET of it is refused)
        assertThat(send("TRACE", "/api/v1/leads/imports", admin, "Accept: application/json")).startsWith("HTTP/1.1 405")
                .contains("\r\nAllow: POST\r\n");
        assertThat(send("TRACE", "/actuator/health", "Accept: application/json")).startsWith("HTTP/1.1 405")
                .contains("\r\nAllow: GET\r\n", "application/problem+json", "\"error.wrongMethod\"");
        // no route has the address: nothing to allow
        String none = send("TRACE", "/api/v1/nope", admin, "Accept: application/json");
        assertThat(none).startsWith("HTTP/1.1 404").contains("application/problem+json", "\"error.noRoute\"")
                .doesNotContainIgnoringCase("\r\nAllow:");
    }

    @Test
    void aMethodTheServerRefusesOnAScreensAddressIsA405ProblemForAProgramAndThePageForABrowser() throws Exception {
        for (String[] call : new String[][] {{"/", "GET"}, {"/c/x/y", "GET, POST"}}) {
            for (String answer : new String[] {send("TRACE", call[0]), send("TRACE", call[0], "Accept: */*")}) {
                assertThat(answer).as(call[0]).startsWith("HTTP/1.1 405").contains("application/problem+json",
                                "\"error.wrongMethod\"", "\r\nAllow: " + call[1] + "\r\n")
                        .doesNotContain("\"timestamp\"", "\"path\"", "PUT");
            }
            assertThat(send("TRACE", call[0], "Accept: text/html")).as(call[0]).startsWith("HTTP/1.1 405")
                    .contains("\r\nAllow: " + call[1] + "\r\n", "<h1 class=\"display-6\">405</h1>")
                    .doesNotContain("application/problem+json", "\"timestamp\"");
        }
    }

    @Test
    void anOptionsRequestOnTheWebToLeadEndpointNeedsNoKey() throws Exception {
        String answer = send("OPTIONS", "/api/v1/public/leads");
        assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("Allow: ").contains("POST");
        String preflight = send("OPTIONS", "/api/v1/public/leads", "Origin: https://www.example.com",
                "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: x-api-key,content-type");
        assertThat(preflight).doesNotStartWith("HTTP/1.1 5").doesNotContainIgnoringCase("Access-Control-Allow-Origin")
                .doesNotContain("\"timestamp\"");
    }
}
