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
}
