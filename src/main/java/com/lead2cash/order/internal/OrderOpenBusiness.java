package com.lead2cash.order.internal;

import com.lead2cash.customer.OpenBusiness;
import com.lead2cash.order.internal.domain.OrderRepository;
import com.lead2cash.platform.Label;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A customer's orders not yet accepted, for the customer module's rule that such a customer stays with its owner. */
@Component
class OrderOpenBusiness implements OpenBusiness {

    private final JdbcClient jdbc;

    OrderOpenBusiness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<Fact>> of(Collection<UUID> customerIds) {
        return OpenBusiness.byCustomer(jdbc, """
                select customer_id, number, status from order_order
                where customer_id in (:ids) and %s order by created_at, id""".formatted(OrderRepository.OPEN),
                customerIds, rs -> Fact.of("order.openBusiness", rs.getString("number"),
                        Label.of("order.status", rs.getString("status"))));
    }
}
