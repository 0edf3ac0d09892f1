package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.internal.web.ProblemWriter;
import com.lead2cash.platform.internal.web.ProgramCalls;
import com.lead2cash.platform.internal.web.RefusalPage;
import com.lead2cash.platform.internal.web.SecurityHeaders;
import com.lead2cash.platform.internal.web.UploadLimitFilter;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Two doors: the API ({@code /api/**}) takes bearer tokens and keeps no session; the web UI uses
 * form login with a database-backed session and CSRF protection. The actuator ({@code /actuator/**}) takes either.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_WEB = {"/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
            "/favicon.ico", LoginFailureHandler.THROTTLED_PAGE, "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html",
            // customers' contacts answer confirmations without an account; the link is the credential
            RefusalPage.PUBLIC_LINKS + "**"};

    /** The pages' content security policy ({@link SecurityHeaders#CONTENT_SECURITY_POLICY}). */
    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

    /**
     * Sessions are stored with PostgreSQL's upsert: two requests of one session that set the same attribute at
     * once (a form sent twice, two tabs posting) both save, where the plain insert of the second failed on the
     * attributes' key and its page was the servlet container's bare error page.
     */
    @Bean
    static org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionUpserts() {
        return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Spring Security's own observations (a timed span around every filter of the chain, every
     * authentication and every authorization) cost about a tenth of a cheap API request's CPU (JFR at
     * S, docs/performance.md); the request itself is still observed ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return passwordEncoder(properties.passwordHashStrength());
    }

    /**
     * New hashes are bcrypt of the configured strength; a stored hash verifies whatever its strength (bcrypt
     * keeps it in the hash) or its kind (Spring Security's other encoders), so old hashes keep working when
     * the strength or the default moves on.
     */
    static PasswordEncoder passwordEncoder(int strength) {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }

    @Bean
    AuthenticationManager authenticationManager(L2cUserDetailsService users, PasswordEncoder encoder,
                                                ApplicationEventPublisher publisher, LoginThrottle throttle,
                                                LoginAttempts attempts) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(publisher));
        // a throttled address is refused before any account is looked up; every outcome is counted and decided there
        return new ThrottledAuthenticationManager(throttle, attempts, manager);
    }

    /**
     * An address the firewall refuses (an encoded NUL, a double slash, a {@code ;jsessionid=}…): 400, as a problem on
     * the API, with the headers no chain has written yet (the firewall refuses before one is chosen); elsewhere the
     * container's error dispatch, which the web chain and the product's error endpoint answer (a page for a browser,
     * a problem for anything else).
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> {
            if (request.getRequestURI().startsWith("/api/")) {
                SecurityHeaders.problem(response);
                problems.write(request, response, HttpStatus.BAD_REQUEST, "error.requestRejected");
            } else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager, ApiTokens tokens,
                            L2cUserDetailsService details, ProblemWriter problems, LoginThrottle throttle,
                            UploadLimitFilter uploads) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(manager)
                .csrf(csrf -> csrf.disable())
                // a bearer call never touches the web session its caller may also send: without this, the session
                // management the stateless policy switches on took each bearer authentication for a sign-in and
                // changed the session's id (fixation protection), which signed the browser out
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, details), BasicAuthenticationFilter.class)
                // an upload is read once its caller is known and allowed: 401 and 403 come before its parts
                .addFilterAfter(uploads, AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/auth/token", "/api/v1/public/**").permitAll()
                        .requestMatchers("/api/v1/users/**", "/api/v1/org-units/**", "/api/v1/audit/**",
                                "/api/v1/field-rules/**")
                        .hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new ApiEntryPoint(throttle, problems))
                        .accessDeniedHandler((req, res, ex) ->
                                problems.write(req, res, HttpStatus.FORBIDDEN, "error.forbidden")));
        return http.build();
    }

    /**
     * The actuator ({@code /actuator/**}): health and info for anyone (health's details for administrators only),
     * the rest (metrics, modulith) for administrators — signed in on the screens, or with a bearer token as
     * on the API (a monitoring system's scraper). Its own chain, before the web's: the web chain knows no token.
     * A program's refused call ({@link ProgramCalls#fromProgram}) is answered 401 or 403 as a problem, as the API
     * answers; a browser is sent to sign in, or shown the product's 403 page.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, AuthenticationManager manager, ApiTokens tokens,
                                 L2cUserDetailsService details, ProblemWriter problems, LoginThrottle throttle,
                                 SessionRevalidation sessions, RefusalPage refusals) throws Exception {
        AuthenticationEntryPoint program = new ApiEntryPoint(throttle, problems);
        AuthenticationEntryPoint browser = PartialRequestSignIn.orSignInPage("/login");
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        // a program's refused call is no page to come back to after signing in, and starts no session
        pagesOnly.setRequestMatcher(request -> !ProgramCalls.fromProgram(request));
        http.securityMatcher("/actuator/**")
                .authenticationManager(manager)
                // a call with a token carries no CSRF token, and needs none: no browser adds the header by itself
                .csrf(csrf -> csrf.ignoringRequestMatchers(new RequestHeaderRequestMatcher(HttpHeaders.AUTHORIZATION)))
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .addFilterBefore(sessions.filter(), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, details), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) ->
                                (ProgramCalls.fromProgram(request) ? program : browser).commence(request, response, ex))
                        .accessDeniedHandler((request, response, ex) -> {
                            if (ProgramCalls.fromProgram(request)) {
                                problems.write(request, response, HttpStatus.FORBIDDEN, "error.forbidden");
                            } else {
                                refusals.handle(request, response, ex);
                            }
                        }))
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager manager, SessionRevalidation sessions,
                            RefusalPage refusals, UploadLimitFilter uploads) throws Exception {
        http.authenticationManager(manager)
                // an upload is read once the session's sign-in is known, before the CSRF check (a form's token may
                // be one of its parts); one not signed in is never read, and goes to sign in
                .addFilterBefore(uploads, CsrfFilter.class)
                // revoked access ends at the next request, before anything is authorised
                .addFilterBefore(sessions.filter(), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_WEB).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                // a refusal (a form without its CSRF token included) is the product's 403 page, not Boot's error JSON;
                // a form posted after the session ended goes through sign-in back to its page
                .exceptionHandling(e -> e.authenticationEntryPoint(PartialRequestSignIn.orSignInPage("/login"))
                        .accessDeniedHandler(new FormAfterSessionEnded(refusals, PartialRequestSignIn.orSignInPage("/login"))))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(new LoginFailureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }
}
