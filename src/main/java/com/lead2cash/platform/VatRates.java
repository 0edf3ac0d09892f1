package com.lead2cash.platform;

import java.math.BigDecimal;
import java.util.List;

/**
 * The VAT rates and collection rates a Chinese seller may put on a product or an invoice line (增值税税率与征收率,
 * percent): 13, 9 and 6 (增值税法 第十条), 0 for exports and zero-rated services, 5 and 3 under the simplified
 * method (简易计税 征收率), and 1 while the reduced collection rate for small-scale taxpayers lasts. A rate
 * outside these cannot be invoiced, so the catalogue and the invoice request refuse it rather than carry a typo
 * (1.3 for 13) into a quote. The law changes rarely; when it does, this list changes with it.
 */
public final class VatRates {

    /** Highest first, as the form suggests them. */
    public static final List<BigDecimal> LAWFUL = List.of(13, 9, 6, 5, 3, 1, 0).stream()
            .map(BigDecimal::valueOf).toList();

    private VatRates() {
    }

    public static boolean lawful(BigDecimal rate) {
        return rate != null && LAWFUL.stream().anyMatch(r -> r.compareTo(rate) == 0);
    }

    /** The rates as a refusal names them: "13, 9, 6, 5, 3, 1, 0". */
    public static String listed() {
        return String.join(", ", LAWFUL.stream().map(BigDecimal::toPlainString).toList());
    }
}
