package com.lead2cash.lead.internal.domain;

import java.time.LocalDate;

/**
 * L4 — who counts as a senior rep (资深销售, "入职1年以上" in the source SOP 001) for A leads, decided
 * here once for routing and for claims.
 *
 * <p>Seniority is strictly more than {@code months} full months: a rep hired on 15 March 2024 reaches
 * 12 months on 15 March 2025 and is senior from 16 March 2025. Month ends clamp as in
 * {@link LocalDate#plusMonths(long)}: hired 31 January, one month is reached on 28/29 February. A rep
 * without a hire date is not senior.
 */
public record SeniorityRule(int months) {

    /**
     * The verdict for one person, with the months the rule asks for (to say why), and whether their hire date is known:
     * a person without one (recorded before it was required) is not senior because their seniority is unknown, which
     * is to be said as such, not as "not more than the months".
     */
    public record Seniority(boolean senior, int requiredMonths, boolean hireDateKnown) {

        public Seniority(boolean senior, int requiredMonths) {
            this(senior, requiredMonths, true);
        }
    }

    public SeniorityRule {
        if (months < 0) {
            throw new IllegalArgumentException("months must not be negative: " + months);
        }
    }

    public boolean isSenior(LocalDate hireDate, LocalDate today) {
        return hireDate != null && hireDate.plusMonths(months).isBefore(today);
    }

    public Seniority of(LocalDate hireDate, LocalDate today) {
        return new Seniority(isSenior(hireDate, today), months, hireDate != null);
    }
}
