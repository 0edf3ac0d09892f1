package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A page carries the whole shell — its reader's navigation, the administration menu, the active item, the bell. */
@IntegrationTest
class PageShellRenderTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void aPageCarriesTheShellOfItsReader() {
        Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        assertThat(mvc.get().uri("/admin/policy").header(HttpHeaders.ACCEPT_LANGUAGE, "en").cookie(admin))
                .hasStatusOk().bodyText()
                .contains("href=\"/leads/territories\"", "hx-get=\"/notifications/badge\"")
                // the administration menu is active on an administration screen
                .containsPattern("class=\"nav-link dropdown-toggle[^\"]*active");
    }

    @Test
    void theLanguageSwitchKeepsThePagesQuery() {
        Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        assertThat(mvc.get().uri("/admin/audit?actor={q}&entityType=Lead&lang=zh-CN&x={x}", "张 三", "\"><b>")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").cookie(admin))
                .hasStatusOk().bodyText()
                .contains("href=\"?actor=%E5%BC%A0+%E4%B8%89&amp;entityType=Lead&amp;x=%22%3E%3Cb%3E&amp;lang=en\" id=\"lang-en\"",
                        "href=\"?actor=%E5%BC%A0+%E4%B8%89&amp;entityType=Lead&amp;x=%22%3E%3Cb%3E&amp;lang=zh-CN\" id=\"lang-zh\"")
                .doesNotContain("<b>");
    }

    @Test
    void theSignInPagesLanguageSwitchKeepsWhyItIsShown() {
        // a failed sign-in switched to English still says that it failed
        assertThat(mvc.get().uri("/login?error").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .hasStatusOk().bodyText()
                .contains("href=\"?error&amp;lang=en\" id=\"lang-en\"", "href=\"?error&amp;lang=zh-CN\" id=\"lang-zh\"");
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("href=\"?lang=en\" id=\"lang-en\"");
    }
}
