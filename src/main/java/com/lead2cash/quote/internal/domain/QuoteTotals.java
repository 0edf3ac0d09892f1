package com.lead2cash.quote.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The money of a quote (报价金额), decided here only. Amounts are CNY without tax, rounded to the fen
 * (two places) half-up at two points and nowhere else:
 * <ol>
 *   <li>each line: quantity × unit price × (100 − discount %) / 100, rounded to the fen;</li>
 *   <li>the tax of each rate: the sum of that rate's line totals × rate / 100, rounded to the fen.</li>
 * </ol>
 * The subtotal is the sum of the line totals, the tax the sum of the rates' taxes, the total their sum —
 * sums of rounded amounts, so the printed lines always add up to the printed totals.
 */
public final class QuoteTotals {

    static final BigDecimal HUNDRED = new BigDecimal("100");

    private QuoteTotals() {
    }

    /** The total of one line, rounded to the fen. */
    public static BigDecimal lineTotal(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        return quantity.multiply(unitPrice).multiply(HUNDRED.subtract(discountPercent))
                .divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** The totals of lines whose line totals are already rounded. */
    public static Totals of(List<QuoteLine> lines) {
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        BigDecimal listTotal = BigDecimal.ZERO.setScale(2);
        Map<BigDecimal, BigDecimal> byRate = new TreeMap<>();
        for (QuoteLine line : lines) {
            subtotal = subtotal.add(line.lineTotal());
            listTotal = listTotal.add(line.listPrice().multiply(line.quantity()).setScale(2, RoundingMode.HALF_UP));
            byRate.merge(line.taxRate().stripTrailingZeros(), line.lineTotal(), BigDecimal::add);
        }
        Map<BigDecimal, BigDecimal> taxByRate = new TreeMap<>();
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (var e : byRate.entrySet()) {
            BigDecimal t = e.getValue().multiply(e.getKey()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            taxByRate.put(e.getKey(), t);
            tax = tax.add(t);
        }
        return new Totals(subtotal, Map.copyOf(taxByRate), tax, subtotal.add(tax), listTotal);
    }

    /**
     * @param taxByRate the tax of each rate (13 → tax at 13 %)
     * @param listTotal what the lines cost at the catalogue's list prices, without tax
     */
    public record Totals(BigDecimal subtotal, Map<BigDecimal, BigDecimal> taxByRate, BigDecimal tax, BigDecimal total,
                         BigDecimal listTotal) {

        /** How far below the list prices the quote is, in percent with two places (0 when at or above). */
        public BigDecimal belowListPercent() {
            if (listTotal.signum() == 0 || subtotal.compareTo(listTotal) >= 0) {
                return BigDecimal.ZERO.setScale(2);
            }
            return listTotal.subtract(subtotal).multiply(HUNDRED).divide(listTotal, 2, RoundingMode.HALF_UP);
        }
    }
}
