package com.lead2cash.testing;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * A small sales company for customer tests: East with a manager and two reps, West with a manager and a
 * rep, a sales director, finance; and calls to the customer API as one of them.
 */
@Component
public class CustomerTestSupport {

    public static final LocalDate HIRED = LocalDate.of(2020, 3, 1);

    public record Company(UUID east, UUID west, User eastManager, User eastRep, User eastRep2, User westManager,
                          User westRep, User director, User finance) {
    }

    private final Fixtures fixtures;
    private final JdbcClient jdbc;

    CustomerTestSupport(Fixtures fixtures, JdbcClient jdbc) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    /**
     * A valid unified social credit code (GB 32100, both check characters right) no other test's customer has: a
     * customer registered with a code another has is a possible duplicate, kept only with a reason.
     */
    public static String uniqueUscc() {
        String body = String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        String first17 = "91330100" + body
                + com.lead2cash.customer.UnifiedSocialCreditCode.organisationCodeCheckDigitFor(body);
        return first17 + com.lead2cash.customer.UnifiedSocialCreditCode.checkDigitFor(first17);
    }

    /** Builds the company; {@code tag} keeps usernames unique when a class builds several. */
    public Company company(String tag) {
        UUID east = fixtures.unit("East " + tag);
        UUID west = fixtures.unit("West " + tag);
        User eastManager = fixtures.user("em." + tag, east, HIRED, Role.REGIONAL_MANAGER);
        User eastRep = fixtures.user("er." + tag, east, HIRED, Role.SALES_REP);
        User eastRep2 = fixtures.user("er2." + tag, east, HIRED, Role.SALES_REP);
        User westManager = fixtures.user("wm." + tag, west, HIRED, Role.REGIONAL_MANAGER);
        User westRep = fixtures.user("wr." + tag, west, HIRED, Role.SALES_REP);
        User director = fixtures.user("dir." + tag, fixtures.rootUnit(), HIRED, Role.SALES_DIRECTOR);
        User finance = fixtures.user("fin." + tag, fixtures.rootUnit(), HIRED, Role.FINANCE);
        fixtures.appointManager(east, eastManager.id());
        fixtures.appointManager(west, westManager.id());
        return new Company(east, west, eastManager, eastRep, eastRep2, westManager, westRep, director, finance);
    }

    public String bearer(MockMvcTester mvc, User user) {
        return "Bearer " + fixtures.token(mvc, user.username());
    }

    public String bearer(MockMvcTester mvc, String username) {
        return "Bearer " + fixtures.token(mvc, username);
    }

    /** Publishes a policy version (as the administrator) changing one parameter of one rule; refuses a failed change. */
    public void changePolicy(MockMvcTester mvc, String rule, String parameter, String value) {
        var result = post(mvc, bearer(mvc, "admin"), "/api/v1/policy", """
                {"reason":"test","changes":[{"rule":"%s","parameter":"%s","value":"%s"}]}
                """.formatted(rule, parameter, value));
        if (result.getResponse().getStatus() >= 300) {
            throw new IllegalStateException("policy change refused: " + result.getResponse().getStatus());
        }
    }

    /**
     * Replaces the field rules (as the administrator) with {@code rulesJson}, a JSON array of {role, field, access};
     * {@code []} puts every field back on the default rule. Refuses a failed change.
     */
    public void fieldRules(MockMvcTester mvc, String rulesJson) {
        String admin = bearer(mvc, "admin");
        long version = getJson(mvc, admin, "/api/v1/field-rules").get("version").asLong();
        var result = put(mvc, admin, "/api/v1/field-rules", "{\"version\":%d,\"rules\":%s}".formatted(version, rulesJson));
        if (result.getResponse().getStatus() != 200) {
            throw new IllegalStateException("field rules refused: " + result.getResponse().getStatus());
        }
    }

    /** A POST with a JSON body, or none when {@code body} is null. */
    public MvcTestResult post(MockMvcTester mvc, String token, String uri, String body) {
        var request = mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, token);
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    public MvcTestResult put(MockMvcTester mvc, String token, String uri, String body) {
        return mvc.put().uri(uri).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }

    public MvcTestResult get(MockMvcTester mvc, String token, String uri) {
        return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    public JsonNode json(MvcTestResult result) {
        return fixtures.mapper().readTree(result.getResponse().getContentAsByteArray());
    }

    public JsonNode postJson(MockMvcTester mvc, String token, String uri, String body) {
        return json(post(mvc, token, uri, body));
    }

    public JsonNode getJson(MockMvcTester mvc, String token, String uri) {
        return json(get(mvc, token, uri));
    }

    /** A GET with URI template variables, which MockMvc encodes (Chinese text, spaces, plus signs). */
    public JsonNode getJson(MockMvcTester mvc, String token, String uriTemplate, Object... variables) {
        return json(mvc.get().uri(uriTemplate, variables).header(HttpHeaders.AUTHORIZATION, token).exchange());
    }

    /** A browser session of the user (form login). */
    public jakarta.servlet.http.Cookie session(MockMvcTester mvc, User user) {
        return fixtures.session(mvc, user.username(), Fixtures.PASSWORD);
    }

    /** Registers a customer through the API and answers it. */
    public JsonNode customer(MockMvcTester mvc, String token, String name, String extraJson) {
        MvcTestResult result = post(mvc, token, "/api/v1/customers",
                "{\"name\":\"" + name + "\"" + (extraJson == null || extraJson.isBlank() ? "" : "," + extraJson) + "}");
        if (result.getResponse().getStatus() != 201) {
            throw new AssertionError("customer not created: " + result.getResponse().getStatus() + " "
                    + new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return json(result);
    }

    /** The SOP deadlines of a subject, as rule:state, oldest first. */
    public List<String> deadlines(String subjectType, Object subjectId) {
        return jdbc.sql("select rule_id || ':' || state from sop_deadline where subject_type = :t and subject_id = :id order by started_at, created_at, rule_id")
                .param("t", subjectType).param("id", subjectId.toString()).query(String.class).list();
    }
}
