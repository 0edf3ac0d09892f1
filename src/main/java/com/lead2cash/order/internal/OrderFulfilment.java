package com.lead2cash.order.internal;

import com.lead2cash.contract.Contracts;
import com.lead2cash.order.ContractDeliveries;
import com.lead2cash.order.internal.domain.Order;
import com.lead2cash.order.internal.domain.OrderRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link ContractDeliveries} from the contract's orders against the quantities its lines sell. */
@Component
class OrderFulfilment implements ContractDeliveries {

    private final OrderRepository orders;
    private final Contracts contracts;

    OrderFulfilment(OrderRepository orders, Contracts contracts) {
        this.orders = orders;
        this.contracts = contracts;
    }

    @Override
    @Transactional(readOnly = true)
    public Fulfilment fulfilment(UUID contractId) {
        Map<UUID, BigDecimal> sold = new HashMap<>();
        contracts.signed(contractId).ifPresent(c -> c.lines().stream().filter(l -> l.productId() != null)
                .forEach(l -> sold.merge(l.productId(), l.quantity(), BigDecimal::add)));
        List<Order> all = orders.findByContract(contractId);
        if (sold.isEmpty()) {
            return new Fulfilment(false, null, null);
        }
        return new Fulfilment(true, lastDay(sold, all, Order::deliveredOn), lastDay(sold, all, Order::acceptedOn));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean goodsLeftBy(UUID contractId, LocalDate day) {
        return orders.findByContract(contractId).stream().flatMap(o -> o.shipments().stream())
                .anyMatch(s -> !s.cancelled() && s.shipDate() != null && !s.shipDate().isAfter(day));
    }

    /** The latest {@code day} of the orders that reached it, once they hold every quantity sold; null before. */
    private static LocalDate lastDay(Map<UUID, BigDecimal> sold, List<Order> all, Function<Order, LocalDate> day) {
        Map<UUID, BigDecimal> reached = new HashMap<>();
        LocalDate last = null;
        for (Order o : all) {
            LocalDate d = day.apply(o);
            if (d != null) {
                o.lines().forEach(l -> reached.merge(l.productId(), l.quantity(), BigDecimal::add));
                last = last == null || d.isAfter(last) ? d : last;
            }
        }
        boolean whole = sold.entrySet().stream()
                .allMatch(e -> reached.getOrDefault(e.getKey(), BigDecimal.ZERO).compareTo(e.getValue()) >= 0);
        return whole ? last : null;
    }
}
