package com.lead2cash.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** The next class sharing a context finds the data, the clock and the caches as the context started. */
@IntegrationTest
@Import(TestClock.class)
class FreshDataPerClassTest {

    @Autowired ApplicationContext context;
    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;

    @Test
    void theNextClassFindsTheStartedDataAndNoCacheOfTheDataBeforeIt() throws Exception {
        String token = "Bearer " + fixtures.token(mvc, "admin");
        long started = fixtures.json(rules(token)).get("version").asLong();
        replaceRules(token, started, "HIDDEN");
        assertThat(fixtures.json(rules(token)).get("rules").get(0).get("access").asString()).isEqualTo("HIDDEN");
        clock.advance(Duration.ofDays(3));

        FreshDataPerClass.startFromSnapshot(context);

        assertThat(rules(token)).as("a token of the data before is unknown").hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(clock.instant()).isEqualTo(TestClock.START);
        // the same version number again with another rule: rules remembered by their number would read HIDDEN
        String again = "Bearer " + fixtures.token(mvc, "admin");
        replaceRules(again, started, "MASKED");
        JsonNode now = fixtures.json(rules(again));
        assertThat(now.get("version").asLong()).isEqualTo(started + 1);
        assertThat(now.get("rules").get(0).get("access").asString()).isEqualTo("MASKED");
    }

    private MockMvcTester.MockMvcRequestBuilder rules(String token) {
        return mvc.get().uri("/api/v1/field-rules").header(HttpHeaders.AUTHORIZATION, token);
    }

    private void replaceRules(String token, long version, String access) {
        assertThat(mvc.put().uri("/api/v1/field-rules").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"version":%d,"rules":[{"role":"FINANCE","field":"CONSIGNEE_PHONE","access":"%s"}]}"""
                        .formatted(version, access))).hasStatus(HttpStatus.OK);
    }
}
