package com.lead2cash.order.internal;

import com.lead2cash.contract.ContractOwnerChanged;
import com.lead2cash.order.internal.domain.Order;
import com.lead2cash.order.internal.domain.OrderRepository;
import com.lead2cash.sop.Deadlines;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A contract handed over with its customer's open business (decision 0023): its orders not yet accepted go to the new
 * owner with the owner's deadlines — the progress report (D1) and telling the customer of a delay (D3, one per
 * promise). A waybill's deadline (D2) stays with whoever recorded the shipment. In the transfer's transaction.
 */
@Component
class OrdersFollowContractOwner {

    private final OrderRepository orders;
    private final Deadlines deadlines;
    private final Clock clock;

    OrdersFollowContractOwner(OrderRepository orders, Deadlines deadlines, Clock clock) {
        this.orders = orders;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @EventListener
    void on(ContractOwnerChanged changed) {
        for (Order o : orders.findOpenOfContractOwnedByForUpdate(changed.contractId(), changed.previousOwnerId())) {
            o.handOver(changed.newOwnerId(), clock.instant());
            Order saved = orders.save(o);
            deadlines.transfer(OrderRules.PROGRESS, OrderService.subject(saved), changed.newOwnerId());
            for (int promise = 1; promise <= saved.promises().size(); promise++) {
                deadlines.transfer(OrderRules.DELAY, OrderService.delaySubject(saved, promise), changed.newOwnerId());
            }
        }
    }
}
