package com.lead2cash.sop;

import java.math.BigDecimal;
import java.util.Set;

/** L3 — one point each for industry match, budget, urgency and a known decision chain. */
public record LeadGradingRule(Set<String> targetIndustries, BigDecimal minimumBudget, int urgencyDays,
                              int gradeAMinPoints, int gradeBMinPoints) {
}
