package com.lead2cash.testing;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.OrgUnit;
import com.lead2cash.platform.internal.identity.User;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds people and org units for tests, and signs them in to the API. */
@Component
public class Fixtures {

    public static final String ADMIN_PASSWORD = "Admin-Pass-2026";
    public static final String PASSWORD = "Password-123";

    private final IdentityService identity;
    private final JsonMapper json;

    Fixtures(IdentityService identity, JsonMapper json) {
        this.identity = identity;
        this.json = json;
    }

    public UUID rootUnit() {
        return identity.orgTree().get(0).id();
    }

    public UUID unit(String name) {
        return unit(name, rootUnit());
    }

    public UUID unit(String name, UUID parent) {
        return identity.createOrgUnit(parent, name).id();
    }

    public void appointManager(UUID unitId, UUID userId) {
        OrgUnit unit = identity.orgUnit(unitId);
        identity.updateOrgUnit(unitId, unit.name(), userId, unit.version());
    }

    public User user(String username, UUID unit, LocalDate hireDate, Role... roles) {
        return identity.createUser(new IdentityService.UserForm(username, username + " Name", username + "@example.test",
                PASSWORD, unit, Set.of(roles), hireDate));
    }

    /** A bearer token for the user (issued through the API, as a client would). */
    public String token(MockMvcTester mvc, String username, String password) {
        var result = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").exchange();
        JsonNode body = json.readTree(result.getResponse().getContentAsByteArray());
        return body.get("token").asString();
    }

    public String token(MockMvcTester mvc, String username) {
        return token(mvc, username, "admin".equals(username) ? ADMIN_PASSWORD : PASSWORD);
    }

    /**
     * The administrator saves the user through the API ({@code PUT /api/v1/users/{id}}) with this unit, these roles and
     * activation, the rest of their profile as it is, answered in the language given.
     */
    public MvcTestResult saveUser(MockMvcTester mvc, UUID userId, UUID unit, Collection<Role> roles, boolean active,
                                  String language) {
        User current = identity.user(userId);
        return mvc.put().uri("/api/v1/users/{id}", userId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(mvc, "admin"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language).contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"" + current.displayName() + "\",\"orgUnitId\":\"" + unit
                        + "\",\"roles\":" + roles.stream().map(r -> "\"" + r + "\"").toList()
                        + ",\"active\":" + active + ",\"version\":" + current.version() + "}").exchange();
    }

    /** Signs in through the login form, as a browser does; the answer is the session cookie. */
    public jakarta.servlet.http.Cookie session(MockMvcTester mvc, String username, String password) {
        return mvc.post().uri("/login")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("username", username).param("password", password)
                .exchange().getResponse().getCookie("SESSION");
    }

    public JsonNode json(MockMvcTester.MockMvcRequestBuilder request) {
        return json.readTree(request.exchange().getResponse().getContentAsByteArray());
    }

    public JsonMapper mapper() {
        return json;
    }
}
