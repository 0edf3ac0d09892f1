package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.platform.internal.identity.LoginRecorder;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Sign-in abuse: failures are counted exactly however many arrive at once, a locked account looks like
 * bad credentials, and one client address that keeps failing is throttled (429) before it can lock
 * everybody out (the policy is in docs/operations.md).
 */
@IntegrationTest
class LoginAbuseTest {

    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired AuthenticationManager authentication;
    @Autowired MutableClock clock;
    @Autowired LoginRecorder logins;

    private String rep(String name) {
        fixtures.user(name, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP);
        return name;
    }

    private MvcTestResult formLogin(String address, String username, String password) {
        return mvc.post().uri("/login").with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).param("username", username).param("password", password).exchange();
    }

    private MvcTestResult tokenRequest(String address, String username, String password) {
        return mvc.post().uri("/api/v1/auth/token").with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").exchange();
    }

    private int failedLogins(String username) {
        return jdbc.sql("select failed_logins from platform_user where username = :u").param("u", username)
                .query(Integer.class).single();
    }

    private boolean locked(String username) {
        return jdbc.sql("select locked_until is not null from platform_user where username = :u").param("u", username)
                .query(Boolean.class).single();
    }

    @Test
    void concurrentFailedSignInsAreEachCounted() throws Exception {
        String user = rep("racer");
        int attempts = 16;
        CyclicBarrier together = new CyclicBarrier(attempts);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<LoginRecorder.Failure>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                // the failure count's own call, without the password check in front, so that they collide
                answers.add(pool.submit(() -> {
                    together.await();
                    return logins.failed(user, 100, Duration.ofMinutes(15));
                }));
            }
            for (Future<LoginRecorder.Failure> answer : answers) {
                assertThat(answer.get()).as("counted without locking (limit 100)").isEqualTo(LoginRecorder.Failure.COUNTED);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(failedLogins(user)).isEqualTo(attempts);
    }

    @Test
    void failuresThroughTheSignInAreCountedTowardsTheLockout() {
        String user = rep("counted");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(user, "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(failedLogins(user)).isEqualTo(4);
        assertThat(locked(user)).isFalse();
    }

    @Test
    void aLockedAccountIsAnsweredExactlyLikeAnUnknownUsername() throws Exception {
        String user = rep("locked.one");
        for (int i = 0; i < 5; i++) {
            formLogin("10.0.1.1", user, "wrong-" + i);
        }
        assertThat(locked(user)).isTrue();

        MvcTestResult lockedApi = tokenRequest("10.0.1.2", user, Fixtures.PASSWORD);
        MvcTestResult unknownApi = tokenRequest("10.0.1.2", "nobody.here", Fixtures.PASSWORD);
        assertThat(lockedApi).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(lockedApi.getResponse().getContentAsByteArray())
                .isEqualTo(unknownApi.getResponse().getContentAsByteArray());

        MvcTestResult lockedForm = formLogin("10.0.1.3", user, Fixtures.PASSWORD);
        MvcTestResult unknownForm = formLogin("10.0.1.3", "nobody.here", Fixtures.PASSWORD);
        assertThat(lockedForm).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
        assertThat(unknownForm).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
        assertThat(errorMessage(lockedForm)).isEqualTo(errorMessage(unknownForm)).isNotBlank();
    }

    /** The message the sign-in page shows after the failure, in the failed attempt's session. */
    private String errorMessage(MvcTestResult failure) throws java.io.UnsupportedEncodingException {
        String page = mvc.get().uri("/login?error").session((org.springframework.mock.web.MockHttpSession)
                failure.getRequest().getSession()).exchange().getResponse().getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8);
        int start = page.indexOf("id=\"login-error\"");
        return page.substring(page.indexOf('>', start) + 1, page.indexOf("</div>", start)).trim();
    }

    @Test
    void repeatedFailuresFromOneAddressAreAnswered429WithRetryAfterWithoutTouchingAccounts() {
        String user = rep("innocent");
        for (int i = 0; i < 10; i++) {
            assertThat(formLogin("10.0.2.1", "guess" + i, "wrong")).hasRedirectedUrl("/login?error");
        }

        MvcTestResult form = formLogin("10.0.2.1", user, Fixtures.PASSWORD);
        assertThat(form).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasForwardedUrl("/login/throttled");
        assertThat(Long.parseLong(form.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 900L);
        MvcTestResult api = tokenRequest("10.0.2.1", user, Fixtures.PASSWORD);
        assertThat(api).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.loginThrottled");
        assertThat(api.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(failedLogins(user)).as("a throttled attempt checks no password").isZero();

        assertThat(formLogin("10.0.2.2", user, Fixtures.PASSWORD)).as("other addresses sign in as usual")
                .hasRedirectedUrl("/");
        clock.advance(Duration.ofMinutes(15));
        assertThat(formLogin("10.0.2.1", user, Fixtures.PASSWORD)).as("the address may try again after the window")
                .hasRedirectedUrl("/");
    }

    @Test
    void oneAddressGuessingPasswordsCannotLockEveryoneOut() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(rep("target" + i));
        }
        for (String user : users) {
            for (int guess = 0; guess < 5; guess++) {
                formLogin("10.0.3.1", user, "guess-" + guess);
            }
        }
        long lockedAccounts = users.stream().filter(this::locked).count();
        assertThat(lockedAccounts).as("10 failures per address and window, 5 per account").isLessThanOrEqualTo(2);
        for (String user : users.subList(2, users.size())) {
            assertThat(formLogin("10.0.3.2", user, Fixtures.PASSWORD)).hasRedirectedUrl("/");
        }
    }

    @Test
    void theThrottledSignInPageSaysWhenToTryAgain() {
        assertThat(mvc.get().uri("/login/throttled")).as("not a page of its own").hasRedirectedUrl("/login");
        for (int i = 0; i < 10; i++) {
            formLogin("10.0.4.1", "someone" + i, "wrong");
        }
        MvcTestResult throttled = formLogin("10.0.4.1", "someone", "wrong");
        assertThat(throttled).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasForwardedUrl("/login/throttled");
        String minutesAttribute = "com.lead2cash.platform.internal.security.LoginFailureHandler.minutes";
        Object minutes = throttled.getRequest().getAttribute(minutesAttribute);
        assertThat(minutes).isEqualTo(15L);

        // what the forward renders
        assertThat(mvc.get().uri("/login/throttled").requestAttr(minutesAttribute, minutes)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")).hasStatusOk().bodyText()
                .contains("Too many failed sign-ins from your network. Try again in 15 minutes.");
    }
    private MvcTestResult withToken(String address, String token) {
        return mvc.get().uri("/api/v1/me").with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    @Test
    void wrongBearerTokensFromOneAddressAreAnswered429UntilTheWindowEndsWhileValidTokensStillWork() {
        String user = rep("token.holder");
        String valid = fixtures.token(mvc, user);
        for (int i = 0; i < 10; i++) {
            assertThat(withToken("10.0.5.1", i % 2 == 0 ? "l2c_guess" + i : "malformed" + i))
                    .hasStatus(HttpStatus.UNAUTHORIZED);
        }
        MvcTestResult throttled = withToken("10.0.5.1", "l2c_guess-more");
        assertThat(throttled).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.addressThrottled");
        assertThat(throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("900");

        // a valid token is looked up first: it works from the throttled address (decision 0037)
        assertThat(withToken("10.0.5.1", valid)).hasStatusOk();
        assertThat(withToken("10.0.5.2", "l2c_guess-elsewhere")).as("other addresses")
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(formLogin("10.0.5.1", user, Fixtures.PASSWORD)).as("sign-in counts apart").hasRedirectedUrl("/");

        clock.advance(Duration.ofMinutes(15));
        assertThat(withToken("10.0.5.1", "l2c_guess-next-window")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    /** How many of the user's sign-in failures the audit trail records with this reason. */
    private long audited(String username, String reason) {
        return jdbc.sql("select count(*) from platform_audit_event where actor_name = :u and detail = :d")
                .param("u", username).param("d", reason).query(Long.class).single();
    }

    /** Runs the attempts all at once (released together by a latch) and counts their answers. */
    private <T> java.util.Map<T, Long> burst(int attempts, IntFunction<T> attempt) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int n = i;
                answers.add(threads.submit(() -> {
                    start.await();
                    return attempt.apply(n);
                }));
            }
            start.countDown();
            java.util.Map<T, Long> counted = new java.util.HashMap<>();
            for (Future<T> answer : answers) {
                counted.merge(answer.get(), 1L, Long::sum);
            }
            return counted;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void parallelWrongPasswordsOnTheFormGetExactlyTheLimitsOfWrongPasswordAnswers() throws Exception {
        String user = rep("burst.form");
        java.util.Map<String, Long> answers = burst(30, i -> {
            MvcTestResult result = formLogin("10.0.6.1", user, "wrong-" + i);
            return result.getResponse().getStatus() + " " + result.getResponse().getRedirectedUrl();
        });
        assertThat(answers).as("the address's limit of failures, then 429")
                .containsOnly(java.util.Map.entry("302 /login?error", 10L), java.util.Map.entry("429 null", 20L));
        assertThat(audited(user, "audit.detail.badCredentials")).as("the account's limit of wrong passwords").isEqualTo(5);
        assertThat(audited(user, "audit.detail.accountLocked")).as("the others within the address's limit").isEqualTo(5);
        assertThat(locked(user)).isTrue();
        assertThat(formLogin("10.0.6.2", user, Fixtures.PASSWORD)).as("locked").hasRedirectedUrl("/login?error");
    }

    @Test
    void parallelWrongPasswordsOnTheTokenEndpointGetExactlyTheLimitsOfWrongPasswordAnswers() throws Exception {
        String user = rep("burst.token");
        java.util.Map<Integer, Long> answers = burst(30,
                i -> tokenRequest("10.0.6.3", user, "wrong-" + i).getResponse().getStatus());
        assertThat(answers).as("the address's limit of failures, then 429")
                .containsOnly(java.util.Map.entry(401, 10L), java.util.Map.entry(429, 20L));
        assertThat(audited(user, "audit.detail.badCredentials")).as("the account's limit of wrong passwords").isEqualTo(5);
        assertThat(audited(user, "audit.detail.accountLocked")).as("the others within the address's limit").isEqualTo(5);
        assertThat(locked(user)).isTrue();
        assertThat(tokenRequest("10.0.6.4", user, Fixtures.PASSWORD)).as("locked").hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void parallelWrongPasswordsFromManyAddressesGetExactlyTheAccountsLimitOfWrongPasswordAnswers() throws Exception {
        String user = rep("burst.spread");
        java.util.Map<Integer, Long> answers = burst(24,
                i -> tokenRequest("10.0.7." + i, user, "wrong-" + i).getResponse().getStatus());
        assertThat(answers).as("no address reaches its limit").containsOnly(java.util.Map.entry(401, 24L));
        assertThat(audited(user, "audit.detail.badCredentials")).as("the account's limit of wrong passwords").isEqualTo(5);
        assertThat(audited(user, "audit.detail.accountLocked")).isEqualTo(19);
        assertThat(locked(user)).isTrue();
        assertThat(failedLogins(user)).as("the failures past the lock count for nothing").isZero();

        String other = rep("burst.direct");
        java.util.Map<Class<?>, Long> refusals = burst(12, i -> {
            try {
                authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(other, "wrong-" + i));
                return Void.class;
            } catch (RuntimeException refused) {
                return refused.getClass();
            }
        });
        assertThat(refusals).as("exactly five wrong passwords, the rest find the account locked")
                .containsOnly(java.util.Map.entry(BadCredentialsException.class, 5L),
                        java.util.Map.entry(LockedException.class, 7L));
    }

    @Test
    void theRightPasswordWithinTheLimitSignsInAndClearsTheCount() {
        String user = rep("right.within");
        for (int i = 0; i < 4; i++) {
            assertThat(formLogin("10.0.8.1", user, "wrong-" + i)).hasRedirectedUrl("/login?error");
        }
        assertThat(failedLogins(user)).isEqualTo(4);
        assertThat(formLogin("10.0.8.1", user, Fixtures.PASSWORD)).hasRedirectedUrl("/");
        assertThat(failedLogins(user)).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(tokenRequest("10.0.8.2", user, "again-" + i)).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        assertThat(locked(user)).as("the count began again").isFalse();
        assertThat(tokenRequest("10.0.8.2", user, Fixtures.PASSWORD)).hasStatusOk();
        assertThat(failedLogins(user)).isZero();
    }

    @Test
    void aRightPasswordCheckedBeforeTheLockButCountedAfterItIsRefusedAndUnlocksNothing() {
        String user = rep("right.raced");
        java.util.UUID id = jdbc.sql("select id from platform_user where username = :u").param("u", user)
                .query(java.util.UUID.class).single();
        for (int i = 0; i < 5; i++) {
            logins.failed(user, 5, Duration.ofMinutes(15));
        }
        assertThat(logins.succeeded(id)).as("locked by the failures that came first").isFalse();
        assertThat(locked(user)).isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(logins.succeeded(id)).as("after the lockout").isTrue();
        assertThat(locked(user)).isFalse();
    }
}
