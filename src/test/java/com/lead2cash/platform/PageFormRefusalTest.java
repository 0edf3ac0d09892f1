package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every form a page posts to, sent empty by a user holding every role — no fields, no file, ids that name
 * nothing — is refused with a 4xx or answered with the page again, never a 500 (found by posting junk to every
 * route of a running product: an upload form sent without a file, a policy rule that does not exist).
 */
@IntegrationTest
class PageFormRefusalTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyPageFormSentEmptyIsRefusedWithoutAServerError() {
        fixtures.user("every.role", fixtures.rootUnit(), LocalDate.of(2020, 1, 1), Role.values());
        Cookie session = fixtures.session(mvc, "every.role", Fixtures.PASSWORD);
        Map<String, Integer> answers = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)
                    || !info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/login") || pattern.equals("/logout")) {
                    continue;
                }
                String uri = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                int status;
                try {
                    status = mvc.post().uri(uri).cookie(session).with(csrf())
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED).exchange().getResponse().getStatus();
                } catch (IllegalStateException unresolved) {
                    // an exception no handler took: the servlet container answers it with a 500
                    status = 500;
                }
                answers.put(pattern, status);
            }
        });
        assertThat(answers).containsKeys("/leads/imports", "/customers/imports", "/admin/policy/rules/{ruleId}",
                "/complaints/{id}/evidence", "/admin/calendar/import");
        assertThat(answers).allSatisfy((route, status) -> assertThat(status).as(route).isLessThan(500));
        assertThat(answers.get("/leads/imports")).isEqualTo(400);
        // the rule form carries the policy version it was shown at: sent without it, refused before the rule is looked up
        assertThat(answers.get("/admin/policy/rules/{ruleId}")).isEqualTo(428);
    }

    @Test
    void anUploadFormSentWithoutItsFileIsToldToChooseOne() {
        fixtures.user("every.role.upload", fixtures.rootUnit(), LocalDate.of(2020, 1, 1), Role.values());
        Cookie session = fixtures.session(mvc, "every.role.upload", Fixtures.PASSWORD);
        for (String uri : java.util.List.of("/complaints/" + UUID.randomUUID() + "/evidence", "/admin/calendar/import",
                "/leads/imports", "/customers/imports")) {
            // a multipart form carrying only its token (the walk's), and the same sent as a plain form
            var multipart = mvc.post().uri(uri).cookie(session).with(csrf()).header("Accept-Language", "en")
                    .multipart().param("mode", "VALID_ROWS").exchange();
            var plain = mvc.post().uri(uri).cookie(session).with(csrf()).header("Accept-Language", "en")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("mode", "VALID_ROWS").exchange();
            for (var answer : java.util.List.of(multipart, plain)) {
                assertThat(answer).as(uri).hasStatus(400).bodyText().contains("Choose a file to upload")
                        .doesNotContain("wrong type");
            }
        }
    }
}
