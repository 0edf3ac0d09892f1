package com.lead2cash.testing;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Opportunities, products and quotes for tests, built through the API as a client would: the customer
 * test company plus a tech-support colleague, a customer with a contact, an opportunity qualified by its
 * panel (O1, O2) and products in the catalogue.
 */
@Component
public class SalesTestSupport {

    /** The customer company of {@link CustomerTestSupport} and a tech-support colleague. */
    public record Team(CustomerTestSupport.Company company, User tech) {
        public User rep() { return company.eastRep(); }
        public User manager() { return company.eastManager(); }
        public User director() { return company.director(); }
        public User otherRep() { return company.westRep(); }
    }

    private final CustomerTestSupport customers;
    private final Fixtures fixtures;
    private final CustomerDirectory directory;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final java.time.Clock clock;
    private static final java.time.LocalDate YEAR_END = java.time.LocalDate.of(2026, 12, 31);

    SalesTestSupport(CustomerTestSupport customers, Fixtures fixtures, CustomerDirectory directory,
                     org.springframework.jdbc.core.simple.JdbcClient jdbc, java.time.Clock clock) {
        this.customers = customers;
        this.clock = clock;
        this.fixtures = fixtures;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    public Team team(String tag) {
        CustomerTestSupport.Company company = customers.company(tag);
        User tech = fixtures.user("tech." + tag, fixtures.rootUnit(), CustomerTestSupport.HIRED, Role.TECH_SUPPORT);
        return new Team(company, tech);
    }

    public String bearer(MockMvcTester mvc, User user) {
        return customers.bearer(mvc, user);
    }

    /**
     * A customer owned by {@code owner} with one contact who has an e-mail address, registered through the
     * customer module's public API (what other modules may use); answers the customer's id.
     */
    public String customerWithContact(User owner, String name, String contact, String email) {
        return as(owner, () -> {
            var customer = directory.register(new CustomerDirectory.NewCustomer(name, null, "制造业", null, owner.id(),
                    "OTHER", null));
            directory.addContact(customer.id(), new CustomerDirectory.NewContact(contact, "采购经理", null, email,
                    "DECISION_MAKER"));
            return customer.id().toString();
        });
    }

    /** Where the customer stands in its lifecycle now (read as its owner: the directory answers within a scope). */
    public String customerStatus(String customerId) {
        return jdbc.sql("select status from customer_customer where id = :id")
                .param("id", java.util.UUID.fromString(customerId)).query(String.class).single();
    }

    /** Runs the call signed in as the user, as the customer module's interface expects a caller. */
    private <T> T as(User user, java.util.function.Supplier<T> call) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        com.lead2cash.platform.CurrentUser me = new com.lead2cash.platform.CurrentUser(user.id(), user.username(),
                user.displayName(), user.orgUnitId(), user.roleSet());
        context.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken(
                (com.lead2cash.platform.CurrentUser.HasCurrentUser) () -> me, null));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * An opportunity expected to close on 2026-12-31, or once the test clock is past it at the end of the clock's
     * month: never a day already past, which a new opportunity may not name.
     */
    public JsonNode opportunity(MockMvcTester mvc, String token, String customerId, String name, String amount) {
        java.time.LocalDate monthEnd = java.time.YearMonth.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")))
                .atEndOfMonth();
        java.time.LocalDate closes = monthEnd.isAfter(YEAR_END) ? monthEnd : YEAR_END;
        return customers.json(expect(customers.post(mvc, token, "/api/v1/opportunities", """
                {"customerId":"%s","name":"%s","amount":%s,"expectedCloseDate":"%s","productLines":["安防"]}"""
                .formatted(customerId, name, amount, closes)), 201));
    }

    /** The rep, the manager and an invited tech-support colleague each score 8 on every criterion (32: qualifies). */
    public void qualify(MockMvcTester mvc, Team team, String opportunityId) {
        String path = "/api/v1/opportunities/" + opportunityId;
        String scores = "{\"needMatch\":8,\"competitiveStrength\":8,\"paymentRisk\":8,\"resourceInvestment\":8,\"comment\":\"可做\"}";
        expect(customers.post(mvc, bearer(mvc, team.rep()), path + "/evaluation-invitations",
                "{\"inviteeId\":\"" + team.tech().id() + "\"}"), 201);
        expect(customers.post(mvc, bearer(mvc, team.rep()), path + "/evaluations", scores), 201);
        expect(customers.post(mvc, bearer(mvc, team.manager()), path + "/evaluations", scores), 201);
        expect(customers.post(mvc, bearer(mvc, team.tech()), path + "/evaluations", scores), 201);
    }

    /**
     * An opportunity of the customer ({@link #opportunity}), qualified by its panel ({@link #qualify}, O1 passed) and
     * moved through the given stages in turn; its id.
     */
    public String qualifiedOpportunity(MockMvcTester mvc, Team team, String token, String customerId, String name,
                                       String amount, String... stages) {
        String id = opportunity(mvc, token, customerId, name, amount).get("id").asString();
        qualify(mvc, team, id);
        for (String stage : stages) {
            move(mvc, token, id, stage);
        }
        return id;
    }

    /** Moves the opportunity to a stage with its current version; answers the opportunity. */
    public JsonNode move(MockMvcTester mvc, String token, String opportunityId, String stage) {
        JsonNode current = customers.getJson(mvc, token, "/api/v1/opportunities/" + opportunityId);
        return customers.json(expect(customers.post(mvc, token, "/api/v1/opportunities/" + opportunityId + "/stage",
                "{\"stage\":\"" + stage + "\",\"version\":" + current.get("version").asLong() + "}"), 200));
    }

    /** A product in the catalogue (the director keeps it); answers its id. */
    public String product(MockMvcTester mvc, Team team, String code, String name, String listPrice, String taxRate) {
        return customers.json(expect(customers.post(mvc, bearer(mvc, team.director()), "/api/v1/products", """
                {"code":"%s","name":"%s","unit":"台","productLine":"安防","listPrice":%s,"taxRate":%s}"""
                .formatted(code, name, listPrice, taxRate)), 201)).get("id").asString();
    }

    public static MvcTestResult expect(MvcTestResult result, int status) {
        if (result.getResponse().getStatus() != status) {
            throw new AssertionError("expected " + status + " but was " + result.getResponse().getStatus() + ": "
                    + new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return result;
    }
}
