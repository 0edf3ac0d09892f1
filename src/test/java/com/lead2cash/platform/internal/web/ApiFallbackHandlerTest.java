package com.lead2cash.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.RequestRefusedException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A refusal thrown by an interceptor in front of a handler that is no controller — Spring's own answer to
 * {@code OPTIONS} — reaches the API's problem, not the container's 500.
 */
class ApiFallbackHandlerTest {

    @RestController
    static class Guarded {

        @PostMapping("/api/v1/guarded")
        String post() {
            return "posted";
        }
    }

    private final MockMvcTester mvc;

    ApiFallbackHandlerTest() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("test.refused", Locale.ENGLISH, "Refused by the guard.");
        ProblemWriter problems = new ProblemWriter(messages, tools.jackson.databind.json.JsonMapper.builder().build(),
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(org.springframework.web.servlet.LocaleResolver.class));
        HandlerInterceptor refusing = new HandlerInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler) {
                throw new RequestRefusedException(429, 60, "test.refused");
            }
        };
        mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Guarded())
                .setControllerAdvice(new ApiFallbackHandler(problems))
                .addInterceptors(refusing).build());
    }

    @Test
    void aRefusalBeforeSpringsOwnOptionsAnswerIsTheProblemItNames() {
        assertThat(mvc.options().uri("/api/v1/guarded").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.RETRY_AFTER, "60")
                .bodyJson().extractingPath("$.code").isEqualTo("test.refused");
    }
}
