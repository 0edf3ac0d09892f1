package com.lead2cash.receivable.internal.domain;

import com.lead2cash.contract.Contracts.Milestone;
import com.lead2cash.contract.Contracts.SignedContract;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.MoneyText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * 回款计划表 — the plans of one signed contract, one per payment milestone, which always add up to the
 * contract amount: a contract whose milestones do not (or that has none) gets one plan for the whole
 * amount due on signing, and any difference is refused rather than planned wrongly.
 */
public final class PaymentPlan {

    private PaymentPlan() {
    }

    /**
     * The plans for the contract's milestones, adding up to the amount signed (without milestones: one plan
     * for the current amount); {@code remindAt} gives the P1 reminder time of a due date.
     */
    public static List<Receivable> of(SignedContract c, Function<LocalDate, Instant> remindAt, LocalDate today,
                                      Instant now) {
        BigDecimal total = c.currentAmount().setScale(2);
        List<Milestone> milestones = c.milestones();
        List<Receivable> plans = new ArrayList<>();
        if (milestones.isEmpty()) {
            plans.add(Receivable.plan(c.id(), c.number(), c.customerId(), c.ownerId(), 1,
                    com.lead2cash.contract.MilestoneType.PREPAYMENT, total, c.currency(), c.signedOn(), null,
                    remindAt.apply(c.signedOn()), today, now));
            return plans;
        }
        int position = 1;
        for (Milestone m : milestones) {
            plans.add(Receivable.plan(c.id(), c.number(), c.customerId(), c.ownerId(), position++, m.type(), m.amount(),
                    c.currency(), m.dueDate(), m.dueCondition(), m.dueDate() == null ? null : remindAt.apply(m.dueDate()),
                    today, now));
        }
        // the milestones add up to the amount signed; amendments since are planned by toAmount
        requireAddsUp(plans, c.amount().setScale(2));
        return plans;
    }

    /**
     * What re-planning to an amended amount does: plans whose amount was reduced, plans that are no longer
     * needed (nothing was ever paid on them), and the new plan for an increase.
     */
    public record Replan(List<Receivable> reduced, List<Receivable> dropped, Receivable added) {

        public boolean changesNothing() {
            return reduced.isEmpty() && dropped.isEmpty() && added == null;
        }
    }

    /**
     * Brings the plans of a contract to its amended amount so they add up to it again. An increase becomes
     * a plan of its own (its due date set by finance or the rep when the amendment's terms say; its due
     * condition names the amendment); a decrease comes off what the open plans still owe, the last milestone
     * first — a plan that collected nothing and is taken off whole is dropped. Paid and written-off plans
     * are never touched, so an amount below what they and the receipts already settled is refused and
     * nothing changes.
     */
    public static Replan toAmount(List<Receivable> plans, BigDecimal amount, String amendmentNumber,
                                  LocalDate today, Instant now) {
        BigDecimal target = amount.setScale(2);
        BigDecimal sum = plans.stream().map(Receivable::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal delta = target.subtract(sum);
        List<Receivable> reduced = new ArrayList<>();
        List<Receivable> dropped = new ArrayList<>();
        if (delta.signum() > 0) {
            Receivable last = plans.get(plans.size() - 1);
            int position = plans.stream().mapToInt(Receivable::position).max().orElse(0) + 1;
            return new Replan(reduced, dropped, Receivable.plan(last.contractId(), last.contractNumber(),
                    last.customerId(), last.ownerId(), position, com.lead2cash.contract.MilestoneType.INSTALLMENT,
                    delta, last.currency(), null, "补充协议 " + amendmentNumber, null, today, now));
        }
        BigDecimal reducible = plans.stream().filter(p -> p.state().isOpen())
                .map(p -> p.amount().subtract(p.paidAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (reducible.compareTo(delta.negate()) < 0) {
            throw new DomainException("receivable.amendment.belowSettled", MoneyText.of(target),
                    MoneyText.of(sum.subtract(reducible)));
        }
        BigDecimal need = delta.negate();
        List<Receivable> lastFirst = new ArrayList<>(plans);
        lastFirst.sort(java.util.Comparator.comparingInt(Receivable::position).reversed());
        for (Receivable p : lastFirst) {
            if (need.signum() == 0) {
                break;
            }
            if (!p.state().isOpen()) {
                continue;
            }
            BigDecimal take = need.min(p.amount().subtract(p.paidAmount()));
            if (take.signum() == 0) {
                continue;
            }
            need = need.subtract(take);
            if (take.compareTo(p.amount()) == 0) {
                dropped.add(p);
            } else {
                p.reduceBy(take, today, now);
                reduced.add(p);
            }
        }
        return new Replan(reduced, dropped, null);
    }

    /** The plans must add up to the contract amount, to the fen. */
    public static void requireAddsUp(List<Receivable> plans, BigDecimal contractAmount) {
        BigDecimal sum = plans.stream().map(Receivable::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(contractAmount) != 0) {
            throw new DomainException("receivable.plan.sum", MoneyText.of(sum), MoneyText.of(contractAmount));
        }
    }
}
