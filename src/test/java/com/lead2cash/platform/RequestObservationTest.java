package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A request is observed once, as {@code http.server.requests}: Spring Security's own observations (a span around
 * every filter, authentication and authorization) are off, for what they cost every request
 * (SecurityConfiguration, docs/performance.md).
 */
@IntegrationTest
class RequestObservationTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired MeterRegistry meters;

    @Test
    void anApiRequestIsTimedAsARequestAndNotFilterByFilter() {
        String token = fixtures.token(mvc, "admin");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatus(HttpStatus.OK);

        assertThat(meters.find("http.server.requests").tag("uri", "/api/v1/me").timers()).isNotEmpty();
        assertThat(meters.getMeters()).noneMatch(m -> m.getId().getName().startsWith("spring.security."));
    }
}
