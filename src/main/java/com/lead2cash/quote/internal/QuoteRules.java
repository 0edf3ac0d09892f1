package com.lead2cash.quote.internal;

import com.lead2cash.platform.Role;
import com.lead2cash.quote.internal.domain.Authority;
import com.lead2cash.sop.Param;
import com.lead2cash.sop.Rule;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The quote module's SOP rules (报价规则), bound from the current policy version by
 * {@code policy.current().bind(QuoteRules.class)}; the defaults live in the SOP rule catalogue only.
 *
 * @param reviewBeforeSending a manager reviews a quote's logic and pricing before it goes out (Q1)
 * @param repMaxPercent       the largest discount a rep grants on their own (Q2)
 * @param managerMaxPercent   the largest discount a manager grants; above it the sales director decides (Q2)
 */
public record QuoteRules(
        @Rule(QuoteRules.VERSIONS) @Param("reviewBeforeSending") boolean reviewBeforeSending,
        @Rule(QuoteRules.DISCOUNT) @Param("repMaxPercent") BigDecimal repMaxPercent,
        @Rule(QuoteRules.DISCOUNT) @Param("managerMaxPercent") BigDecimal managerMaxPercent) {

    /** Versions and dates on every quote, the manager's review. */
    public static final String VERSIONS = "Q1";
    /** Discount authority by role. */
    public static final String DISCOUNT = "Q2";

    /** Q2 — whose authority a discount (in percent) needs. */
    public Authority required(BigDecimal discountPercent) {
        if (discountPercent.compareTo(repMaxPercent) <= 0) {
            return Authority.REP;
        }
        return discountPercent.compareTo(managerMaxPercent) <= 0 ? Authority.MANAGER : Authority.DIRECTOR;
    }

    /** Q2 — the authority a person's roles give: directors and administrators any discount, managers theirs. */
    public static Authority of(Set<Role> roles) {
        if (roles.contains(Role.SALES_DIRECTOR) || roles.contains(Role.ADMIN)) {
            return Authority.DIRECTOR;
        }
        if (roles.contains(Role.SALES_MANAGER) || roles.contains(Role.REGIONAL_MANAGER)) {
            return Authority.MANAGER;
        }
        return Authority.REP;
    }
}
