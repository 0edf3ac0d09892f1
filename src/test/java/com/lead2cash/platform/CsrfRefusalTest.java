package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A form posted without its CSRF token — on a customer's public link page or on a signed-in screen, as a plain
 * post or by htmx (which sends no {@code Accept: text/html}) — is refused with the product's 403 page, which says
 * what to do, not with Boot's error JSON (timestamp, status, error, path).
 */
@IntegrationTest
class CsrfRefusalTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired Fixtures fixtures;

    @Test
    void aPublicLinkPagePostedWithoutItsTokenAnswersTheErrorPage() throws Exception {
        MvcTestResult refused = mvc.post().uri("/c/" + UUID.randomUUID() + "/sometoken")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").header(HttpHeaders.ACCEPT, "*/*")
                .param("outcome", "CONFIRMED").exchange();
        assertThat(refused).hasStatus(403);
        assertRefusalPage(refused, "reload the page");
        // the contact has no account: the product's home would be a sign-in page to them
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("This page has expired").doesNotContain("id=\"error-home\"", "Back to the home page");
    }

    @Test
    void aPublicLinkPageRefusedForItsInputOffersNoWayHomeToTheContact() throws Exception {
        MvcTestResult refused = mvc.post().uri("/c/" + UUID.randomUUID() + "/sometoken").with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").accept(MediaType.TEXT_HTML)
                .param("outcome", "NOT_AN_OUTCOME").exchange();
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"error-detail\"").doesNotContain("id=\"error-home\"", "Back to the home page");
    }

    @Test
    void aListAskedForWithAFilterItCannotReadOffersThePageWithoutItAndDoesNotSpeakOfChanges() throws Exception {
        LeadTestSupport.Company co = support.company(mvc, "badfilter");
        Cookie session = fixtures.session(mvc, co.junior().username(), Fixtures.PASSWORD);
        MvcTestResult refused = mvc.get().uri("/leads?status=BOGUS").cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").accept(MediaType.TEXT_HTML).exchange();
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("This page cannot be shown with a value its address holds.",
                        "href=\"/leads\" id=\"error-plain-page\"", "id=\"error-home\"")
                .doesNotContain("nothing was changed");
        // a value read but out of bounds (a month in 1800) is refused the same way, with what the bounds are
        MvcTestResult outOfBounds = mvc.get().uri("/opportunities/forecast?from=1800-01").cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").accept(MediaType.TEXT_HTML).exchange();
        assertThat(outOfBounds).hasStatus(422);
        assertThat(outOfBounds.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("This page cannot be shown with a value its address holds.", "id=\"error-detail\"",
                        "href=\"/opportunities/forecast\" id=\"error-plain-page\"")
                .doesNotContain("nothing was changed");
        // a refused form still says nothing changed, and offers no page without values
        MvcTestResult form = mvc.post().uri("/c/" + UUID.randomUUID() + "/sometoken?x=1").with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").accept(MediaType.TEXT_HTML)
                .param("outcome", "NOT_AN_OUTCOME").exchange();
        assertThat(form.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("nothing was changed").doesNotContain("error-plain-page");
    }

    @Test
    void aRoleRefusedAPageIsToldSoAndAnExpiredFormIsToldItExpiredBothWithTheWayHome() throws Exception {
        LeadTestSupport.Company co = support.company(mvc, "csrfhead");
        Cookie session = fixtures.session(mvc, co.junior().username(), Fixtures.PASSWORD);
        MvcTestResult forbidden = mvc.get().uri("/admin/users").cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").accept(MediaType.TEXT_HTML).exchange();
        assertThat(forbidden).hasStatus(403);
        assertThat(forbidden.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("You are not allowed to open this page.", "id=\"error-home\"")
                .doesNotContain("This page has expired");
        for (String[] language : new String[][] {{"en", "This page has expired.", "You are not allowed"},
                {"zh-CN", "页面已过期。", "您无权打开此页面"}}) {
            MvcTestResult expired = mvc.post().uri("/needs-analyses/" + UUID.randomUUID() + "/send").cookie(session)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language[0]).accept(MediaType.TEXT_HTML)
                    .param("contactId", "x").exchange();
            assertThat(expired).hasStatus(403);
            assertThat(expired.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(language[0])
                    .contains(language[1], "id=\"error-home\"").doesNotContain(language[2]);
        }
    }

    /**
     * The refusal page is rendered before the dispatcher: in the language the page would have been in — zh-CN
     * without Accept-Language, the language cookie over the header, and a {@code ?lang=} on the address over both
     * (the pages' interceptor never ran for it, so it was the header's or the cookie's).
     */
    @Test
    void aRoleRefusedAPageIsToldSoInTheLanguageTheAddressOrTheCookiePicks() throws Exception {
        LeadTestSupport.Company co = support.company(mvc, "refusallang");
        Cookie session = fixtures.session(mvc, co.junior().username(), Fixtures.PASSWORD);
        String english = "You are not allowed to open this page.";
        String chinese = "您无权打开此页面";
        assertThat(mvc.get().uri("/admin/users").cookie(session).accept(MediaType.TEXT_HTML)
                .requestAttr(com.lead2cash.testing.EnglishReaderAutoConfiguration.NO_LANGUAGE, true).exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).as("no Accept-Language")
                .contains(chinese, "lang=\"zh-CN\"").doesNotContain(english);
        assertThat(mvc.get().uri("/admin/users?lang=en").cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .accept(MediaType.TEXT_HTML).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("?lang=en").contains(english, "lang=\"en\"").doesNotContain(chinese);
        assertThat(mvc.get().uri("/admin/users").cookie(session, new Cookie("L2C_LANG", "en"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").accept(MediaType.TEXT_HTML).exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("cookie en").contains(english, "lang=\"en\"").doesNotContain(chinese);
        assertThat(mvc.get().uri("/admin/users?lang=fr").cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .accept(MediaType.TEXT_HTML).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("a language the pages are not written in is ignored").contains(english).doesNotContain(chinese);
    }

    @Test
    void aSignedInFormOrHtmxPostWithoutItsTokenAnswersTheErrorPageInTheReadersLanguage() throws Exception {
        LeadTestSupport.Company co = support.company(mvc, "csrf");
        Cookie session = fixtures.session(mvc, co.junior().username(), Fixtures.PASSWORD);
        MvcTestResult form = mvc.post().uri("/needs-analyses/" + UUID.randomUUID() + "/send").cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").accept(MediaType.TEXT_HTML).param("contactId", "x")
                .exchange();
        assertThat(form).hasStatus(403);
        assertRefusalPage(form, "reload the page");
        MvcTestResult htmx = mvc.post().uri("/needs-analyses/" + UUID.randomUUID() + "/send").cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").header("HX-Request", "true").exchange();
        assertThat(htmx).hasStatus(403);
        assertRefusalPage(htmx, "请刷新页面后重试");
    }

    @Test
    void aFormPostedAfterTheSessionEndedGoesThroughSignInBackToItsPageToldNothingWasSaved() throws Exception {
        LeadTestSupport.Company co = support.company(mvc, "csrfended");
        // a session that ended (timed out): its cookie names no session any more, so the form's token is gone too
        Cookie ended = new Cookie("SESSION", "ZW5kZWQ");
        MvcTestResult form = mvc.post().uri("/needs-analyses/" + UUID.randomUUID() + "/send").cookie(ended)
                .header(HttpHeaders.REFERER, "http://localhost/customers/abc?tab=needs")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").accept(MediaType.TEXT_HTML).param("contactId", "x")
                .exchange();
        assertThat(form).as("not the 403 page: sign in again").hasStatus(302).hasRedirectedUrl("/customers/abc?tab=needs");
        Cookie fresh = form.getResponse().getCookie("SESSION");
        assertThat(fresh).isNotNull();

        // the page asks for sign-in, which says why, once
        assertThat(mvc.get().uri("/customers/abc?tab=needs").cookie(fresh).accept(MediaType.TEXT_HTML).exchange())
                .hasStatus(302).redirectedUrl().endsWith("/login");
        MvcTestResult signIn = mvc.get().uri("/login").cookie(fresh).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        assertThat(signIn.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"login-session-ended\"", "登录已失效，您刚才提交的内容未保存");
        assertThat(mvc.get().uri("/login").cookie(fresh).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("said once").doesNotContain("id=\"login-session-ended\"");

        // signing in returns to the form's page
        MvcTestResult signedIn = mvc.post().uri("/login").cookie(fresh)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("username", co.junior().username()).param("password", Fixtures.PASSWORD).exchange();
        assertThat(signedIn).hasStatus(302);
        assertThat(signedIn.getResponse().getRedirectedUrl()).contains("/customers/abc?tab=needs");

        // a Referer of another site, or none, is not followed: the home page
        for (String referer : new String[] {"https://evil.example/customers/abc", "//evil.example/x", null}) {
            var post = mvc.post().uri("/needs-analyses/" + UUID.randomUUID() + "/send").cookie(ended)
                    .accept(MediaType.TEXT_HTML).param("contactId", "x");
            if (referer != null) {
                post = post.header(HttpHeaders.REFERER, referer);
            }
            assertThat(post.exchange()).as(String.valueOf(referer)).hasStatus(302).hasRedirectedUrl("/");
        }
        // a part of a page reloads its page through sign-in, as after any ended session
        MvcTestResult htmx = mvc.post().uri("/needs-analyses/" + UUID.randomUUID() + "/send").cookie(ended)
                .header("HX-Request", "true").header("HX-Current-URL", "http://localhost/customers/abc").exchange();
        assertThat(htmx).hasStatus(401);
        assertThat(htmx.getResponse().getHeader("HX-Redirect")).isEqualTo("/customers/abc");
    }

    private static void assertRefusalPage(MvcTestResult result, String advice) throws Exception {
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("<h1 class=\"display-6\">403</h1>", "id=\"error-detail\"", advice)
                .doesNotContain("\"timestamp\"", "??");
    }
}
