package com.lead2cash.quote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.quote.internal.domain.Authority;
import java.math.BigDecimal;
import java.util.Set;
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
