package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Every screen of the shell renders for the role it is for, in both languages, with no key left untranslated. */
@IntegrationTest
class PagesRenderTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired com.lead2cash.platform.internal.identity.IdentityService identity;

    @ParameterizedTest
    @CsvSource({
            "admin, /", "admin, /admin/users", "admin, /admin/users/new", "admin, /admin/org", "admin, /admin/audit",
            "admin, /account", "admin, /admin/policy", "admin, /admin/policy/rules/L1", "admin, /admin/calendar", "admin, /admin/lead-api-keys",
            "admin, /admin/integrations/robots", "admin, /leads/territories", "admin, /leads/imports",
            "director, /", "director, /leads", "director, /leads?view=pool", "director, /leads?view=nurture",
            "director, /leads?view=queue", "director, /leads?view=contests", "director, /leads?grade=A&minAgeDays=3", "director, /leads/new",
            "director, /deadlines", "director, /compliance", "director, /approvals", "director, /approvals/delegations",
            "director, /notifications", "director, /notifications/preferences", "director, /deadlines/panel", "director, /approvals/panel",
            "director, /regions/picker?picker.field=region&region=330106", "director, /regions/picker?picker.field=region&region=火星",
            "director, /regions/picker?picker.field=regions&picker.multiple=true&regions=330000&picker.changed=province&picker.province=440000",
            "director, /regions/picker/suggestions?picker.field=region&picker.q=hz",
            "director, /contracts", "director, /contracts?status=IN_REVIEW&q=HT&waitingForMe=true", "director, /contracts/panel",
            "director, /contracts/templates", "admin, /contracts", "admin, /contracts/templates",
            "director, /orders", "director, /orders?status=SHIPPED", "director, /invoices",
            "director, /invoices?status=ISSUED&type=VAT_ORDINARY", "admin, /invoices"})
    void pageRendersInChineseAndEnglish(String user, String path) throws Exception {
        if (identity.findByUsername("director").isEmpty()) {
            fixtures.user("director", fixtures.rootUnit(), LocalDate.of(2018, 1, 1), Role.SALES_DIRECTOR);
        }
        Cookie session = fixtures.session(mvc, user, "admin".equals(user) ? Fixtures.ADMIN_PASSWORD : Fixtures.PASSWORD);
        for (String lang : new String[] {"zh-CN", "en"}) {
            var result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
            assertThat(result).as(path + " " + lang).hasStatusOk();
            String html = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).as("untranslated key on " + path).doesNotContain("??");
        }
    }

    @Test
    void aUsersNameIsAskedForWhenTheUserIsMadeAndNotOfferedWhenTheUserIsEdited() throws Exception {
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        var someone = fixtures.user("edit" + java.util.UUID.randomUUID().toString().substring(0, 8), fixtures.rootUnit(),
                LocalDate.of(2024, 1, 1), Role.SALES_REP);
        String made = mvc.get().uri("/admin/users/new").cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(made).contains("name=\"username\"");
        String edited = mvc.get().uri("/admin/users/" + someone.id()).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(edited).contains("name=\"displayName\"").doesNotContain("name=\"username\"");
    }

    @Test
    void aUserOrAnOrganisationalUnitThatIsNoneIsTheNotFoundPageWhenChangedAsWhenOpened() {
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        var noUser = mvc.post().uri("/admin/users/" + java.util.UUID.randomUUID() + "/active").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("active", "false").param("version", "0").exchange();
        assertThat(noUser).hasStatus(404);
        assertThat(noUser).flash().isEmpty();
        var noUnit = mvc.post().uri("/admin/org/" + java.util.UUID.randomUUID()).cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("name", "无此部门").param("version", "0").exchange();
        assertThat(noUnit).hasStatus(404);
        assertThat(noUnit).flash().isEmpty();
    }
}
