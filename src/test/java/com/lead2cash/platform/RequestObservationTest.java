package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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
    @Autowired Environment environment;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes;

    @Test
    void anApiRequestIsTimedAsARequestAndNotFilterByFilter() {
        String token = fixtures.token(mvc, "admin");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatus(HttpStatus.OK);

        assertThat(meters.find("http.server.requests").tag("uri", "/api/v1/me").timers()).isNotEmpty();
        assertThat(meters.getMeters()).noneMatch(m -> m.getId().getName().startsWith("spring.security."));
    }

    @Test
    void everyRouteCanBeTimedUnderItsOwnUri() {
        long patterns = routes.getHandlerMethods().keySet().stream()
                .flatMap(mapping -> mapping.getPatternValues().stream()).distinct().count();
        // beyond the limit a meter filter drops every further uri: those routes' requests are not timed at all
        int limit = environment.getProperty("management.metrics.web.server.max-uri-tags", Integer.class, 100);

        assertThat(patterns).as("the product's routes").isGreaterThan(100);
        assertThat(limit).as("uri tags allowed: every route and NOT_FOUND, UNKNOWN, REDIRECTION, root")
                .isGreaterThan((int) patterns + 4);
    }
}
