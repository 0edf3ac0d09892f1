package com.lead2cash.testing;

import com.lead2cash.aftersales.internal.AftersalesListeners;
import com.lead2cash.contract.ContractSigned;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After-sales for tests: the customer test company plus an after-sales department (a service manager
 * and two after-sales staff), a customer of the east rep with a contact, and a signed contract's
 * handover opened as the contract module opens it — by its {@link ContractSigned} event, handed to the
 * after-sales listener alone (no contract stands behind it for the receivables to plan; a test that needs one
 * signs it through {@link SignedContracts}).
 */
@Component
public class AftersalesTestSupport {

    /** The company and its after-sales department; {@code serviceManager} manages the service unit. */
    public record Service(CustomerTestSupport.Company company, User serviceManager, User afterSales, User afterSales2) {
        public User rep() { return company.eastRep(); }
        public User manager() { return company.eastManager(); }
        public User otherRep() { return company.westRep(); }
    }

    private final CustomerTestSupport customers;
    private final SalesTestSupport sales;
    private final Fixtures fixtures;
    private final AftersalesListeners listeners;
    private final JdbcClient jdbc;

    AftersalesTestSupport(CustomerTestSupport customers, SalesTestSupport sales, Fixtures fixtures,
                          AftersalesListeners listeners, JdbcClient jdbc) {
        this.customers = customers;
        this.sales = sales;
        this.fixtures = fixtures;
        this.listeners = listeners;
        this.jdbc = jdbc;
    }

    public Service service(String tag) {
        return service(customers.company(tag), tag);
    }

    /** The after-sales department beside an existing company. */
    public Service service(CustomerTestSupport.Company company, String tag) {
        UUID unit = fixtures.unit("Service " + tag);
        User manager = fixtures.user("sm." + tag, unit, CustomerTestSupport.HIRED, Role.AFTER_SALES);
        fixtures.appointManager(unit, manager.id());
        User a = fixtures.user("as." + tag, unit, CustomerTestSupport.HIRED, Role.AFTER_SALES);
        User b = fixtures.user("as2." + tag, unit, CustomerTestSupport.HIRED, Role.AFTER_SALES);
        return new Service(company, manager, a, b);
    }

    /** A customer of the rep with one contact (who has an e-mail address); its id. */
    public String customer(User rep, String name) {
        return sales.customerWithContact(rep, name, "王经理", "wang@example.test");
    }

    /** The id of the customer's first contact. */
    public String contactOf(String customerId) {
        return jdbc.sql("select id::text from customer_contact where customer_id = :c order by is_primary desc, id limit 1")
                .param("c", UUID.fromString(customerId)).query(String.class).single();
    }

    /**
     * Announces a signed contract of the customer to after-sales as the contract module does, and waits for its
     * handover; answers the handover's id.
     */
    public String signed(String customerId, User rep, String contractNumber) {
        UUID contractId = UUID.randomUUID();
        listeners.contractSigned(new ContractSigned(contractId, contractNumber, UUID.fromString(customerId),
                UUID.randomUUID(), rep.id(), new BigDecimal("600000.00"), LocalDate.of(2026, 12, 1)));
        return handoverOf(contractId.toString());
    }

    /** Waits for the handover the contract's signing opened; its id. */
    public String handoverOf(String contractId) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                        "select count(*) from aftersales_handover where contract_id = :c")
                .param("c", UUID.fromString(contractId)).query(Integer.class).single() == 1);
        return jdbc.sql("select id::text from aftersales_handover where contract_id = :c")
                .param("c", UUID.fromString(contractId)).query(String.class).single();
    }
}
