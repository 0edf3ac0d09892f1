package com.lead2cash.quote.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quote money: line totals rounded to the fen half-up, tax rounded once per rate, totals as sums of rounded amounts. */
class QuoteTotalsTest {

    @ParameterizedTest(name = "{0} × {1} less {2} % = {3}")
    @CsvSource({
            "3,    33.33,  0,    99.99",
            "7,    19.99,  12.5, 122.44",   // 139.93 × 0.875 = 122.43875
            "1,    0.05,   50,   0.03",     // 0.025: half-up
            "1,    0.05,   49.99, 0.03",
            "2.5,  99.99,  3,    242.48",   // 249.975 × 0.97 = 242.47575
            "1,    100.00, 100,  0.00",
            "1000, 0.01,   33.33, 6.67",    // 10 × 0.6667
            "12,   8500.00, 5,   96900.00"
    })
    void aLineTotalIsQuantityTimesUnitPriceLessTheDiscountRoundedToTheFenHalfUp(String quantity, String unitPrice,
                                                                                 String discount, String expected) {
        BigDecimal total = QuoteTotals.lineTotal(new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(discount));
        assertThat(total).isEqualByComparingTo(expected);
        assertThat(total.scale()).isEqualTo(2);
    }

    @Test
    void taxIsRoundedOncePerRateAndTheTotalIsTheSumOfTheRoundedAmounts() {
        QuoteTotals.Totals totals = QuoteTotals.of(List.of(
                line("122.44", "13", "150.00", "1"), line("242.48", "13", "300.00", "1"), line("1000.00", "6", "1000.00", "1")));
        assertThat(totals.subtotal()).isEqualByComparingTo("1364.92");
        assertThat(totals.taxByRate()).containsOnlyKeys(new BigDecimal("13"), new BigDecimal("6"));
        assertThat(totals.taxByRate().get(new BigDecimal("13"))).isEqualByComparingTo("47.44"); // 364.92 × 13 % = 47.4396
        assertThat(totals.taxByRate().get(new BigDecimal("6"))).isEqualByComparingTo("60.00");
        assertThat(totals.tax()).isEqualByComparingTo("107.44");
        assertThat(totals.total()).isEqualByComparingTo("1472.36");
        assertThat(totals.listTotal()).isEqualByComparingTo("1450.00");
        assertThat(totals.belowListPercent()).isEqualByComparingTo("5.87"); // 85.08 / 1450
    }

    @Test
    void twoSmallLinesAtOneRateAreTaxedTogetherNotLineByLine() {
        // line by line each 0.0065 would round to 0.01 (0.02 in all); the rate's sum 0.10 × 13 % = 0.013 → 0.01
        QuoteTotals.Totals totals = QuoteTotals.of(List.of(line("0.05", "13", "0.05", "1"), line("0.05", "13", "0.05", "1")));
        assertThat(totals.tax()).isEqualByComparingTo("0.01");
        assertThat(totals.total()).isEqualByComparingTo("0.11");
    }

    @Test
    void aRateWrittenWithTrailingZerosIsTheSameRate() {
        QuoteTotals.Totals totals = QuoteTotals.of(List.of(line("100.00", "13.00", "100.00", "1"), line("100.00", "13", "100.00", "1")));
        assertThat(totals.taxByRate()).hasSize(1);
        assertThat(totals.tax()).isEqualByComparingTo("26.00");
    }

    @ParameterizedTest(name = "price list {0}, quoted {1} less {2} % → {3} % off the list's price")
    @CsvSource({
            "100.00, 100.00, 10,  10.00",
            "100.00, 95.00,  0,   5.00",    // a lower unit price is a discount too
            "100.00, 95.00,  10,  14.50",
            "100.00, 120.00, 0,   0.00",    // above the list's price: no discount
            "0.00,   0.00,   0,   0.00"
    })
    void theEffectiveDiscountIsMeasuredAgainstTheApplicablePriceList(String reference, String unitPrice, String discount,
                                                                      String expected) {
        BigDecimal quantity = new BigDecimal("4");
        QuoteLine line = new QuoteLine(UUID.randomUUID(), "P", "产品", null, "台", new BigDecimal(reference),
                new BigDecimal(reference), new BigDecimal(unitPrice), quantity, new BigDecimal(discount), new BigDecimal("13"),
                QuoteTotals.lineTotal(quantity, new BigDecimal(unitPrice), new BigDecimal(discount)));
        assertThat(line.effectiveDiscount()).isEqualByComparingTo(expected);
    }

    static QuoteLine line(String lineTotal, String taxRate, String listPrice, String quantity) {
        return new QuoteLine(UUID.randomUUID(), "P", "产品", null, "台", new BigDecimal(listPrice), new BigDecimal(listPrice),
                new BigDecimal(lineTotal), new BigDecimal(quantity), BigDecimal.ZERO, new BigDecimal(taxRate),
                new BigDecimal(lineTotal));
    }
}
