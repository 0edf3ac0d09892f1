package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Headers of the pages, what health and the actuator tell whom, and what an unknown API route answers. */
@IntegrationTest
class EndpointHardeningTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void pagesCarryAContentSecurityPolicyAndAReferrerPolicy() {
        MvcTestResult login = mvc.get().uri("/login").exchange();
        assertThat(login).hasStatusOk();
        assertThat(login.getResponse().getHeader("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'self'")
                .doesNotContain("unsafe-eval");
        assertThat(login.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");

        Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        assertThat(mvc.get().uri("/admin/users").cookie(admin).exchange().getResponse()
                .getHeader("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void aHeaderTheProductReadsHoldingCharactersNotAllowedIsA400NotAFailureOfOurs() {
        // "键" sent as UTF-8 reads as Latin-1 in a header: é, a C1 control character, ®
        String mangled = "\u00e9\u0094\u00ae";
        String admin = fixtures.token(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        MvcTestResult api = mvc.put().uri("/api/v1/policy").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .header(HttpHeaders.IF_MATCH, mangled).contentType(MediaType.APPLICATION_JSON).content("{}").exchange();
        assertThat(api).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("\"code\":\"error.headerRejected\"");

        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        // the user list reads HX-Request to tell a filter's fragment from the page
        assertThat(mvc.get().uri("/admin/users?lang=en").cookie(session).header("HX-Request", mangled).exchange())
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("id=\"error-home\"", "A header of the request holds")
                .doesNotContain("error-plain-page");
    }

    @Test
    void healthDetailsAreShownToAdministratorsOnly() {
        fixtures.user("health.rep", fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP);
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyText()
                .contains("\"status\":\"UP\"").doesNotContain("components", "db");
        assertThat(mvc.get().uri("/actuator/health").cookie(fixtures.session(mvc, "health.rep", Fixtures.PASSWORD)))
                .hasStatusOk().bodyText().doesNotContain("components");
        assertThat(mvc.get().uri("/actuator/health").cookie(fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD)))
                .hasStatusOk().bodyText().contains("components", "db");
    }

    @Test
    void theActuatorTakesAnAdministratorsBearerTokenAndRefusesOtherCallsAsTheApiDoes() {
        fixtures.user("metrics.rep", fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP);
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        String rep = "Bearer " + fixtures.token(mvc, "metrics.rep");

        assertThat(mvc.get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, admin))
                .hasStatusOk().bodyText().contains("\"names\"");
        assertThat(mvc.get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, rep))
                .hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.forbidden");
        assertThat(mvc.get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, rep)
                .header(HttpHeaders.ACCEPT, "text/html")).as("a token is a program's, whatever it accepts")
                .hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/actuator/metrics").header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE))
                .as("no token, no session: asked for one, not sent to the sign-in page")
                .hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.unauthenticated");
        assertThat(mvc.get().uri("/actuator/metrics")).as("no Accept at all").hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, admin))
                .as("health with the administrator's token: its details").hasStatusOk().bodyText().contains("components");
        assertThat(mvc.get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, rep))
                .hasStatusOk().bodyText().doesNotContain("components");
    }

    @Test
    void aRefusalBeforeTheDispatcherIsInTheReadersLanguageAsThePagesChooseIt() {
        // the security chain answers before the dispatcher has set the language: not the servlet's English default
        assertThat(mvc.get().uri("/api/v1/leads")
                .requestAttr(com.lead2cash.testing.EnglishReaderAutoConfiguration.NO_LANGUAGE, true))
                .as("no Accept-Language: the product's language").hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.detail").asString().startsWith("需要身份认证");
        assertThat(mvc.get().uri("/api/v1/leads").cookie(new Cookie("L2C_LANG", "zh-CN")))
                .as("the language picked, over the browser's English").hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.detail").asString().startsWith("需要身份认证");
        assertThat(mvc.get().uri("/api/v1/leads")).as("English asked").hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.detail").asString().startsWith("Authentication is required");
    }

    @Test
    void theActuatorInABrowserSignsInFirstAndTakesTheAdministratorsSession() {
        fixtures.user("metrics.browser.rep", fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP);
        String page = "text/html,application/xhtml+xml,*/*;q=0.8";
        assertThat(mvc.get().uri("/actuator/metrics").header(HttpHeaders.ACCEPT, page))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri("/actuator/metrics").header(HttpHeaders.ACCEPT, page)
                .cookie(fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD))).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/metrics").header(HttpHeaders.ACCEPT, page)
                .cookie(fixtures.session(mvc, "metrics.browser.rep", Fixtures.PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void theActuatorAnswersAProgramsUnknownEndpointAndWrongMethodAsProblemsAndABrowserWithPages() {
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        MvcTestResult unknown = mvc.get().uri("/actuator/nope").header(HttpHeaders.AUTHORIZATION, admin).exchange();
        assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.noRoute");
        assertThat(unknown).bodyJson().extractingPath("$.instance").isEqualTo("/actuator/nope");
        assertThat(mvc.get().uri("/actuator/nope").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")).as("in the reader's language, as the API")
                .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.title").isEqualTo("未找到");
        for (MvcTestResult wrong : new MvcTestResult[] {
                mvc.post().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, admin).exchange(),
                mvc.delete().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, admin)
                        .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE).exchange(),
                mvc.post().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, admin)
                        .header(HttpHeaders.ACCEPT, "text/html").exchange()}) {
            assertThat(wrong).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.code").isEqualTo("error.wrongMethod");
            assertThat(wrong.getResponse().getHeader(HttpHeaders.ALLOW)).isEqualTo("GET");
        }

        // a browser, signed in as an administrator, keeps the error page
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String page = "text/html,application/xhtml+xml,*/*;q=0.8";
        assertThat(mvc.get().uri("/actuator/nope").header(HttpHeaders.ACCEPT, page).cookie(session))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(mvc.post().uri("/actuator/health").header(HttpHeaders.ACCEPT, page).cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void anUnknownApiRouteIsA404ProblemAndAWrongMethodA405Problem() {
        String token = "Bearer " + fixtures.token(mvc, "admin");
        assertThat(mvc.get().uri("/api/v1/nope").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.noRoute");
        assertThat(mvc.post().uri("/api/v1/nope/deeper").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.patch().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/v1/nope")).as("anonymous: the API asks for a token first")
                .hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/no-such-page").cookie(fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void aWrongMethodOnARouteNamedByAWordIsA405NotAnUnreadableIdOfTheRouteBeside() {
        String token = "Bearer " + fixtures.token(mvc, "admin");
        // POST-only routes whose last word a GET of /{id} would otherwise take for an id
        for (String route : new String[] {"/api/v1/leads/imports", "/api/v1/leads/duplicates",
                "/api/v1/customers/duplicates"}) {
            MvcTestResult get = mvc.get().uri(route).header(HttpHeaders.AUTHORIZATION, token).exchange();
            assertThat(get).as(route).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.code").isEqualTo("error.wrongMethod");
            assertThat(get.getResponse().getHeader(HttpHeaders.ALLOW)).as(route).isEqualTo("POST");
        }
        // an id that is no id is still the unreadable parameter it was
        assertThat(mvc.get().uri("/api/v1/leads/not-a-uuid").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
    }

    @Test
    void aJsonBodySentAsAnotherTypeIsRefusedAndCreatesNothing() {
        String token = "Bearer " + fixtures.token(mvc, "admin");
        String body = "{\"name\":\"纯文本类型请求体\",\"parentId\":\"" + fixtures.rootUnit() + "\"}";
        assertThat(mvc.post().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.TEXT_PLAIN).content(body))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("application/json");
        assertThat(mvc.post().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").contentType(MediaType.TEXT_PLAIN).content(body))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).bodyJson().extractingPath("$.title").isEqualTo("不支持的内容类型");
        assertThat(mvc.get().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatusOk().bodyText().doesNotContain("纯文本类型请求体");
    }

    @Test
    void aYamlBodyIsRefusedAsAnyTypeTheApiDoesNotReadAndCreatesNothing() {
        String token = "Bearer " + fixtures.token(mvc, "admin");
        String yaml = "name: YAML类型请求体\nparentId: " + fixtures.rootUnit() + "\nunknown: ignored\n";
        assertThat(mvc.post().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_YAML).content(yaml))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.http.415");
        assertThat(mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_YAML)
                .content("username: admin\npassword: " + Fixtures.ADMIN_PASSWORD + "\n"))
                .as("the token call reads JSON only too").hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .bodyJson().extractingPath("$.code").isEqualTo("error.http.415");
        assertThat(mvc.get().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatusOk().bodyText().doesNotContain("YAML类型请求体");
    }

    @Test
    void anAnswerAskedForInAnotherTypeThanJsonIsA406ProblemInTheReadersLanguage() {
        String token = "Bearer " + fixtures.token(mvc, "admin");
        MvcTestResult yaml = mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.ACCEPT, "application/yaml").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        assertThat(yaml).hasStatus(HttpStatus.NOT_ACCEPTABLE).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(yaml).bodyJson().extractingPath("$.code").isEqualTo("error.http.406");
        assertThat(yaml).bodyJson().extractingPath("$.detail").asString().contains("JSON").doesNotContain("Acceptable");
        assertThat(yaml).bodyJson().extractingPath("$.title").asString().doesNotContain("Not Acceptable");
        MvcTestResult garbage = mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.ACCEPT, "garbage").exchange();
        assertThat(garbage).as("an Accept header that cannot be read").hasStatus(HttpStatus.NOT_ACCEPTABLE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.http.406");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.ACCEPT, "application/json")).hasStatusOk();
        // refused before the change is made, not when its answer comes to be written
        assertThat(mvc.post().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.ACCEPT, "application/yaml").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"要YAML应答的部门\",\"parentId\":\"" + fixtures.rootUnit() + "\"}"))
                .hasStatus(HttpStatus.NOT_ACCEPTABLE).bodyJson().extractingPath("$.code").isEqualTo("error.http.406");
        assertThat(mvc.get().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatusOk().bodyText().doesNotContain("要YAML应答的部门");
    }

    @Test
    void aFieldGivenTwiceInABodyIsRefusedNamingItAndCreatesNothing() {
        String token = "Bearer " + fixtures.token(mvc, "admin");
        String body = "{\"name\":\"重复键部门甲\",\"name\":\"重复键部门乙\",\"parentId\":\"" + fixtures.rootUnit() + "\"}";
        MvcTestResult twice = mvc.post().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(twice).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(twice).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(twice).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.duplicateField");
        assertThat(mvc.get().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatusOk().bodyText().doesNotContain("重复键部门");
    }

    @Test
    void aConstraintOfARequestIsNamedByTheProductsMessageKeyNotTheConstraintsName() {
        MvcTestResult blank = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"\",\"password\":\"x\"}").exchange();
        assertThat(blank).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("username");
            assertThat(json).extractingPath("$.errors[0].code").isEqualTo("validation.NotBlank");
        });
        String token = "Bearer " + fixtures.token(mvc, "admin");
        // (a new user's fields are judged together by the user's own rules, their codes its own: an org unit is not)
        MvcTestResult unit = mvc.post().uri("/api/v1/org-units").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"约束代码\"}").exchange();
        assertThat(unit).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("parentId");
            assertThat(json).extractingPath("$.errors[0].code").isEqualTo("validation.NotNull");
        });
    }

    @Test
    void aRequiredQueryParameterLeftOutIsNamed() {
        String token = "Bearer " + fixtures.token(mvc, "admin");
        MvcTestResult missing = mvc.get().uri("/api/v1/quotes").header(HttpHeaders.AUTHORIZATION, token).exchange();
        assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(missing).bodyJson().extractingPath("$.errors[0].field").isEqualTo("opportunityId");
        assertThat(missing).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.missingParameter");
        assertThat(missing).bodyJson().extractingPath("$.detail").asString().contains("opportunityId");
    }

    @Test
    void theErrorAddressAskedForDirectlyIsA404LikeAnyAddressWithoutAPage() {
        jakarta.servlet.http.Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        assertThat(mvc.get().uri("/error").accept(MediaType.APPLICATION_JSON))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.noRoute");
        assertThat(mvc.get().uri("/error").accept(MediaType.APPLICATION_JSON).cookie(admin))
                .hasStatus(HttpStatus.NOT_FOUND).bodyText().doesNotContain("999");
        assertThat(mvc.get().uri("/error").accept(MediaType.TEXT_HTML).cookie(admin))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(mvc.get().uri("/error").accept(MediaType.TEXT_HTML))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void aQueryParameterTakesOnlyTheValuesTheDocumentLists() {
        String token = "Bearer " + fixtures.token(mvc, "admin");
        // a value the document does not list cannot be read, as an unknown enum value (400)
        assertThat(mvc.get().uri("/api/v1/leads?view=everything").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("view");
        assertThat(mvc.get().uri("/api/v1/users?sort=password").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("username, hireDate");
        assertThat(mvc.get().uri("/api/v1/users?sort=hireDate").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatusOk();
    }
}
