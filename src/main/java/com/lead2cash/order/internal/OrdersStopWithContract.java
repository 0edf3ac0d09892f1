package com.lead2cash.order.internal;

import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.contract.ContractTerminated;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.order.internal.domain.Order;
import com.lead2cash.order.internal.domain.OrderRepository;
import com.lead2cash.order.internal.domain.OrderStatus;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import java.time.Clock;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A terminated contract (合同终止) stops its open orders: nothing more is prepared, shipped or accepted (goods already on
 * the road are still delivered), the order's running deadlines close as cancelled, not breached — the rep's weekly
 * progress check (D1), a shipment's waybill (D2), telling the customer of a delay (D3) — an acceptance link the
 * customer holds is withdrawn (its page says so and takes no answer), and operations, who ship, are told of those with
 * goods still to ship (not of one already shipped or delivered). Decision 0036.
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
            closeRunningDeadlines(o, now);
            confirmations.withdraw(OrderService.ACCEPTANCE_SUBJECT, o.id().toString());
            if (!stillToShip) {
                continue;
            }
            for (OrgDirectory.Person p : org.activeWithRole(Role.OPERATIONS)) {
                notifier.send(Notification.of(p.id(), NotificationKind.ORDER_CONTRACT_TERMINATED,
                        "order.notify.contractTerminated",
                        "/orders/" + o.id(), o.number(), terminated.number(), terminated.effectiveOn().toString()));
            }
        }
    }

    /**
     * The order's deadlines still running close as cancelled: the work they wait for will not happen, so none may breach
     * and no one is reminded of it. One already past its due time was missed while the contract stood and stays for the
     * sweep to record as breached, so the termination never clears a breach from compliance.
     */
    private void closeRunningDeadlines(Order o, Instant now) {
        closeIfRunning(OrderRules.PROGRESS, OrderService.subject(o), now);
        for (int shipment = 1; shipment <= o.shipments().size(); shipment++) {
            closeIfRunning(OrderRules.WAYBILL, OrderService.shipmentSubject(o, shipment), now);
        }
        // promise 1 is the order's first date; each later one is a delay with its own D3
        for (int promise = 2; promise <= o.promises().size(); promise++) {
            closeIfRunning(OrderRules.DELAY, OrderService.delaySubject(o, promise), now);
        }
    }

    private void closeIfRunning(String rule, SubjectRef subject, Instant now) {
        boolean running = deadlines.of(subject, now, 5).stream().anyMatch(d -> rule.equals(d.ruleId())
                && "OPEN".equals(d.state()) && !d.dueAt().isBefore(now));
        if (running) {
            deadlines.cancel(rule, subject);
        }
    }
}
