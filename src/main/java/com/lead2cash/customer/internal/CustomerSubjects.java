package com.lead2cash.customer.internal;

import com.lead2cash.sop.SubjectDescriptions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a customer's deadlines (its follow-up cadence, C2/C3) read on the deadline screens: code and name, linking
 * to the customer's page while the reader may see that customer.
 */
@Component
class CustomerSubjects extends SubjectDescriptions {

    CustomerSubjects(JdbcClient jdbc, CustomerAccess access) {
        super(customers(CustomerAccess.SUBJECT, byId(jdbc), access, rs -> ""));
    }

    /** Customers by their own ids. */
    private static Supplier<JdbcClient.StatementSpec> byId(JdbcClient jdbc) {
        return () -> jdbc.sql("select id, id as customer_id, code, name, owner_id from customer_customer where id in (:ids)");
    }

    /** "C-2026-000001 上海某某公司" and what follows, linking to the customer's page while the reader may see it. */
    static SubjectDescriptions customers(String type, Supplier<JdbcClient.StatementSpec> query, CustomerAccess access,
                                         TextOfRow after) {
        return SubjectDescriptions.of(type, query)
                .label(rs -> rs.getString("code") + " " + rs.getString("name") + after.of(rs))
                .link(rs -> "/customers/" + rs.getObject("customer_id", UUID.class))
                .openTo(access::visibleOwners, (visible, rs) -> visible.test(rs.getObject("owner_id", UUID.class)));
    }

    /** A customer's credit limit as its approval names it: the customer, linking to its page while the reader may see it. */
    @Component
    static class OfCreditApprovals extends SubjectDescriptions {

        OfCreditApprovals(JdbcClient jdbc, CustomerAccess access) {
            super(customers(CustomerCredit.SUBJECT, byId(jdbc), access, rs -> ""));
        }
    }

    /**
     * A follow-up's deadlines (logged in time C4, minutes C5): its customer and when it took place, linking to the
     * customer's page (where its follow-ups are) while the reader may see that customer.
     */
    @Component
    static class OfActivities extends SubjectDescriptions {

        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        OfActivities(JdbcClient jdbc, CustomerAccess access, @Value("${l2c.zone}") ZoneId zone) {
            super(customers(ActivityRules.SUBJECT, () -> jdbc.sql("""
                            select a.id, a.occurred_at, c.id as customer_id, c.code, c.name, c.owner_id
                            from customer_activity a join customer_customer c on c.id = a.customer_id
                            where a.id in (:ids)"""),
                    access, rs -> " · " + WHEN.format(rs.getTimestamp("occurred_at").toInstant().atZone(zone))));
        }
    }
}
