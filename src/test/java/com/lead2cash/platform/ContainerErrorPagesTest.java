package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.RealServerTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tomcat refuses before the application sees it (an encoded NUL, backslash or slash, a character no address
 * may hold, a header over the limit) and what the firewall refuses (an encoded dot segment) are answered as the
 * product answers: 400, a page in the product's style for a browser, a problem for the API — never Tomcat's
 * report or its version. Sent over a raw socket, which sends the address as written (Java's clients refuse or
 * normalise these).
 */
@RealServerTest
class ContainerErrorPagesTest {

    private static final String TOMCAT = "Apache Tomcat";
    private static final String TOMCAT_REPORT = "HTTP Status 400 –";

    @LocalServerPort int port;

    private String send(String target, String accept, String language, String extraHeader) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + (accept == null ? "" : "Accept: " + accept + "\r\n")
                    + "Accept-Language: " + language + "\r\n" + (extraHeader == null ? "" : extraHeader + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String page(String target) throws Exception {
        return send(target, "text/html,application/xhtml+xml", "en", null);
    }

    private static void assertProductPage(String answer, String target) {
        assertThat(answer).as(target).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: text/html")
                .contains("bootstrap.min.css", "<h1 class=\"display-6\">400</h1>")
                .doesNotContain(TOMCAT, TOMCAT_REPORT, "Exception");
    }

    @Test
    void anAddressTomcatRefusesIsA400PageInTheProductsStyleWithoutTomcatsReport() throws Exception {
        String nul = page("/c/abc%00def");
        assertProductPage(nul, "an encoded NUL in a public confirmation link");
        assertThat(nul).contains("This page cannot be shown with a value its address holds.")
                .as("a public link's reader is signed in to nothing: no way to the home page").doesNotContain("error-home");
        for (String target : new String[] {"/leads/a%5Cb", "/leads/a%2Fb", "/leads/a{b", "/leads/a\\b", "/leads/%zz"}) {
            String answer = page(target);
            assertProductPage(answer, target);
            assertThat(answer).as(target).contains("id=\"error-home\"");
        }
    }

    @Test
    void theProductsPageSpeaksTheReadersLanguage() throws Exception {
        String answer = send("/leads/a%00b", "text/html", "zh-CN,zh;q=0.9", null);
        assertProductPage(answer, "zh-CN");
        assertThat(answer).contains("lang=\"zh-CN\"", "返回首页");
    }

    @Test
    void anAddressTheFirewallRefusesIsTheSame400Page() throws Exception {
        for (String target : new String[] {"/leads/%2e%2e/x", "/leads//x", "/leads/%2E/x"}) {
            assertProductPage(page(target), target);
        }
    }

    @Test
    void anAddressTheFirewallRefusesIsA400ProblemForAProgramNeverBootsErrorBody() throws Exception {
        for (String target : new String[] {"/c/abc/def;jsessionid=abc", "/login;a=b", "/;x", "/foo//bar"}) {
            for (String accept : new String[] {null, "*/*", "application/json"}) {
                String answer = send(target, accept, "en", null);
                assertThat(answer).as(target + " " + accept).startsWith("HTTP/1.1 400 ")
                        .containsIgnoringCase("Content-Type: application/problem+json")
                        .contains("\"status\":400", "\"code\":\"error.badRequest\"", "\"title\":\"Bad Request\"")
                        .containsIgnoringCase("X-Content-Type-Options: nosniff")
                        .doesNotContain("\"timestamp\"", "\"error\":\"Bad Request\"", "\"path\"", TOMCAT, "<html");
            }
            String page = page(target);
            assertProductPage(page, target);
            assertSecurityHeaders(page, target);
        }
    }

    @Test
    void whatTomcatRefusesCarriesTheProductsSecurityHeaders() throws Exception {
        for (String target : new String[] {"/%", "/c/%00/x", "/leads/a%5Cb"}) {
            String answer = page(target);
            assertProductPage(answer, target);
            assertSecurityHeaders(answer, target);
        }
        for (String target : new String[] {"/api/v1/leads/a%00b", "/api/v1/leads/%2e%2e/x"}) {
            assertThat(send(target, "application/json", "en", null)).as(target).startsWith("HTTP/1.1 400 ")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff").containsIgnoringCase("X-Frame-Options: DENY");
        }
    }

    private static void assertSecurityHeaders(String answer, String target) {
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        assertThat(head).as(target).containsIgnoringCase("X-Content-Type-Options: nosniff")
                .containsIgnoringCase("X-Frame-Options: SAMEORIGIN")
                .containsIgnoringCase("Content-Security-Policy: default-src 'self'; script-src 'self'");
    }

    @Test
    void anApiAddressTomcatOrTheFirewallRefusesIsA400ProblemInTheApisShape() throws Exception {
        for (String target : new String[] {"/api/v1/leads/a%00b", "/api/v1/leads/a%5Cb"}) {
            String answer = send(target, "application/json", "en", null);
            assertThat(answer).as(target).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"status\":400", "\"code\":\"error.badRequest\"", "\"title\":\"Bad Request\"",
                            "The request was refused.")
                    .doesNotContain(TOMCAT, TOMCAT_REPORT, "<html", "\"timestamp\"");
        }
        String rejected = send("/api/v1/leads/%2e%2e/x", "application/json", "en", null);
        assertThat(rejected).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"error.requestRejected\"").doesNotContain(TOMCAT, TOMCAT_REPORT, "<html");
    }

    @Test
    void aHeaderOverTheLimitIsA400ProblemOnTheApiAndA400PageElsewhere() throws Exception {
        String huge = "X-Huge: " + "a".repeat(40 * 1024);
        String api = send("/api/v1/leads", "application/json", "en", huge);
        assertThat(api).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"error.requestTooLarge\"", "too large").doesNotContain(TOMCAT, TOMCAT_REPORT);
        assertProductPage(send("/leads", "text/html", "en", huge), "a header over the limit");
    }

    @Test
    void aCookieOrTokenOverTheLimitIsA400ProblemOnTheApi() throws Exception {
        String tooLong = "a".repeat(40 * 1024);
        for (String huge : new String[] {"Cookie: SESSION=" + tooLong, "Authorization: Bearer l2c_" + tooLong}) {
            String api = send("/api/v1/leads", "application/json", "en", huge);
            assertThat(api).as(huge.substring(0, 20)).startsWith("HTTP/1.1 400 ")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"code\":\"error.requestTooLarge\"").doesNotContain(TOMCAT, TOMCAT_REPORT, "<html");
        }
    }

    @Test
    void aHeaderOverTheLimitIsA400ProblemForAProgramOnTheActuatorAndA400PageForABrowser() throws Exception {
        String cookie = "Cookie: SESSION=" + "a".repeat(40 * 1024);
        String program = send("/actuator/health", "application/json", "zh-CN", cookie);
        assertThat(program).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"error.requestTooLarge\"", "请求过大").doesNotContain(TOMCAT, TOMCAT_REPORT, "<html");
        // the header over the limit is never read whole (Tomcat has its name, not its value): the verdict is the
        // headers' before it
        String token = send("/actuator/metrics", "*/*", "en", "Authorization: Bearer l2c_" + "a".repeat(40 * 1024));
        assertThat(token).as("a token over the limit").startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("Content-Type: application/problem+json").contains("\"code\":\"error.requestTooLarge\"");
        assertProductPage(send("/actuator/health", "text/html,application/xhtml+xml", "en", cookie),
                "a browser's visit to the actuator");
    }

    @Test
    void aRequestLineOverTheLimitIsA400ProblemOnTheApiInTheProductsLanguageAndA400PageElsewhere() throws Exception {
        String query = "?q=" + "a".repeat(70_000);
        // Tomcat refuses the line before it has read a header: the problem cannot know the reader's language, and is
        // in the product's (zh-CN), as for a reader who names none
        String api = send("/api/v1/leads" + query, "application/json", "en", "Authorization: Bearer l2c_whatever");
        assertThat(api).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"status\":400", "\"code\":\"error.requestTooLarge\"", "请求过大，无法读取：请求地址和请求头过长。")
                .doesNotContain(TOMCAT, TOMCAT_REPORT, "<html");
        String absolute = send("http://localhost:" + port + "/api/v1/leads" + query, "application/json", "en", null);
        assertThat(absolute).as("the target in absolute form").startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("Content-Type: application/problem+json");
        assertProductPage(send("/leads" + query, "text/html", "en", null), "a screen's request line over the limit");
        assertProductPage(send("/apix/v1/leads" + query, "text/html", "en", null), "not the API, though it starts alike");
    }

    @Test
    void anApiQueryWithUnencodedChineseIsA400ProblemThatSaysHowToSendIt() throws Exception {
        // curl 'http://…/api/v1/customers?q=走查' sends the UTF-8 bytes as they are; browsers and libraries encode them
        String answer = send("/api/v1/customers?q=走查", "application/json", "en", "Authorization: Bearer l2c_whatever");
        assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"status\":400", "\"code\":\"error.requestTargetUnencoded\"", "%E8%B5%B0%E6%9F%A5", "请按 UTF-8")
                .doesNotContain(TOMCAT, TOMCAT_REPORT, "<html");
    }

    @Test
    void anApiRequestLineTomcatCannotReadIsA400ProblemToo() throws Exception {
        String answer = send("/api/v1/leads/a{b", "application/json", "en", null);
        assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"error.badRequest\"").doesNotContain(TOMCAT, TOMCAT_REPORT, "<html");
    }
}
