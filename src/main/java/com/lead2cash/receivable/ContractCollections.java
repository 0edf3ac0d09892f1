package com.lead2cash.receivable;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** What a contract's payment plan has collected so far (已回款), for the contract list and page. */
public interface ContractCollections {

    /** The figures of the contracts that have a payment plan, keyed by contract id; contracts without one are absent. */
    Map<UUID, Figures> of(Collection<UUID> contractIds);

    /**
     * {@code planned} is the sum of the plans (the contract amount), {@code collected} what receipts paid on
     * them; {@code paidPlans} of {@code plans} are fully paid.
     */
    record Figures(UUID contractId, BigDecimal planned, BigDecimal collected, int paidPlans, int plans) {

        /** Collected as a percentage of planned, two decimals (0 when nothing is planned). */
        public BigDecimal collectedPercent() {
            return planned.signum() == 0 ? BigDecimal.ZERO
                    : collected.multiply(BigDecimal.valueOf(100)).divide(planned, 2, java.math.RoundingMode.HALF_UP);
        }
    }
}
