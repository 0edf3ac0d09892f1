package com.lead2cash.quote.internal.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 报价行 — one product on a quote as it was quoted: the product's code, name, specification and unit at
 * that time (a later catalogue change leaves old versions as they were), its list price, the price the
 * applicable price list gave ({@code referencePrice}), the unit price quoted, the quantity, the discount
 * on the unit price, the tax rate and the line total ({@link QuoteTotals} computes it).
 */
@Table("quote_line")
public record QuoteLine(UUID productId, String productCode, String productName, String specification, String unit,
                        BigDecimal listPrice, BigDecimal referencePrice, BigDecimal unitPrice, BigDecimal quantity,
                        BigDecimal discountPercent, BigDecimal taxRate, BigDecimal lineTotal) {

    /**
     * The discount unrounded, as far as a decimal can say it: rounded up at the 34th digit, never below the real one,
     * and at or below a limit exactly when the real one is (a limit has far fewer places).
     */
    private static final MathContext UNROUNDED = new MathContext(34, RoundingMode.UP);

    /**
     * The discount this line really gives against the applicable price list, in percent with two places, as shown:
     * a unit price set below the list's price counts as discount too, so it cannot bypass the Q2 authority.
     */
    public BigDecimal effectiveDiscount() {
        BigDecimal reference = referencePrice.multiply(quantity);
        BigDecimal given = reference.subtract(lineTotal);
        if (reference.signum() == 0 || given.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return given.multiply(QuoteTotals.HUNDRED).divide(reference, 2, RoundingMode.HALF_UP);
    }

    /**
     * Q2 — the same discount unrounded: what the authority is decided on. Rounded to two places, 5.0045 % read as
     * 5.00 % and passed a rep's 5 % limit.
     */
    public BigDecimal unroundedDiscount() {
        BigDecimal reference = referencePrice.multiply(quantity);
        BigDecimal given = reference.subtract(lineTotal);
        if (reference.signum() == 0 || given.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return given.multiply(QuoteTotals.HUNDRED).divide(reference, UNROUNDED);
    }
}
