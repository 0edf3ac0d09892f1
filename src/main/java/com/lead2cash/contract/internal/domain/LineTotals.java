package com.lead2cash.contract.internal.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The sums under a contract's product lines, from their totals without tax to the contract amount: the
 * sum without tax, the accepted quote's tax and the total with it (when the draft kept the quote's tax),
 * what was agreed off or on since, and the amount. Worked out here once; the scope clause and the PDF's
 * product table print the same numbers.
 *
 * @param tax        the quote's tax, null when the draft did not keep it (then {@code withTax} is null too)
 * @param adjustment the step from the total to the amount, null when there is none
 */
public record LineTotals(BigDecimal withoutTax, BigDecimal tax, BigDecimal withTax, Adjustment adjustment,
                         BigDecimal amount) {

    /** What the step from the lines' total to the contract amount is. */
    public enum AdjustmentKind {
        /** the amount is below the quote's total with tax: agreed off, printed positive */
        AGREED_OFF,
        /** the amount is above it: agreed on, printed positive */
        AGREED_ON,
        /** no quote tax kept: the difference holds the tax as well (amount − sum without tax) */
        TAX_AND_ADJUSTMENTS
    }

    public record Adjustment(AdjustmentKind kind, BigDecimal amount) {
    }

    static LineTotals of(List<ContractLine> lines, BigDecimal amount, String quoteTax) {
        BigDecimal withoutTax = BigDecimal.ZERO.setScale(2);
        for (ContractLine l : lines) {
            withoutTax = withoutTax.add(l.lineTotal());
        }
        BigDecimal tax = quoteTax == null ? null : new BigDecimal(quoteTax);
        BigDecimal withTax = tax == null ? null : withoutTax.add(tax);
        BigDecimal total = withTax == null ? withoutTax : withTax;
        Adjustment adjustment = null;
        if (amount != null && amount.compareTo(total) != 0) {
            BigDecimal off = total.subtract(amount);
            adjustment = tax == null ? new Adjustment(AdjustmentKind.TAX_AND_ADJUSTMENTS, off.negate())
                    : off.signum() > 0 ? new Adjustment(AdjustmentKind.AGREED_OFF, off)
                    : new Adjustment(AdjustmentKind.AGREED_ON, off.negate());
        }
        return new LineTotals(withoutTax, tax, withTax, adjustment, amount);
    }
}
