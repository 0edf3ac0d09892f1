package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Revoked access ends at once: on open web sessions at their next request, and on API tokens. */
@IntegrationTest
class RevokedAccessTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired IdentityService identity;

    private User user(String name, Role... roles) {
        return fixtures.user(name, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), roles);
    }

    private Cookie signIn(String username) {
        return fixtures.session(mvc, username, Fixtures.PASSWORD);
    }

    private void changeRoles(User user, Role... roles) {
        User current = identity.user(user.id());
        identity.updateUser(user.id(), new IdentityService.UserForm(null, current.displayName(), current.email(), null,
                current.orgUnitId(), Set.of(roles), current.hireDate()), current.version());
    }

    @Test
    void deactivatingAUserSignsOutTheirOpenSessionsAtTheNextRequest() {
        User rep = user("leaving.rep", Role.SALES_REP);
        Cookie session = signIn(rep.username());
        assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk();

        identity.setActive(rep.id(), false, rep.version());

        assertThat(mvc.get().uri("/").cookie(session)).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri("/account").cookie(session)).as("the session is gone, not just this request")
                .hasStatus(HttpStatus.FOUND);
    }

    @Test
    void aPartOfAPageAskedForAfterTheSessionEndedReloadsItsPageThroughSignInInsteadOfShowingTheSignInForm() {
        User rep = user("polling.rep", Role.SALES_REP);
        Cookie session = signIn(rep.username());
        assertThat(mvc.get().uri("/notifications/badge").cookie(session).header("HX-Request", "true")).hasStatusOk();

        identity.setActive(rep.id(), false, rep.version());

        var bell = mvc.get().uri("/notifications/badge").cookie(session).header("HX-Request", "true")
                .header("HX-Current-URL", "http://localhost/leads?status=NEW").exchange();
        assertThat(bell).as("not a redirect the browser would follow into the bell").hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(bell).headers().hasValue("HX-Redirect", "/leads?status=NEW");
        assertThat(mvc.get().uri("/notifications/badge").header("HX-Request", "true")
                .header("HX-Current-URL", "https://elsewhere.example//evil.example/x").exchange())
                .headers().hasValue("HX-Redirect", "/");
        var page = mvc.get().uri("/leads?status=NEW").cookie(session).exchange();
        assertThat(page).as("the whole page then goes through sign-in").hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/login");
    }

    @Test
    void aRoleRemovedOrGrantedAppliesToOpenSessionsAtTheNextRequest() {
        User helper = user("acting.admin", Role.ADMIN, Role.SALES_REP);
        Cookie session = signIn(helper.username());
        assertThat(mvc.get().uri("/admin/users").cookie(session)).hasStatusOk();

        changeRoles(helper, Role.SALES_REP);
        assertThat(mvc.get().uri("/admin/users").cookie(session)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/").cookie(session)).as("still signed in, with the new rights").hasStatusOk();

        changeRoles(helper, Role.SALES_REP, Role.ADMIN);
        assertThat(mvc.get().uri("/admin/users").cookie(session)).hasStatusOk();
    }

    @Test
    void changingYourPasswordSignsOutYourOtherSessionsAndKeepsThisOne() {
        User rep = user("careful.rep", Role.SALES_REP);
        Cookie laptop = signIn(rep.username());
        Cookie phone = signIn(rep.username());

        assertThat(mvc.post().uri("/account/password").cookie(laptop).with(csrf())
                .param("currentPassword", Fixtures.PASSWORD).param("newPassword", "Brand-New-Pass-1")
                .param("confirmPassword", "Brand-New-Pass-1")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/account");

        assertThat(mvc.get().uri("/account").cookie(laptop)).as("the session that changed it").hasStatusOk();
        assertThat(mvc.get().uri("/account").cookie(phone)).as("every other session")
                .hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
    }

    @Test
    void anAdministratorSettingAUsersPasswordSignsOutThatUsersSessions() {
        User rep = user("reset.rep", Role.SALES_REP);
        Cookie session = signIn(rep.username());
        identity.updateUser(rep.id(), new IdentityService.UserForm(null, rep.displayName(), rep.email(),
                "Reset-By-Admin-1", rep.orgUnitId(), Set.of(Role.SALES_REP), rep.hireDate()), rep.version());
        assertThat(mvc.get().uri("/").cookie(session)).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void anAdministratorResettingAPasswordOverTheApiRevokesTheUsersTokensAndNobodyElses() {
        User rep = user("api.reset.rep", Role.SALES_REP);
        User other = user("api.reset.other", Role.SALES_REP);
        String token = "Bearer " + fixtures.token(mvc, rep.username());
        String others = "Bearer " + fixtures.token(mvc, other.username());
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token)).hasStatusOk();

        assertThat(mvc.put().uri("/api/v1/users/" + rep.id()).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"displayName":"%s","orgUnitId":"%s","roles":["SALES_REP"],"active":true,"password":"Reset-By-Admin-2","version":%d}"""
                        .formatted(rep.displayName(), rep.orgUnitId(), identity.user(rep.id()).version())))
                .hasStatusOk();

        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token))
                .as("a token taken before the reset").hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, others)).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, admin)).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + fixtures.token(mvc, rep.username(), "Reset-By-Admin-2"))).as("one taken with the new password")
                .hasStatusOk();
        assertThat(fixtures.json(mvc.get().uri("/v3/api-docs")).at("/paths/~1api~1v1~1users~1{id}/put/description")
                .asString()).as("the route's document says so").contains("every API token they hold is revoked");
    }

    @Test
    void anAdministratorChangingAUserWithoutAPasswordLeavesTheirTokens() {
        User rep = user("api.kept.rep", Role.SALES_REP);
        String token = "Bearer " + fixtures.token(mvc, rep.username());
        changeRoles(rep, Role.SALES_REP, Role.SALES_ASSISTANT);
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token)).hasStatusOk();
    }

    @Test
    void anAdministratorResettingAPasswordOnTheUsersScreenRevokesTheUsersTokens() {
        User rep = user("screen.reset.rep", Role.SALES_REP);
        String token = "Bearer " + fixtures.token(mvc, rep.username());
        Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        assertThat(mvc.get().uri("/admin/users/" + rep.id()).cookie(admin)).hasStatusOk().bodyText()
                .contains("id=\"password-hint\"");

        assertThat(mvc.post().uri("/admin/users/" + rep.id()).cookie(admin).with(csrf())
                .param("displayName", rep.displayName()).param("orgUnitId", rep.orgUnitId().toString())
                .param("roles", "SALES_REP").param("hireDate", "2024-01-01").param("password", "Reset-On-Screen-1")
                .param("version", String.valueOf(identity.user(rep.id()).version())))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/users");

        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + fixtures.token(mvc, rep.username(), "Reset-On-Screen-1"))).as("the reset took").hasStatusOk();
    }

    @Test
    void changingYourOwnPasswordRevokesYourTokens() {
        User rep = user("own.reset.rep", Role.SALES_REP);
        String token = "Bearer " + fixtures.token(mvc, rep.username());
        Cookie session = signIn(rep.username());

        assertThat(mvc.post().uri("/account/password").cookie(session).with(csrf())
                .param("currentPassword", Fixtures.PASSWORD).param("newPassword", "Own-New-Pass-1")
                .param("confirmPassword", "Own-New-Pass-1")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/account");

        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/account").cookie(session)).as("the session that changed it goes on").hasStatusOk();
    }

    @Test
    void aDeactivatedUsersApiTokensStopWorking() {
        User rep = user("token.rep", Role.SALES_REP);
        String token = "Bearer " + fixtures.token(mvc, rep.username());
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token)).hasStatusOk();
        identity.setActive(rep.id(), false, rep.version());
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aReactivatedUserSignsInAgainTheirTokensAndSessionsFromBeforeStayDead() {
        User rep = user("returning.rep", Role.SALES_REP);
        String token = "Bearer " + fixtures.token(mvc, rep.username());
        Cookie session = signIn(rep.username());
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        String body = """
                {"displayName":"%s","orgUnitId":"%s","roles":["SALES_REP"],"active":%s,"version":%d}""";
        assertThat(mvc.put().uri("/api/v1/users/" + rep.id()).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(rep.displayName(), rep.orgUnitId(), false, identity.user(rep.id()).version())))
                .hasStatusOk();
        assertThat(mvc.put().uri("/api/v1/users/" + rep.id()).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(rep.displayName(), rep.orgUnitId(), true, identity.user(rep.id()).version())))
                .hasStatusOk();

        // the old token answered again once the user was active again
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/").cookie(session)).as("a session with no request while deactivated")
                .hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + fixtures.token(mvc, rep.username()))).as("signed in again").hasStatusOk();
    }

    @Test
    void youListAndRevokeYourOwnTokensOverTheApiAndNobodyElses() {
        User rep = user("tokens.rep", Role.SALES_REP);
        User other = user("tokens.other", Role.SALES_REP);
        String kept = "Bearer " + fixtures.token(mvc, rep.username());
        String dropped = "Bearer " + fixtures.token(mvc, rep.username());
        String others = "Bearer " + fixtures.token(mvc, other.username());

        JsonNode mine = fixtures.json(mvc.get().uri("/api/v1/auth/tokens").header(HttpHeaders.AUTHORIZATION, kept));
        assertThat(mine.size()).isEqualTo(2);
        assertThat(mine.toString()).doesNotContain("l2c_");
        String droppedId = fixtures.json(mvc.get().uri("/api/v1/auth/tokens").header(HttpHeaders.AUTHORIZATION, dropped))
                .get(0).get("id").asString();
        String othersId = fixtures.json(mvc.get().uri("/api/v1/auth/tokens").header(HttpHeaders.AUTHORIZATION, others))
                .get(0).get("id").asString();

        assertThat(mvc.delete().uri("/api/v1/auth/tokens/{id}", othersId).header(HttpHeaders.AUTHORIZATION, kept))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/auth/tokens/{id}", droppedId).header(HttpHeaders.AUTHORIZATION, kept))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.delete().uri("/api/v1/auth/tokens/{id}", droppedId).header(HttpHeaders.AUTHORIZATION, kept))
                .as("revoked already (a second click, a retried call): still listed, so not 'not found'")
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(fixtures.json(mvc.get().uri("/api/v1/auth/tokens").header(HttpHeaders.AUTHORIZATION, kept)).toString())
                .contains(droppedId);
        assertThat(mvc.delete().uri("/api/v1/auth/tokens/{id}", java.util.UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, kept)).as("no such token").hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/auth/tokens/{id}", othersId).header(HttpHeaders.AUTHORIZATION, kept))
                .as("another's, still not theirs").hasStatus(HttpStatus.NOT_FOUND);

        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, dropped)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, kept)).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, others)).hasStatusOk();
    }

    private String page(Cookie session) throws Exception {
        return mvc.get().uri("/account").cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theAccountPageCreatesListsAndRevokesYourTokens() throws Exception {
        User rep = user("page.rep", Role.SALES_REP);
        Cookie session = signIn(rep.username());
        assertThat(mvc.get().uri("/account").cookie(session)).hasStatusOk().bodyText().contains("id=\"no-tokens\"");

        var created = mvc.post().uri("/account/tokens").cookie(session).with(csrf()).param("name", "报表脚本").exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/account");
        String secret = (String) created.getMvcResult().getFlashMap().get("newToken");
        assertThat(secret).startsWith("l2c_");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)).hasStatusOk();

        assertThat(page(session)).as("shown once, after the creation").contains("id=\"new-token\"", secret);
        assertThat(page(session)).contains("报表脚本").doesNotContain(secret);
        String tokenId = fixtures.json(mvc.get().uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)).get(0).get("id").asString();

        assertThat(mvc.post().uri("/account/tokens/{id}/revoke", tokenId).cookie(session).with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        var again = mvc.post().uri("/account/tokens/{id}/revoke", tokenId).cookie(session).with(csrf()).exchange();
        assertThat(again).as("a second click on a revoked token: the same success, no 404 page")
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/account");
        assertThat(again.getMvcResult().getFlashMap().get("flashSuccess")).isEqualTo("flash.token.revoked");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
