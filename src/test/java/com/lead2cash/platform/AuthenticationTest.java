package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class AuthenticationTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    private String username;

    @BeforeEach
    void aRep() {
        username = "rep" + java.util.UUID.randomUUID().toString().substring(0, 8);
        fixtures.user(username, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP);
    }

    private MvcTestResult formLogin(String user, String password) {
        return mvc.post().uri("/login").with(csrf()).param("username", user).param("password", password).exchange();
    }

    @Test
    void formLoginWithTheRightPasswordOpensASessionAndLogoutEndsIt() {
        MvcTestResult login = formLogin(username, Fixtures.PASSWORD);
        assertThat(login).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
        Cookie session = login.getResponse().getCookie("SESSION");

        assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk();

        MvcTestResult logout = mvc.post().uri("/logout").cookie(session).with(csrf()).exchange();
        assertThat(logout).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?logout");
        assertThat(mvc.get().uri("/").cookie(session)).hasStatus(HttpStatus.FOUND);
        assertThat(auditActions(username)).contains("LOGIN", "LOGOUT");
    }

    @Test
    void aBearerCallThatAlsoSendsTheSessionCookieLeavesTheWebSessionAsItWas() {
        Cookie session = formLogin(username, Fixtures.PASSWORD).getResponse().getCookie("SESSION");
        assertThat(mvc.get().uri("/leads").cookie(session)).hasStatusOk();
        String token = fixtures.token(mvc, username);

        MvcTestResult api = mvc.get().uri("/api/v1/me").cookie(session)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
        assertThat(api).hasStatusOk().bodyJson().extractingPath("$.username").isEqualTo(username);
        // stateless: no session made, changed or ended, so no cookie to replace the browser's
        assertThat(api.getResponse().getCookie("SESSION")).isNull();
        assertThat(api.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();

        assertThat(mvc.get().uri("/leads").cookie(session)).as("still signed in on the web").hasStatusOk();
    }

    @Test
    void aPasswordIsStoredAsABcryptHashOfTheConfiguredStrength() {
        // tests hash at bcrypt's lowest strength (testing.CheapPasswordHashes); the product's is 10 (application.yml)
        String hash = jdbc.sql("select password_hash from platform_user where username = :u").param("u", username)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2a$04$").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void wrongPasswordIsRefusedAndRecorded() {
        assertThat(formLogin(username, "wrong-password")).hasRedirectedUrl("/login?error");
        assertThat(auditActions(username)).contains("LOGIN_FAILED");
    }

    @Test
    void aRefusedSignInKeepsTheUsernameTypedButNeverThePassword() {
        MvcTestResult refused = formLogin(username, "wrong-password-kept-nowhere");
        assertThat(refused).hasRedirectedUrl("/login?error");
        Cookie session = refused.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();

        MvcTestResult form = mvc.get().uri("/login?error").cookie(session).exchange();
        assertThat(form).hasStatusOk().bodyText().contains("value=\"" + username + "\"")
                .contains("id=\"login-error\"").doesNotContain("wrong-password-kept-nowhere");
        assertThat(mvc.get().uri("/login").cookie(session)).as("offered once")
                .bodyText().doesNotContain("value=\"" + username + "\"");
    }

    @Test
    void anAnonymousPageRequestIsSentToTheLoginPage() {
        assertThat(mvc.get().uri("/admin/users")).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/login");
    }

    @Test
    void theSignInPageNamesItsIconAndTheIconIsServedToAnyone() {
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("href=\"/img/favicon.svg\"");
        assertThat(mvc.get().uri("/img/favicon.svg")).hasStatusOk().bodyText().startsWith("<svg");
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() {
        MvcTestResult result = mvc.post().uri("/login").param("username", username)
                .param("password", Fixtures.PASSWORD).header(HttpHeaders.REFERER, "http://localhost/login").exchange();
        // not signed in: sent back to a fresh sign-in page (a sign-in page left open past its session, say)
        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        jakarta.servlet.http.Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(mvc.get().uri("/").cookie(session)).as("no session was signed in").hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/login");
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            formLogin(username, "wrong-" + i);
        }
        assertThat(formLogin(username, Fixtures.PASSWORD)).hasRedirectedUrl("/login?error");
        assertThat(mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.code").as("locked looks like bad credentials").isEqualTo("error.badCredentials");
        assertThat(auditActions(username)).contains("LOCKED");
    }

    @Test
    void aRefusedSignInIsAuditedWithWhyInTheAuditsWordsNeverAClassName() {
        // from an address of its own, so that its failures do not throttle the other tests' sign-ins
        java.util.function.Consumer<String> signIn = password -> mvc.post().uri("/login").with(csrf())
                .with(request -> {
                    request.setRemoteAddr("203.0.113.9");
                    return request;
                }).param("username", username).param("password", password).exchange();
        signIn.accept("wrong-password");
        jdbc.sql("update platform_user set locked_until = now() + interval '1 hour' where username = :u")
                .param("u", username).update();
        signIn.accept(Fixtures.PASSWORD);
        jdbc.sql("update platform_user set locked_until = null, active = false where username = :u")
                .param("u", username).update();
        signIn.accept(Fixtures.PASSWORD);
        // recorded as LockedException and DisabledException
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        assertThat(mvc.get().uri("/api/v1/audit?action=LOGIN_FAILED&actor=" + username)
                .header(HttpHeaders.AUTHORIZATION, admin)).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].detail").asArray()
                .contains("bad credentials", "account locked", "account deactivated")
                .noneSatisfy(d -> assertThat(String.valueOf(d)).endsWith("Exception"));
        // recorded as message keys: said in the reader's language
        assertThat(mvc.get().uri("/api/v1/audit?action=LOGIN_FAILED&actor=" + username)
                .header(HttpHeaders.AUTHORIZATION, admin).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].detail").asArray()
                .contains("用户名或密码错误", "账户已锁定", "账户已停用");
        assertThat(jdbc.sql("select detail from platform_audit_event where actor_name = :u and action = 'LOGIN_FAILED'")
                .param("u", username).query(String.class).list())
                .contains("audit.detail.badCredentials", "audit.detail.accountLocked", "audit.detail.accountDeactivated");
    }

    @Test
    void aTokenAuthenticatesApiCallsUntilItIsRevoked() {
        String token = fixtures.token(mvc, username);
        assertThat(token).startsWith("l2c_");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatusOk().bodyJson().extractingPath("$.username").isEqualTo(username);

        assertThat(mvc.delete().uri("/api/v1/auth/token").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .as("RFC 6750: the token sent is no good").hasHeader(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"lead2cash\", error=\"invalid_token\"");
    }

    /** RFC 9110: every 401 says, in WWW-Authenticate, how to authenticate; RFC 6750 words the bearer routes'. */
    @Test
    void a401NamesTheSchemeToAuthenticateWith() {
        assertThat(mvc.get().uri("/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lead2cash\"");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer garbage"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lead2cash\", error=\"invalid_token\"");
        // a screen still sends the browser to sign in, not a challenge
        assertThat(mvc.get().uri("/customers")).hasStatus(HttpStatus.FOUND).doesNotContainHeader(HttpHeaders.WWW_AUTHENTICATE)
                .redirectedUrl().endsWith("/login");
    }

    /** An API read stays a read: the token's last use is written at most once a minute, not on every call. */
    @Test
    void aTokensLastUseIsKeptToTheMinuteWithoutAWritePerCall() {
        String token = fixtures.token(mvc, username);
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).hasStatusOk();
        java.sql.Timestamp first = lastUse(username);
        assertThat(first).isNotNull();
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).hasStatusOk();
        assertThat(lastUse(username)).isEqualTo(first);

        jdbc.sql("update platform_api_token set last_used_at = last_used_at - interval '2 minutes' where user_id = "
                + "(select id from platform_user where username = :u)").param("u", username).update();
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).hasStatusOk();
        assertThat(lastUse(username)).isAfter(first);
    }

    private java.sql.Timestamp lastUse(String user) {
        return jdbc.sql("select max(last_used_at) from platform_api_token t join platform_user u on u.id = t.user_id "
                + "where u.username = :u").param("u", user).query(java.sql.Timestamp.class).single();
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String token = fixtures.token(mvc, username);
        Integer plain = jdbc.sql("select count(*) from platform_api_token where token_hash = :t")
                .param("t", token).query(Integer.class).single();
        assertThat(plain).isZero();
    }

    @Test
    void badCredentialsOnTheTokenEndpointAnswer401Problem() {
        assertThat(mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"nope\"}"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Password realm=\"lead2cash\"")
                .bodyJson().extractingPath("$.code").isEqualTo("error.badCredentials");
    }

    @Test
    void aRepCannotUseTheAdministratorsApi() {
        String token = fixtures.token(mvc, username);
        assertThat(mvc.get().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndThenTheNewOneWorks() {
        Cookie session = formLogin(username, Fixtures.PASSWORD).getResponse().getCookie("SESSION");
        assertThat(mvc.post().uri("/account/password").cookie(session).with(csrf())
                .param("currentPassword", "wrong").param("newPassword", "New-Password-1")
                .param("confirmPassword", "New-Password-1")).hasStatusOk()
                .bodyText().contains("password-errors");
        assertThat(mvc.post().uri("/account/password").cookie(session).with(csrf())
                .param("currentPassword", Fixtures.PASSWORD).param("newPassword", "New-Password-1")
                .param("confirmPassword", "New-Password-1")).hasStatus(HttpStatus.FOUND);
        assertThat(formLogin(username, "New-Password-1")).hasRedirectedUrl("/");
    }

    private java.util.List<String> auditActions(String user) {
        return jdbc.sql("select action from platform_audit_event where actor_name = :u order by id")
                .param("u", user).query(String.class).list();
    }
}
