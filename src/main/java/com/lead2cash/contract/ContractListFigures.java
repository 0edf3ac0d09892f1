package com.lead2cash.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * 合同回款与开票概况 — what the contract list and page show of a signed contract's money: collected (已回款)
 * and invoiced (已开票) against its payment plan, and how many of its plans are paid. The contract module
 * only declares it; the receivables module answers it. Without an implementation the screens leave the
 * columns out.
 */
public interface ContractListFigures {

    /**
     * The figures of contracts the caller has already checked the reader may see, keyed by id; contracts
     * without a payment plan are absent. A fixed number of queries for the whole batch, never one per id.
     */
    Map<UUID, Figures> of(Collection<UUID> contractIds);

    /** {@code planned} is the sum of the plans (the contract amount with its amendments). */
    record Figures(UUID contractId, BigDecimal planned, BigDecimal collected, BigDecimal invoiced, int paidPlans,
                   int plans) {

        /** Collected as a percentage of planned, two decimals (0 when nothing is planned). */
        public BigDecimal collectedPercent() {
            return percent(collected);
        }

        /** Invoiced as a percentage of planned, two decimals (0 when nothing is planned). */
        public BigDecimal invoicedPercent() {
            return percent(invoiced);
        }

        private BigDecimal percent(BigDecimal part) {
            return planned.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                    : part.multiply(BigDecimal.valueOf(100)).divide(planned, 2, RoundingMode.HALF_UP);
        }
    }
}
