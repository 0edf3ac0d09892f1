package com.lead2cash.order.internal;

import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.contract.ContractTerminated;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.Notifier;
import com.lead2cash.order.internal.domain.Order;
import com.lead2cash.order.internal.domain.OrderRepository;
import com.lead2cash.order.internal.domain.OrderStatus;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.Deadlines;
import java.time.Clock;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A terminated contract (合同终止) stops its open orders: nothing more is prepared, shipped or accepted (goods already on
 * the road are still delivered), the rep's weekly progress check (D1) closes, an acceptance link the customer holds
 * is withdrawn (its page says so and takes no answer), and operations, who ship, are told of those with goods still
 * to ship (not of one already shipped or delivered).
 */
@Component
class OrdersStopWithContract {

    private final OrderRepository orders;
    private final Deadlines deadlines;
    private final OrgDirectory org;
    private final Notifier notifier;
    private final Confirmations confirmations;
    private final Clock clock;

    OrdersStopWithContract(OrderRepository orders, Deadlines deadlines, OrgDirectory org, Notifier notifier,
                           Confirmations confirmations, Clock clock) {
        this.orders = orders;
        this.confirmations = confirmations;
        this.deadlines = deadlines;
        this.org = org;
        this.notifier = notifier;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ContractTerminated terminated) {
        Instant now = clock.instant();
        for (Order o : orders.findOpenOfContractForUpdate(terminated.contractId())) {
            // only an order with goods still to ship is stopped for operations; one shipped or delivered needs nothing
            boolean stillToShip = o.status() == OrderStatus.CREATED || o.status() == OrderStatus.PREPARING;
            if (!o.contractTerminated(terminated.effectiveOn(), now)) {
                continue;
            }
            orders.save(o);
            deadlines.cancel(OrderRules.PROGRESS, OrderService.subject(o));
            confirmations.withdraw(OrderService.ACCEPTANCE_SUBJECT, o.id().toString());
            if (!stillToShip) {
                continue;
            }
            for (OrgDirectory.Person p : org.activeWithRole(Role.OPERATIONS)) {
                notifier.send(Notification.of(p.id(), "order.contractTerminated", "order.notify.contractTerminated",
                        "/orders/" + o.id(), o.number(), terminated.number(), terminated.effectiveOn().toString()));
            }
        }
    }
}
