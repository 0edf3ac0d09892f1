package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.RealServerTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload whose body cannot be read as parts — cut off before its closing boundary (a dropped upload), or sent
 * without a boundary — is the caller's mistake: 400, a problem in the API and the error page on a screen, never a
 * 500 with an ERROR and its stack in the log. Someone not signed in is refused (401, or sign-in on a screen) before
 * the body is read at all. Sent to the real server: its container reads the parts.
 */
@RealServerTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedUploadTest {

    private static final String BOUNDARY = "XYZ";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
    /** A file part with no closing boundary: the upload stopped on its way. */
    private static final String CUT_OFF = "--" + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc";

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired MockMvcTester mvc;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private List<String> apiUploads() {
        return List.of("/api/v1/leads/imports", "/api/v1/customers/imports", "/api/v1/products/import",
                "/api/v1/calendar/import", "/api/v1/complaints/" + UUID.randomUUID() + "/evidence");
    }

    /** {@code body} posted to {@code path} in English, with the headers given as name and value pairs. */
    private HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept-Language", "en").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyCutOffOrWithoutABoundaryIsA400ProblemOnEveryUploadOfTheApiAndNoErrorIsLogged(CapturedOutput log)
            throws Exception {
        String admin = "Bearer " + fixtures.token(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        for (String path : apiUploads()) {
            HttpResponse<String> answer = post(path, MULTIPART, CUT_OFF, "Authorization", admin);
            assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(answer.body()).get("code").asString()).as(path).isEqualTo("error.uploadUnreadable");
            assertThat(json.readTree(answer.body()).get("detail").asString()).as(path).contains("could not be read");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
        HttpResponse<String> noBoundary = post("/api/v1/leads/imports", "multipart/form-data", CUT_OFF,
                "Authorization", admin);
        assertThat(noBoundary.statusCode()).as(noBoundary.body()).isEqualTo(400);
        assertThat(json.readTree(noBoundary.body()).get("code").asString()).isEqualTo("error.uploadUnreadable");

        assertThat(log.getAll().lines().filter(line -> line.contains(" ERROR ")).toList()).isEmpty();
        assertThat(log.getAll()).doesNotContain("error.unexpected", "\tat org.apache.tomcat.util.http.fileupload");
    }

    @Test
    void aBodyCutOffOnAScreenIsTheProducts400PageWithItsSecurityHeaders() throws Exception {
        String session = "SESSION=" + fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD).getValue();
        for (String path : List.of("/complaints/" + UUID.randomUUID() + "/evidence", "/leads/imports")) {
            HttpResponse<String> page = post(path, MULTIPART, CUT_OFF, "Accept", "text/html", "Cookie", session);
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).as(path).contains("id=\"error-detail\"", "The upload could not be read")
                    .doesNotContain("problem+json");
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
        }
    }

    /** {@code body} posted to {@code path} with only the headers given (no Accept-Language unless one is given). */
    private HttpResponse<String> postAsIs(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", MULTIPART)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The error page of a refused upload is rendered before the dispatcher, and was in the server's own language
     * (English) whatever the reader's: it is in the reader's, as every page — zh-CN without Accept-Language, the
     * language cookie over the browser's header, a {@code ?lang=} on the address over both.
     */
    @Test
    void theErrorPageOfAnUnreadableUploadIsInTheReadersLanguage() throws Exception {
        String session = "SESSION=" + fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD).getValue();
        String chinese = "无法读取上传的内容";
        String english = "The upload could not be read";

        HttpResponse<String> noHeader = postAsIs("/leads/imports", CUT_OFF, "Accept", "text/html", "Cookie", session);
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(noHeader.body()).contains("lang=\"zh-CN\"", chinese).doesNotContain(english);

        HttpResponse<String> cookie = postAsIs("/leads/imports", CUT_OFF, "Accept", "text/html",
                "Accept-Language", "zh-CN", "Cookie", session + "; L2C_LANG=en");
        assertThat(cookie.statusCode()).isEqualTo(400);
        assertThat(cookie.body()).contains("lang=\"en\"", english).doesNotContain(chinese);

        HttpResponse<String> picked = postAsIs("/leads/imports?lang=en", CUT_OFF, "Accept", "text/html",
                "Accept-Language", "zh-CN", "Cookie", session);
        assertThat(picked.statusCode()).isEqualTo(400);
        assertThat(picked.body()).contains("lang=\"en\"", english).doesNotContain(chinese);

        HttpResponse<String> chosenChinese = postAsIs("/leads/imports", CUT_OFF, "Accept", "text/html",
                "Accept-Language", "en", "Cookie", session + "; L2C_LANG=zh-CN");
        assertThat(chosenChinese.body()).contains("lang=\"zh-CN\"", chinese).doesNotContain(english);
    }

    /** The API's problem for the same upload, written by the same filter: in the reader's language too. */
    @Test
    void theProblemOfAnUnreadableUploadIsInTheReadersLanguage() throws Exception {
        String admin = "Bearer " + fixtures.token(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        HttpResponse<String> noHeader = postAsIs("/api/v1/leads/imports", CUT_OFF, "Authorization", admin);
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noHeader.body()).get("detail").asString()).contains("无法读取上传的内容");

        HttpResponse<String> cookie = postAsIs("/api/v1/leads/imports", CUT_OFF, "Authorization", admin,
                "Accept-Language", "zh-CN", "Cookie", "L2C_LANG=en");
        assertThat(cookie.statusCode()).isEqualTo(400);
        assertThat(json.readTree(cookie.body()).get("detail").asString()).contains("The upload could not be read");

        HttpResponse<String> picked = postAsIs("/api/v1/leads/imports?lang=en", CUT_OFF, "Authorization", admin,
                "Accept-Language", "zh-CN");
        assertThat(picked.statusCode()).isEqualTo(400);
        assertThat(json.readTree(picked.body()).get("detail").asString()).contains("The upload could not be read");
    }

    @Test
    void anUploadOfSomeoneNotSignedInIsRefusedNeverA500() throws Exception {
        for (String path : apiUploads()) {
            HttpResponse<String> answer = post(path, MULTIPART, CUT_OFF);
            assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        HttpResponse<String> page = post("/complaints/" + UUID.randomUUID() + "/evidence", MULTIPART, CUT_OFF,
                "Accept", "text/html");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
    }

    /**
     * Only the start of a 32 MB upload is sent: the refusal comes at once, so the server read none of the rest (it
     * waited for it, when the upload was read before the caller was known).
     */
    @Test
    void anUploadOfSomeoneNotSignedInIsRefusedBeforeItsBodyIsRead() throws Exception {
        assertThat(statusLineOfAStartedUpload("/api/v1/leads/imports", null)).startsWith("HTTP/1.1 401");
        assertThat(statusLineOfAStartedUpload("/api/v1/customers/imports", "Authorization: Bearer l2c_not-a-token"))
                .startsWith("HTTP/1.1 401");
        assertThat(statusLineOfAStartedUpload("/leads/imports", null)).startsWith("HTTP/1.1 302");
        assertThat(statusLineOfAStartedUpload("/complaints/" + UUID.randomUUID() + "/evidence", null))
                .startsWith("HTTP/1.1 302");
    }

    private String statusLineOfAStartedUpload(String path, String header) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nAccept: text/html\r\n"
                    + (header == null ? "" : header + "\r\n")
                    + "Content-Type: " + MULTIPART + "\r\nContent-Length: " + (32 << 20)
                    + "\r\n\r\n" + CUT_OFF).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}
