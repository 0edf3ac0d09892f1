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
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A signed-in reader's page asked for with a long address (a query string of 8 100 characters, a search of 900
 * Chinese characters — 8 100 bytes encoded) is answered as any page is, session cookie and all: the request line and
 * the cookies fit the server's 32 KB for a request's head. Past it, the product's 400 page with the security
 * headers, never a dropped connection. (An old curl, 7.88, counts the request line into its own 8 190 bytes for the
 * Cookie header, drops the cookie and sends a request whose head never ends: the server waits for the rest, and
 * closes the connection when it does not come — curl's "empty reply". A browser, or Java's client, sends it whole.)
 */
@RealServerTest
class LongAddressSignedInTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired MockMvcTester mvc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> page(String target, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/html").header("Accept-Language", "en")
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedInPageWithAQueryOfEightThousandCharactersIsAnswered() throws Exception {
        String session = "SESSION=" + fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD).getValue();
        String x = "a".repeat(8100);
        for (String path : new String[] {"/", "/leads", "/customers"}) {
            HttpResponse<String> answer = page(path + "?x=" + x, session);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).contains("<html", "/logout");
        }
        // signed in, the sign-in page sends the reader on, as it does without the long query
        assertThat(page("/login?x=" + x, session).statusCode()).isEqualTo(page("/login", session).statusCode());

        // a search of 900 Chinese characters is over the search's bound: refused with the product's page
        HttpResponse<String> export = page("/leads/export.xlsx?q=" + URLEncoder.encode("走".repeat(900), StandardCharsets.UTF_8),
                session);
        assertThat(export.statusCode()).isEqualTo(422);
        assertThat(export.body()).contains("id=\"error-detail\"");
    }

    @Test
    void aSignedInPageWithAQueryPastTheServersLimitIsTheProducts400Page() throws Exception {
        String session = "SESSION=" + fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD).getValue();
        HttpResponse<String> answer = page("/leads?x=" + "a".repeat(40 * 1024), session);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("<h1 class=\"display-6\">400</h1>", "bootstrap.min.css")
                .doesNotContain("Apache Tomcat");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
