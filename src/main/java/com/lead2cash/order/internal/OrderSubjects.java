package com.lead2cash.order.internal;

import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How an order's deadline (D1 weekly check) reads on the deadline screens: its number and contract, linking to
 * its page when the reader may open it.
 */
@Component
class OrderSubjects implements SubjectDescriber {

    private final JdbcClient jdbc;
    private final OrderAccess access;

    OrderSubjects(JdbcClient jdbc, OrderAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public String subjectType() {
        return OrderAccess.SUBJECT;
    }

    @Override
    public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
        List<UUID> ids = SubjectDescriber.uuids(subjectIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Predicate<UUID> visible = access.visibleOwners();
        return jdbc.sql("select id, number, contract_number, owner_id from order_order where id in (:ids)")
                .param("ids", ids)
                .query((rs, i) -> Map.entry(rs.getObject("id", UUID.class).toString(),
                        new SubjectLabel(rs.getString("number") + " · " + rs.getString("contract_number"),
                                visible.test(rs.getObject("owner_id", UUID.class))
                                        ? "/orders/" + rs.getObject("id", UUID.class) : null)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
