package com.lead2cash.lead.internal.grading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What grading (线索初筛) knows about a lead. Everything but {@code today} may be
 * unknown at first; the rep fills it in by phone (核实信息真实性) and grades again.
 *
 * @param industry the lead's industry as entered, or null
 * @param budget stated budget in CNY, or null when not known
 * @param purchaseDate planned purchase date (采购时间), or null when not known
 * @param decisionMakerKnown whether the contact has, or has named, the decision authority
 * @param contactName the named contact (对接人), or null
 * @param today the date screening happens on, in the company's time zone
 */
public record GradingInput(
        String industry,
        BigDecimal budget,
        LocalDate purchaseDate,
        boolean decisionMakerKnown,
        String contactName,
        LocalDate today) {

    public GradingInput {
        Objects.requireNonNull(today, "today");
        if (budget != null && budget.signum() < 0) {
            throw new IllegalArgumentException("budget must not be negative: " + budget);
        }
    }
}
