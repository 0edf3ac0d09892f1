package com.lead2cash.quote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.quote.internal.domain.Authority;
import com.lead2cash.quote.internal.domain.Quote;
import com.lead2cash.quote.internal.domain.QuoteLine;
import com.lead2cash.quote.internal.domain.QuoteTotals;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Q2 — whose authority a discount needs, on the catalogue's defaults (5 %, 15 %) and after a threshold change. */
class QuoteRulesTest {

    static final QuoteRules DEFAULTS = new QuoteRules(true, new BigDecimal("5"), new BigDecimal("15"));

    @ParameterizedTest(name = "{0} % needs {1}")
    @CsvSource({"0, REP", "5.00, REP", "5.01, MANAGER", "15, MANAGER", "15.01, DIRECTOR", "100, DIRECTOR"})
    void Q2_aDiscountNeedsTheRepsTheManagersOrTheDirectorsAuthority(String discount, Authority expected) {
        assertThat(DEFAULTS.required(new BigDecimal(discount))).isEqualTo(expected);
    }

    /** One line of {@code quantity} at {@code unitPrice} less {@code discount} % of a product listed at {@code listPrice}. */
    static QuoteLine line(String listPrice, String unitPrice, String quantity, String discount) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal price = new BigDecimal(unitPrice);
        BigDecimal d = new BigDecimal(discount);
        return new QuoteLine(UUID.randomUUID(), "P-1", "燃气轮机", null, "台", new BigDecimal(listPrice),
                new BigDecimal(listPrice), price, q, d, new BigDecimal("13"), QuoteTotals.lineTotal(q, price, d));
    }

    /**
     * Walk finding: 189 991 for a product listed at 200 000 is 5.0045 % off, rounded to the 5.00 % shown, and a rep's
     * quote of it was approved at once; 1 199.99 at 15 % off 1 200 is 15.0008 %, and a manager's was too. The authority
     * is decided on the discount unrounded; the percentage shown stays with two places.
     */
    @Test
    void Q2_theAuthorityIsDecidedOnTheDiscountUnroundedNotOnTheTwoPlacesShown() {
        QuoteLine justAboveRep = line("200000.00", "189991", "100", "0");
        assertThat(justAboveRep.effectiveDiscount()).isEqualByComparingTo("5.00");
        assertThat(DEFAULTS.required(Quote.authorityDiscount(List.of(justAboveRep)))).isEqualTo(Authority.MANAGER);
        assertThat(DEFAULTS.required(Quote.authorityDiscount(List.of(line("200000.00", "189990", "100", "0")))))
                .isEqualTo(Authority.MANAGER);
        assertThat(DEFAULTS.required(Quote.authorityDiscount(List.of(line("200000.00", "190000", "100", "0")))))
                .as("exactly 5 %").isEqualTo(Authority.REP);

        QuoteLine justAboveManager = line("1200.00", "1199.99", "1", "15");
        assertThat(justAboveManager.effectiveDiscount()).isEqualByComparingTo("15.00");
        assertThat(DEFAULTS.required(Quote.authorityDiscount(List.of(line("200000.00", "190000", "100", "0"),
                justAboveManager)))).isEqualTo(Authority.DIRECTOR);
        assertThat(DEFAULTS.required(Quote.authorityDiscount(List.of(line("1200.00", "1200", "1", "15")))))
                .as("exactly 15 %").isEqualTo(Authority.MANAGER);
    }

    @Test
    void Q2_aChangedPolicyMovesTheLimits() {
        QuoteRules changed = new QuoteRules(true, new BigDecimal("8"), new BigDecimal("20"));
        assertThat(changed.required(new BigDecimal("7"))).isEqualTo(Authority.REP);
        assertThat(changed.required(new BigDecimal("18"))).isEqualTo(Authority.MANAGER);
        assertThat(DEFAULTS.required(new BigDecimal("18"))).isEqualTo(Authority.DIRECTOR);
    }

    @Test
    void Q2_rolesGiveTheirAuthority() {
        assertThat(QuoteRules.of(Set.of(Role.SALES_REP))).isEqualTo(Authority.REP);
        assertThat(QuoteRules.of(Set.of(Role.ACCOUNT_MANAGER))).isEqualTo(Authority.REP);
        assertThat(QuoteRules.of(Set.of(Role.SALES_REP, Role.SALES_MANAGER))).isEqualTo(Authority.MANAGER);
        assertThat(QuoteRules.of(Set.of(Role.REGIONAL_MANAGER))).isEqualTo(Authority.MANAGER);
        assertThat(QuoteRules.of(Set.of(Role.SALES_DIRECTOR))).isEqualTo(Authority.DIRECTOR);
        assertThat(Authority.MANAGER.covers(Authority.REP)).isTrue();
        assertThat(Authority.MANAGER.covers(Authority.DIRECTOR)).isFalse();
    }
}
