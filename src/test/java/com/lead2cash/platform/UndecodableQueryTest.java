package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.RealServerTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A query string the server cannot decode ({@code %} not followed by two hex digits) is the client's
 * error: 400 with a problem for the API and a 400 page for a screen, never a 500. Sent over a raw socket,
 * since neither MockMvc nor Java's URI lets such an address through.
 */
@RealServerTest
@ExtendWith(OutputCaptureExtension.class)
class UndecodableQueryTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired MockMvcTester mvc;

    private String get(String target, String authorization) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUndecodableQueryIsA400ProblemForTheApiAndA400PageForAScreen() throws Exception {
        String admin = "Bearer " + fixtures.token(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        String api = get("/api/v1/users?q=%%%", admin);
        assertThat(api).startsWith("HTTP/1.1 400").contains("error.badEncoding").doesNotContain("error.unexpected");

        String page = get("/login?x=%zz", null);
        assertThat(page).startsWith("HTTP/1.1 400");
    }

    @Test
    void anUndecodableQueryOnAnAddressNoControllerAnswersIsTheSame400AndNotLogged(CapturedOutput log) throws Exception {
        String admin = "Bearer " + fixtures.token(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String answer : new String[] {get("/api/v1/public/nothing?q=%ff%fe", null),
                get("/api/v1/nothing?q=%ff%fe", admin)}) {
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json", "error.badEncoding")
                    .doesNotContain("\"timestamp\"");
        }
        assertThat(get("/no-such-page?q=%ff%fe", null)).startsWith("HTTP/1.1 400");
        assertThat(log.getAll()).doesNotContain("InvalidParameterException");
    }

    @Test
    void escapesWellWrittenButNotUtf8AreSaidToBeNoUtf8TextNotAMissingHexDigit() throws Exception {
        String admin = "Bearer " + fixtures.token(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        // %ED%A0%80 is a surrogate written in UTF-8's form: every % has its two hex digits, the bytes are no text
        for (String answer : new String[] {get("/api/v1/leads?q=%ED%A0%80", admin), get("/api/v1/nothing?q=%ff%fe", admin)}) {
            assertThat(answer).startsWith("HTTP/1.1 400").contains("error.badEncoding.notUtf8", "not valid UTF-8")
                    .doesNotContain("hexadecimal");
        }
        assertThat(get("/api/v1/leads?q=%zz", admin)).startsWith("HTTP/1.1 400").contains("hexadecimal")
                .doesNotContain("notUtf8");
    }
}
