package com.lead2cash.order.internal;

import com.lead2cash.sop.SubjectDescriber;
import com.lead2cash.sop.SubjectDescriptions;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How an order's deadlines (its D1 weekly check, the D2 and D3 of its shipments and delays) read on the deadline
 * screens: its number and contract, linking to its page when the reader may open it.
 */
@Component
class OrderSubjects extends SubjectDescriptions {

    OrderSubjects(JdbcClient jdbc, OrderAccess access) {
        super(SubjectDescriptions.of(OrderAccess.SUBJECT, () -> jdbc.sql(
                        "select id, number, contract_number, owner_id from order_order where id in (:ids)"))
                .label(rs -> rs.getString("number") + " · " + rs.getString("contract_number"))
                .link(rs -> "/orders/" + rs.getObject("id", UUID.class))
                .openTo(access::visibleOwners, (visible, rs) -> visible.test(rs.getObject("owner_id", UUID.class))));
    }

    /**
     * Subjects that are parts of an order, keyed "orderId:n" (a shipment's D2 deadline, a delay's D3): the order's
     * label with "#n", linking to the order's page when the reader may open it. One class, a bean per part's type.
     */
    record Parts(String subjectType, OrderSubjects orders) implements SubjectDescriber {

        @Override
        public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
            Map<String, SubjectLabel> labels = new HashMap<>();
            Map<String, UUID> orderOf = new HashMap<>();
            for (String id : subjectIds) {
                int colon = id.indexOf(':');
                List<UUID> order = colon < 0 ? List.of() : SubjectDescriber.uuids(List.of(id.substring(0, colon)));
                if (!order.isEmpty()) {
                    orderOf.put(id, order.get(0));
                }
            }
            Map<String, SubjectLabel> byOrder = orders.describe(
                    orderOf.values().stream().map(UUID::toString).collect(Collectors.toSet()));
            orderOf.forEach((id, order) -> {
                SubjectLabel label = byOrder.get(order.toString());
                if (label != null) {
                    labels.put(id, new SubjectLabel(label.label() + " #" + id.substring(id.indexOf(':') + 1),
                            label.link()));
                }
            });
            return labels;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PartDescribers {

        /** A shipment's waybill deadline (D2), keyed "orderId:shipment". */
        @Bean
        SubjectDescriber orderShipmentSubjects(OrderSubjects orders) {
            return new Parts(OrderService.SHIPMENT_SUBJECT, orders);
        }

        /** A delay's same-day customer notice (D3), keyed "orderId:promise". */
        @Bean
        SubjectDescriber orderDelaySubjects(OrderSubjects orders) {
            return new Parts(OrderService.DELAY_SUBJECT, orders);
        }
    }
}
