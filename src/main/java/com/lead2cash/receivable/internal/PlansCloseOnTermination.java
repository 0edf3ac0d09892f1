package com.lead2cash.receivable.internal;

import com.lead2cash.contract.ContractTerminated;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.receivable.internal.domain.Receivable;
import com.lead2cash.receivable.internal.domain.ReceivableRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A signed contract was terminated (合同终止): its plans not yet due, with nothing received, are closed with that reason
 * and their P1 reminders cancelled, so no later delivery dates them and no one chases them — unless some of its goods
 * left by the termination day (a shipment booked for later does not count): then what the customer owes for them is finance's to judge and every plan stays. The plans already due,
 * overdue or partly paid stay open, and finance is told which, to collect or write them off (核销).
 */
@Component
class PlansCloseOnTermination {

    private static final Logger log = LoggerFactory.getLogger(PlansCloseOnTermination.class);

    private final ReceivableRepository plans;
    private final ReceivablePlanning planning;
    private final ReceivablePolicy policy;
    private final com.lead2cash.sop.Deadlines deadlines;
    private final Notifier notifier;
    private final OrgDirectory org;
    private final com.lead2cash.order.ContractDeliveries deliveries;

    PlansCloseOnTermination(ReceivableRepository plans, ReceivablePlanning planning, ReceivablePolicy policy,
                            com.lead2cash.sop.Deadlines deadlines, Notifier notifier, OrgDirectory org,
                            com.lead2cash.order.ContractDeliveries deliveries) {
        this.deliveries = deliveries;
        this.plans = plans;
        this.planning = planning;
        this.policy = policy;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.org = org;
    }

    @ApplicationModuleListener
    void on(ContractTerminated terminated) {
        if (!terminated.wasSigned()) {
            return;
        }
        List<Receivable> all = planning.plan(terminated.contractId()); // planned on signing, unless that is still on its way
        // goods on the road or delivered: a payment waiting for them may be owed in part, finance decides;
        // a shipment only booked for a later day (decision 0044) left nothing
        boolean goodsLeft = deliveries.goodsLeftBy(terminated.contractId(), terminated.effectiveOn());
        List<Receivable> locked = new ArrayList<>(plans.lockAll(all.stream().map(Receivable::id).toList()));
        locked.sort(Comparator.comparingInt(Receivable::position));
        int closed = 0;
        List<Receivable> open = new ArrayList<>();
        for (Receivable r : locked) {
            if (!goodsLeft && r.closeOnTermination(terminated.effectiveOn(), policy.today(), policy.now())) {
                deadlines.cancel(ReceivableRules.REMINDER, ReceivablePlanning.subject(r));
                plans.save(r);
                closed++;
            } else if (r.state().isOpen()) {
                open.add(r);
            }
        }
        if (closed + open.size() > 0) {
            tellFinance(terminated, closed, open);
        }
        log.info("Contract {} terminated: {} payment plans closed, {} left open", terminated.number(), closed, open.size());
    }

    /** Finance hears which contract was terminated, how many plans were closed and which are left to collect. */
    private void tellFinance(ContractTerminated terminated, int closed, List<Receivable> open) {
        String left = String.join("; ", open.stream()
                .map(r -> "#" + r.position() + " " + MoneyText.of(r.outstanding())).toList());
        BigDecimal outstanding = open.stream().map(Receivable::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        String key = open.isEmpty() ? "receivable.notify.contractTerminatedNothingOpen" : "receivable.notify.contractTerminated";
        for (OrgDirectory.Person p : org.activeWithRole(Role.FINANCE)) {
            notifier.send(Notification.of(p.id(), NotificationKind.RECEIVABLE_CONTRACT_TERMINATED, key,
                    "/receivables?q=" + terminated.number(), terminated.number(), closed, left, MoneyText.of(outstanding)));
        }
    }
}
