package com.lead2cash.customer.internal;

import com.lead2cash.sop.SubjectDescriber;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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
        List<UUID> ids = SubjectDescriber.uuids(subjectIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Predicate<UUID> visible = access.visibleOwners();
        return jdbc.sql("select id, code, name, owner_id from customer_customer where id in (:ids)")
                .param("ids", ids)
                .query((rs, i) -> Map.entry(rs.getObject("id", UUID.class).toString(),
                        new SubjectLabel(rs.getString("code") + " " + rs.getString("name"),
                                visible.test(rs.getObject("owner_id", UUID.class))
                                        ? "/customers/" + rs.getObject("id", UUID.class) : null)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
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
            List<UUID> ids = SubjectDescriber.uuids(subjectIds);
            if (ids.isEmpty()) {
                return Map.of();
            }
            Predicate<UUID> visible = access.visibleOwners();
            return jdbc.sql("""
                            select a.id, a.occurred_at, c.id as customer_id, c.code, c.name, c.owner_id
                            from customer_activity a join customer_customer c on c.id = a.customer_id
                            where a.id in (:ids)""")
                    .param("ids", ids)
                    .query((rs, i) -> Map.entry(rs.getObject("id", UUID.class).toString(),
                            new SubjectLabel(rs.getString("code") + " " + rs.getString("name") + " · "
                                    + WHEN.format(rs.getTimestamp("occurred_at").toInstant().atZone(zone)),
                                    visible.test(rs.getObject("owner_id", UUID.class))
                                            ? "/customers/" + rs.getObject("customer_id", UUID.class) : null)))
                    .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }
}
