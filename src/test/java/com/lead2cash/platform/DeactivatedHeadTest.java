package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.FormHtml;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Docs/decisions/0073 on the administration screens: a unit whose head was deactivated still names them — the org
 * screen shows them (marked) and selected, so saving the row keeps the head — and deactivating a head says so.
 */
@IntegrationTest
class DeactivatedHeadTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired IdentityService identity;

    private User headOfNewUnit(String tag) {
        UUID unit = fixtures.unit("Head team " + tag);
        User head = fixtures.user("hh." + tag, unit, LocalDate.of(2020, 2, 3), Role.SALES_MANAGER);
        fixtures.appointManager(unit, head.id());
        return head;
    }

    private Cookie admin() {
        return fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
    }

    @Test
    void D0073_theOrgScreenShowsADeactivatedHeadSelectedAndARenameKeepsThem() throws Exception {
        User head = headOfNewUnit("org");
        UUID unit = head.orgUnitId();
        identity.setActive(head.id(), false, identity.user(head.id()).version());

        Cookie session = admin();
        String html = mvc.get().uri("/admin/org?lang=en").cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(FormHtml.selected(html, "org-manager-" + unit)).isEqualTo(head.id().toString());
        assertThat(html).contains(head.displayName() + " (" + head.username() + ") — deactivated");

        // the row saved as the screen shows it, renamed
        long version = identity.orgUnit(unit).version();
        var saved = mvc.post().uri("/admin/org/{id}", unit).cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("name", "Head team org renamed").param("managerId", FormHtml.selected(html, "org-manager-" + unit))
                .param("version", String.valueOf(version)).exchange();
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(saved.getMvcResult().getFlashMap().get("flashSuccess")).isEqualTo("flash.org.updated");
        assertThat(identity.orgUnit(unit).name()).isEqualTo("Head team org renamed");
        assertThat(identity.orgUnit(unit).managerId()).as("the head kept").isEqualTo(head.id());
    }

    @Test
    void D0073_theApiKeepsADeactivatedHeadUnchangedButAppointsNoDeactivatedOne() {
        User head = headOfNewUnit("api");
        User other = headOfNewUnit("api2");
        identity.setActive(head.id(), false, identity.user(head.id()).version());
        identity.setActive(other.id(), false, identity.user(other.id()).version());
        UUID unit = head.orgUnitId();
        String token = "Bearer " + fixtures.token(mvc, "admin");

        assertThat(mvc.put().uri("/api/v1/org-units/{id}", unit).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Head team api2b\",\"managerId\":\""
                        + other.id() + "\",\"version\":" + identity.orgUnit(unit).version() + "}"))
                .hasStatus(422).bodyText().contains("managerId");
        assertThat(mvc.put().uri("/api/v1/org-units/{id}", unit).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Head team api renamed\",\"managerId\":\""
                        + head.id() + "\",\"version\":" + identity.orgUnit(unit).version() + "}"))
                .hasStatusOk().bodyJson().extractingPath("$.managerId").isEqualTo(head.id().toString());
        assertThat(identity.orgUnit(unit).name()).isEqualTo("Head team api renamed");
    }

    @Test
    void D0073_deactivatingAUnitsHeadOnTheUsersScreenSaysTheUnitNeedsANewHeadInBothLanguages() {
        User head = headOfNewUnit("screen");
        User other = headOfNewUnit("screen2");
        Cookie session = admin();
        for (Object[] lang : new Object[][] {{"en", head, "They still head Head team screen: appoint a new head on the organisation screen."},
                {"zh-CN", other, "该用户仍是Head team screen2的负责人，请在组织架构页面任命新的负责人。"}}) {
            User user = (User) lang[1];
            var result = mvc.post().uri("/admin/users/{id}/active", user.id()).cookie(session)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, lang[0])
                    .with(SecurityMockMvcRequestPostProcessors.csrf()).param("active", "false")
                    .param("version", String.valueOf(identity.user(user.id()).version())).exchange();
            assertThat(result).hasStatus3xxRedirection();
            assertThat(result.getMvcResult().getFlashMap().get("flashSuccess")).isEqualTo("flash.user.deactivated");
            assertThat(result.getMvcResult().getFlashMap().get("flashNotes")).isEqualTo(List.of(lang[2]));
        }
    }
}
