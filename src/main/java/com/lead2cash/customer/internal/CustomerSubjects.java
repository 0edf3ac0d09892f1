package com.lead2cash.customer.internal;

import com.lead2cash.sop.SubjectDescriber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a customer's deadlines (its follow-up cadence, C2/C3) read on the deadline screens: code and name, linking
 * to the customer's page while the reader may see that customer.
 */
@Component
class CustomerSubjects implements SubjectDescriber {

    private final JdbcClient jdbc;
    private final CustomerAccess access;

    CustomerSubjects(JdbcClient jdbc, CustomerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public String subjectType() {
        return CustomerAccess.SUBJECT;
    }

    @Override
    public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
        Predicate<UUID> visible = access.visibleOwners();
        return SubjectDescriber.byRows(jdbc.sql("select id, id as customer_id, code, name, owner_id from customer_customer "
                + "where id in (:ids)"), subjectIds, rs -> customer(rs, visible, ""));
    }

    /** "C-2026-000001 上海某某公司" and what follows, linking to the customer's page while the reader may see it. */
    static SubjectLabel customer(ResultSet rs, Predicate<UUID> visible, String after) throws SQLException {
        UUID customer = rs.getObject("customer_id", UUID.class);
        return new SubjectLabel(rs.getString("code") + " " + rs.getString("name") + after,
                visible.test(rs.getObject("owner_id", UUID.class)) ? "/customers/" + customer : null);
    }

    /**
     * A follow-up's deadlines (logged in time C4, minutes C5): its customer and when it took place, linking to the
     * customer's page (where its follow-ups are) while the reader may see that customer.
     */
    @Component
    static class OfActivities implements SubjectDescriber {

        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        private final JdbcClient jdbc;
        private final CustomerAccess access;
        private final ZoneId zone;

        OfActivities(JdbcClient jdbc, CustomerAccess access, @Value("${l2c.zone}") ZoneId zone) {
            this.jdbc = jdbc;
            this.access = access;
            this.zone = zone;
        }

        @Override
        public String subjectType() {
            return ActivityRules.SUBJECT;
        }

        @Override
        public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
            Predicate<UUID> visible = access.visibleOwners();
            return SubjectDescriber.byRows(jdbc.sql("""
                            select a.id, a.occurred_at, c.id as customer_id, c.code, c.name, c.owner_id
                            from customer_activity a join customer_customer c on c.id = a.customer_id
                            where a.id in (:ids)"""), subjectIds,
                    rs -> customer(rs, visible, " · " + WHEN.format(rs.getTimestamp("occurred_at").toInstant().atZone(zone))));
        }
    }
}
