package com.lead2cash.sop.internal.policy;

import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.TimeBasis;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that hold across the parameters of one rule (L3 A ≥ B, Q2 manager ≥ rep, P2 buckets rising,
 * R1 important ≥ standard …); single values are checked by their {@link ParamType}.
 */
final class PolicyRules {

    /*
     * Not SOP numbers but what the product can count: the working calendar counts business time across a
     * century at most, and every due date, lapse and retention date must fit a database timestamp. A rule's
     * window or period of days stays within ten years (a cadence's multiple within a hundred of them), a
     * seniority within a hundred years of months, a retention within a hundred years.
     */
    static final int MAX_DAYS = 3_650;
    static final int MAX_MONTHS = 1_200;
    static final int MAX_YEARS = 100;
    static final int MAX_MULTIPLE = 100;

    private PolicyRules() {
    }

    static List<FieldError> check(Map<String, Map<String, Object>> v) {
        List<FieldError> errors = new ArrayList<>();
        v.forEach((rule, params) -> params.forEach((param, value) -> withinCountableRange(errors, rule, param, value)));
        int a = (Integer) v.get("L3").get("gradeAMinPoints");
        int b = (Integer) v.get("L3").get("gradeBMinPoints");
        if (a > 4) {
            errors.add(new FieldError("L3.gradeAMinPoints", "policy.error.points", 4));
        }
        if (a <= b) {
            errors.add(new FieldError("L3.gradeAMinPoints", "policy.error.gradeOrder"));
        }
        if (b < 1) {
            errors.add(new FieldError("L3.gradeBMinPoints", "policy.error.atLeast", 1));
        }
        BigDecimal rep = (BigDecimal) v.get("Q2").get("repMaxPercent");
        BigDecimal manager = (BigDecimal) v.get("Q2").get("managerMaxPercent");
        if (manager.compareTo(rep) < 0) {
            errors.add(new FieldError("Q2.managerMaxPercent", "policy.error.discountOrder"));
        }
        ascending(errors, v, "P2", "bucket1Days", "bucket2Days", "bucket3Days");
        // P2 escalation: the manager from an aging bucket (1–4), the director from a later one
        atLeast(errors, v, "P2", "bucket1Days", 1);
        atLeast(errors, v, "P2", "managerFromBucket", 1);
        ascending(errors, v, "P2", "managerFromBucket", "directorFromBucket");
        if ((Integer) v.get("P2").get("directorFromBucket") > 4) {
            errors.add(new FieldError("P2.directorFromBucket", "policy.error.atMost", 4));
        }
        ascending(errors, v, "R1", "standardYears", "importantYears");
        for (String rule : List.of("C2", "C3")) {
            for (String p : List.of("gradeADays", "gradeBDays", "gradeCDays")) {
                atLeast(errors, v, rule, p, 1);
            }
        }
        atLeast(errors, v, "C7", "cadenceMultiple", 1);
        atLeast(errors, v, "C7", "maxPrivateCustomers", 1);
        atLeast(errors, v, "C7", "reclaimCooldownDays", 0);
        // C1: four factors of 1 to 3 points each give 4 to 12
        int gradeA = (Integer) v.get("C1").get("gradeAMinScore");
        int gradeB = (Integer) v.get("C1").get("gradeBMinScore");
        if (gradeA > 12) {
            errors.add(new FieldError("C1.gradeAMinScore", "policy.error.points", 12));
        }
        if (gradeA <= gradeB) {
            errors.add(new FieldError("C1.gradeAMinScore", "policy.error.gradeOrder"));
        }
        atLeast(errors, v, "C1", "gradeBMinScore", 5);
        atLeast(errors, v, "R1", "standardYears", 1);
        int criterionMax = (Integer) v.get("O1").get("criterionMax");
        atLeast(errors, v, "O1", "criterionMax", 1);
        if ((Integer) v.get("O1").get("passScore") > criterionMax * 4) {
            errors.add(new FieldError("O1.passScore", "policy.error.points", criterionMax * 4));
        }
        // O1: the probability of winning rises stage by stage
        List<String> stages = List.of("discoveryProbability", "evaluationProbability", "proposalProbability",
                "negotiationProbability", "contractProbability");
        for (int i = 1; i < stages.size(); i++) {
            if (((BigDecimal) v.get("O1").get(stages.get(i))).compareTo((BigDecimal) v.get("O1").get(stages.get(i - 1))) < 0) {
                errors.add(new FieldError("O1." + stages.get(i), "policy.error.notDecreasing"));
            }
        }
        // O2: the panel is made of the seats the product knows, at least one
        @SuppressWarnings("unchecked")
        List<String> panel = (List<String>) v.get("O2").get("panelRoles");
        if (panel.isEmpty() || !List.of("SALES_REP", "SALES_MANAGER", "TECH_SUPPORT").containsAll(panel)) {
            errors.add(new FieldError("O2.panelRoles", "policy.error.panelRoles"));
        }
        if (((DeadlineWindow) v.get("L8").get("contestWindow")).basis() != TimeBasis.CALENDAR) {
            errors.add(new FieldError("L8.contestWindow", "policy.error.calendarOnly"));
        }
        return errors;
    }

    private static void withinCountableRange(List<FieldError> errors, String rule, String param, Object value) {
        if (value instanceof DeadlineWindow window) {
            long amount = window.duration().amount();
            long days = switch (window.duration().unit()) {
                case MINUTES -> amount / (24 * 60);
                case HOURS -> amount / 24;
                case DAYS -> amount;
            };
            if (days > MAX_DAYS) {
                errors.add(new FieldError(rule + "." + param, "policy.error.windowTooLong", MAX_DAYS));
            }
        } else if (value instanceof Integer n) {
            int max = param.endsWith("Days") ? MAX_DAYS : param.endsWith("Months") ? MAX_MONTHS
                    : param.endsWith("Years") ? MAX_YEARS : param.endsWith("Multiple") ? MAX_MULTIPLE : Integer.MAX_VALUE;
            if (n > max) {
                errors.add(new FieldError(rule + "." + param, "policy.error.atMost", max));
            }
        }
    }

    private static void ascending(List<FieldError> errors, Map<String, Map<String, Object>> v, String rule,
                                  String... params) {
        for (int i = 1; i < params.length; i++) {
            if ((Integer) v.get(rule).get(params[i]) <= (Integer) v.get(rule).get(params[i - 1])) {
                errors.add(new FieldError(rule + "." + params[i], "policy.error.ascending"));
            }
        }
    }

    private static void atLeast(List<FieldError> errors, Map<String, Map<String, Object>> v, String rule,
                                String param, int min) {
        if ((Integer) v.get(rule).get(param) < min) {
            errors.add(new FieldError(rule + "." + param, "policy.error.atLeast", min));
        }
    }
}
