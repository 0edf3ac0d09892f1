package com.lead2cash.order.internal;

import com.lead2cash.confirmation.ConfirmationSubjects;
import com.lead2cash.platform.Scope;
import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How an order's online acceptance (验收确认) reads on its confirmation's page: the order's number and contract,
 * linking to the order, owned by the order's owner now — and read by whoever reads the order, operations included
 * (they deliver it, and may show the customer the link's QR code at the door).
 */
@Component
class OrderAcceptanceSubjects implements ConfirmationSubjects {

    private final JdbcClient jdbc;
    private final OrderAccess access;

    OrderAcceptanceSubjects(JdbcClient jdbc, OrderAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public String subjectType() {
        return OrderService.ACCEPTANCE_SUBJECT;
    }

    @Override
    public Map<String, SubjectInfo> describe(Collection<String> orderIds) {
        List<UUID> ids = SubjectDescriber.uuids(orderIds);
        Map<String, SubjectInfo> infos = new HashMap<>();
        if (ids.isEmpty()) {
            return infos;
        }
        jdbc.sql("select id, number, contract_number, owner_id from order_order where id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    infos.put(id.toString(), new SubjectInfo(rs.getString("number") + " · " + rs.getString("contract_number"),
                            "/orders/" + id, rs.getObject("owner_id", UUID.class)));
                });
        return infos;
    }

    /**
     * Locks the order, as accepting it on the paper form does, and answers whether it still waits for the customer's
     * online acceptance: delivered, its contract standing. An order accepted meanwhile (or stopped) does not: its
     * links are withdrawn and the customer's answer changes nothing.
     */
    @Override
    public boolean awaitsAnswer(String orderId) {
        List<UUID> id = SubjectDescriber.uuids(List.of(orderId));
        return !id.isEmpty() && jdbc.sql("select status = 'DELIVERED' and contract_terminated_on is null from order_order"
                        + " where id = :id for update")
                .param("id", id.get(0)).query(Boolean.class).optional().orElse(false);
    }

    @Override
    public Predicate<UUID> readableOwners(Scope scope) {
        return access.visibleOwners();
    }
}
