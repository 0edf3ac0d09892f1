package com.lead2cash.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a page is written in: zh-CN or English, and {@code <html lang>} always the one its text is in. The
 * browser's language decides until one is picked with {@code ?lang=} (kept in the {@code L2C_LANG} cookie); a browser
 * that names none, or neither of the two, reads zh-CN.
 */
@IntegrationTest
class PageLanguageTest {

    @Autowired MockMvcTester mvc;
    @Autowired LocaleResolver locales;

    @Test
    void aRequestWithoutAcceptLanguageIsAnsweredInChineseNotInTheServersLanguage() {
        // a servlet request without the header still answers a locale: the container's own default
        MockHttpServletRequest none = new MockHttpServletRequest();
        assertThat(none.getLocale()).isEqualTo(Locale.ENGLISH);
        assertThat(locales.resolveLocale(none)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        MockHttpServletRequest english = new MockHttpServletRequest();
        english.addHeader("Accept-Language", "fr;q=0.9, en-GB;q=0.8");
        assertThat(locales.resolveLocale(english)).isEqualTo(Locale.ENGLISH);
        MockHttpServletRequest french = new MockHttpServletRequest();
        french.addHeader("Accept-Language", "fr");
        assertThat(locales.resolveLocale(french)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void onlyALanguageThePagesAreWrittenInIsPickedAndKept() {
        for (String other : new String[] {"fr", "ja", "de-DE", "zh_TW", "zh-Hant"}) {
            MvcTestResult page = mvc.get().uri("/login?lang=" + other).header("Accept-Language", "zh-CN").exchange();
            assertThat(page).as(other).hasStatusOk();
            assertThat(page.getResponse().getCookie(WebConfiguration.COOKIE)).as(other + ": not kept").isNull();
            assertThat(page).as(other).bodyText().containsPattern("<html[^>]* lang=\"zh-CN\"").contains("登录");
        }
        MvcTestResult english = mvc.get().uri("/login?lang=en").header("Accept-Language", "zh-CN").exchange();
        assertThat(english.getResponse().getCookie(WebConfiguration.COOKIE)).isNotNull()
                .satisfies(c -> assertThat(c.getValue()).isEqualTo("en"))
                .satisfies(c -> assertThat(c.getMaxAge()).isEqualTo(365 * 24 * 3600));
        assertThat(english).bodyText().containsPattern("<html[^>]* lang=\"en\"").contains("Sign in");
        MvcTestResult chinese = mvc.get().uri("/login?lang=zh_CN").header("Accept-Language", "en").exchange();
        assertThat(chinese.getResponse().getCookie(WebConfiguration.COOKIE)).isNotNull();
        assertThat(chinese).bodyText().containsPattern("<html[^>]* lang=\"zh-CN\"").contains("登录");
    }

    @Test
    void aCookieNamingAnotherLanguageReadsChineseUnderItsOwnName() {
        // kept before only the two were taken: the page is in zh-CN, and says so
        for (String kept : new String[] {"fr", "zh-TW", "ja"}) {
            MvcTestResult page = mvc.get().uri("/login").cookie(new Cookie(WebConfiguration.COOKIE, kept))
                    .header("Accept-Language", "en").exchange();
            assertThat(page).as(kept).bodyText().containsPattern("<html[^>]* lang=\"zh-CN\"").contains("登录");
        }
        assertThat(mvc.get().uri("/login").cookie(new Cookie(WebConfiguration.COOKIE, "en"))
                .header("Accept-Language", "zh-CN")).bodyText().containsPattern("<html[^>]* lang=\"en\"").contains("Sign in");
    }
}
