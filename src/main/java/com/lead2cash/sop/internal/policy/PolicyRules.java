package com.lead2cash.sop.internal.policy;

import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.InputRules;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.TimeBasis;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that hold across the parameters of one rule (L3 A ≥ B, Q2 manager ≥ rep, P2 buckets rising,
 * R1 important ≥ standard, C2/C3 A ≤ B ≤ C days, S1/S2 critical ≤ major ≤ minor windows …); single values are checked by their {@link ParamType}.
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
    /** A percentage is 0 to 100 ({@link ParamType#PERCENT} refuses past either). */
    static final int MAX_PERCENT = 100;
    /**
     * The most points one O1 criterion can give. An opportunity's score, the mean of its panel's totals of four
     * criteria, is stored with four digits before the decimal point (evaluation_score numeric(6, 2), below 10,000):
     * four criteria of 1,000 points each make 4,000, well within it (2,500 each would not fit).
     */
    static final int MAX_CRITERION_POINTS = 1_000;
    /** A window lasts at least one of its units: one of 0 ends at once. */
    static final int MIN_WINDOW_AMOUNT = 1;

    /**
     * Whole-number parameters whose least value is not 0: a lead needing to buy within 0 days, a repeat within 0 days,
     * overdue after 0 days, a grade reached with 0 points, an aging bucket or a cadence of 0 — never or always.
     * C1's four factors of 1 to 3 points each give 4 to 12, so grade B needs 5 at least.
     */
    private static final Map<String, Integer> MINIMUM = Map.ofEntries(
            Map.entry("L3.gradeBMinPoints", 1), Map.entry("L3.urgencyDays", 1),
            Map.entry("P2.bucket1Days", 1), Map.entry("P2.managerFromBucket", 1),
            Map.entry("C2.gradeADays", 1), Map.entry("C2.gradeBDays", 1), Map.entry("C2.gradeCDays", 1),
            Map.entry("C3.gradeADays", 1), Map.entry("C3.gradeBDays", 1), Map.entry("C3.gradeCDays", 1),
            Map.entry("C7.cadenceMultiple", 1), Map.entry("C7.maxPrivateCustomers", 1),
            Map.entry("C1.gradeBMinScore", 5), Map.entry("R1.standardYears", 1),
            Map.entry("S4.repeatWindowDays", 1), Map.entry("E2.overdueBusinessDays", 1),
            Map.entry("O1.criterionMax", 1));

    /**
     * Whole-number parameters with a most of their own: L3's four lead factors give at most 4 points, C1's at most
     * 12, P2 has four aging buckets to escalate from, and an O1 criterion gives at most what a score stores
     * ({@link #MAX_CRITERION_POINTS}).
     */
    private static final Map<String, Integer> MAXIMUM = Map.of(
            "L3.gradeAMinPoints", 4, "C1.gradeAMinScore", 12, "P2.directorFromBucket", 4,
            "O1.criterionMax", MAX_CRITERION_POINTS);

    private PolicyRules() {
    }

    /**
     * What holds across a rule's parameters, once each value is within its own range ({@link #withinRange}, asked
     * value by value as a change is read, so that every value refused is named together). {@code changed} are the
     * parameters the change sets ({@code Q2.repMaxPercent}): two values out of order are refused naming the one changed.
     */
    static List<FieldError> check(Map<String, Map<String, Object>> v, Set<String> changed) {
        List<FieldError> errors = new ArrayList<>();
        int a = (Integer) v.get("L3").get("gradeAMinPoints");
        int b = (Integer) v.get("L3").get("gradeBMinPoints");
        if (a <= b) {
            errors.add(new FieldError("L3.gradeAMinPoints", "policy.error.gradeOrder"));
        }
        BigDecimal rep = (BigDecimal) v.get("Q2").get("repMaxPercent");
        BigDecimal manager = (BigDecimal) v.get("Q2").get("managerMaxPercent");
        if (manager.compareTo(rep) < 0) {
            // the rep's limit raised above the manager's names the rep's, the field the administrator changed
            boolean repOnly = changed.contains("Q2.repMaxPercent") && !changed.contains("Q2.managerMaxPercent");
            errors.add(new FieldError(repOnly ? "Q2.repMaxPercent" : "Q2.managerMaxPercent",
                    "policy.error.discountOrder"));
        }
        ascending(errors, v, "P2", "bucket1Days", "bucket2Days", "bucket3Days");
        // P2 escalation: the manager from an aging bucket (1–4, see MINIMUM and MAXIMUM), the director from a later one
        ascending(errors, v, "P2", "managerFromBucket", "directorFromBucket");
        ascending(errors, v, "R1", "standardYears", "importantYears");
        // C2, C3: grade A followed up at least as often as B, B as C (every 7 / 14 / 30 and 1 / 2 / 7 days)
        notDecreasing(errors, v, "C2", "gradeADays", "gradeBDays", "gradeCDays");
        notDecreasing(errors, v, "C3", "gradeADays", "gradeBDays", "gradeCDays");
        // S1, S2: the more severe an issue, the shorter its window (1h / 4h / 1d and 1d / 2d / 5d)
        windowsNotShorter(errors, v, "S1", "criticalWindow", "majorWindow", "minorWindow");
        windowsNotShorter(errors, v, "S2", "criticalWindow", "majorWindow", "minorWindow");
        int gradeA = (Integer) v.get("C1").get("gradeAMinScore");
        int gradeB = (Integer) v.get("C1").get("gradeBMinScore");
        if (gradeA <= gradeB) {
            errors.add(new FieldError("C1.gradeAMinScore", "policy.error.gradeOrder"));
        }
        // O1: four criteria of criterionMax points each (counted in long: no criterionMax, however large, overflows)
        long mostPoints = 4L * (Integer) v.get("O1").get("criterionMax");
        if ((Integer) v.get("O1").get("passScore") > mostPoints) {
            errors.add(new FieldError("O1.passScore", "policy.error.points", mostPoints));
        }
        // O1: the probability of winning rises stage by stage
        List<String> stages = List.of("discoveryProbability", "evaluationProbability", "proposalProbability",
                "negotiationProbability", "contractProbability");
        for (int i = 1; i < stages.size(); i++) {
            if (((BigDecimal) v.get("O1").get(stages.get(i))).compareTo((BigDecimal) v.get("O1").get(stages.get(i - 1))) < 0) {
                errors.add(new FieldError("O1." + stages.get(i), "policy.error.notDecreasing"));
            }
        }
        if (((DeadlineWindow) v.get("L8").get("contestWindow")).basis() != TimeBasis.CALENDAR) {
            errors.add(new FieldError("L8.contestWindow", "policy.error.calendarOnly"));
        }
        return errors;
    }

    /**
     * What one value of its type may be beyond its form ({@link ParamType} reads the form and refuses signs):
     * a window that ends at once or later than can be counted, an amount no money column stores, a list entry
     * that is none of the choices the reading module knows, a count past what can be counted.
     */
    static void withinRange(List<FieldError> errors, String rule, RuleCatalog.ParamDef def, Object value) {
        String field = rule + "." + def.name();
        String param = def.name();
        switch (def.type()) {
            case DURATION -> {
                DeadlineWindow window = (DeadlineWindow) value;
                long amount = window.duration().amount();
                long days = switch (window.duration().unit()) {
                    case MINUTES -> amount / (24 * 60);
                    case HOURS -> amount / 24;
                    case DAYS -> amount;
                };
                if (amount < MIN_WINDOW_AMOUNT) {
                    errors.add(new FieldError(field, "policy.error.windowZero"));
                } else if (days > MAX_DAYS) {
                    errors.add(new FieldError(field, "policy.error.windowTooLong", MAX_DAYS));
                }
            }
            case MONEY -> {
                if (((BigDecimal) value).signum() < 0) {
                    errors.add(new FieldError(field, "policy.error.atLeast", 0));
                } else {
                    InputRules.amountProblem(field, (BigDecimal) value).ifPresent(errors::add);
                }
            }
            case LIST -> {
                List<?> entries = (List<?>) value;
                if (!def.choices().isEmpty() && (!def.choices().containsAll(entries)
                        || (entries.isEmpty() && !def.noneAllowed()))) {
                    errors.add(new FieldError(field, def.noneAllowed() ? "policy.error.choices"
                            : "policy.error.oneOrMoreChoices", String.join(", ", def.choices())));
                }
            }
            case INTEGER -> {
                int number = (Integer) value;
                if (number < minimum(rule, param)) {
                    errors.add(new FieldError(field, "policy.error.atLeast", minimum(rule, param)));
                } else if (number > maximum(rule, param)) {
                    errors.add(new FieldError(field, "policy.error.atMost", maximum(rule, param)));
                }
            }
            default -> {
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

    private static void notDecreasing(List<FieldError> errors, Map<String, Map<String, Object>> v, String rule,
                                      String... params) {
        for (int i = 1; i < params.length; i++) {
            if ((Integer) v.get(rule).get(params[i]) < (Integer) v.get(rule).get(params[i - 1])) {
                errors.add(new FieldError(rule + "." + params[i], "policy.error.notLess"));
            }
        }
    }

    /**
     * Each window at least as long as the one before it, a day as 24 hours. The windows of one comparison share a
     * basis: a window counted in business time is no shorter or longer than one counted on the calendar in any way
     * that holds every week ("2d business" over a holiday outlasts "3d calendar", on a Monday it does not), so
     * comparing them safely is not possible and a mix is refused, naming the window whose basis differs from the one
     * before it, rather than left unchecked ("60d calendar" for critical issues beside "2d business" for major ones).
     */
    private static void windowsNotShorter(List<FieldError> errors, Map<String, Map<String, Object>> v, String rule,
                                          String... params) {
        for (int i = 1; i < params.length; i++) {
            DeadlineWindow earlier = (DeadlineWindow) v.get(rule).get(params[i - 1]);
            DeadlineWindow later = (DeadlineWindow) v.get(rule).get(params[i]);
            if (earlier.basis() != later.basis()) {
                errors.add(new FieldError(rule + "." + params[i], "policy.error.windowBasisMix"));
            } else if (nominalMinutes(later) < nominalMinutes(earlier)) {
                errors.add(new FieldError(rule + "." + params[i], "policy.error.windowOrder"));
            }
        }
    }

    /** A window's length in minutes, a day as 24 hours ({@link #withinRange} keeps it within {@link #MAX_DAYS}). */
    private static long nominalMinutes(DeadlineWindow window) {
        long amount = window.duration().amount();
        return switch (window.duration().unit()) {
            case MINUTES -> amount;
            case HOURS -> amount * 60;
            case DAYS -> amount * 24 * 60;
        };
    }

    /** The least a whole-number parameter may be: 0 unless {@link #MINIMUM} names it. */
    static int minimum(String rule, String param) {
        return MINIMUM.getOrDefault(rule + "." + param, 0);
    }

    /** The most a whole-number parameter may be: its {@link #MAXIMUM}, else what its unit can count. */
    static int maximum(String rule, String param) {
        Integer named = MAXIMUM.get(rule + "." + param);
        if (named != null) {
            return named;
        }
        return param.endsWith("Days") ? MAX_DAYS : param.endsWith("Months") ? MAX_MONTHS
                : param.endsWith("Years") ? MAX_YEARS : param.endsWith("Multiple") ? MAX_MULTIPLE
                : Integer.MAX_VALUE;
    }

    /**
     * The least and the most a number parameter's form takes, as {@link #withinRange} and {@link ParamType} check them
     * (the form shows them beside the field and tells the browser): a whole number its {@link #minimum} and
     * {@link #maximum}, a percentage 0 to {@link #MAX_PERCENT}, a window's amount {@link #MIN_WINDOW_AMOUNT} or more
     * (its most is {@link #MAX_DAYS} days in whichever unit is chosen). {@code max} is null where there is no most but
     * what can be counted. Other parameters have none.
     */
    static Optional<Bounds> bounds(String rule, RuleCatalog.ParamDef def) {
        return switch (def.type()) {
            case INTEGER -> {
                int most = maximum(rule, def.name());
                yield Optional.of(new Bounds(minimum(rule, def.name()), most == Integer.MAX_VALUE ? null : most));
            }
            case PERCENT -> Optional.of(new Bounds(0, MAX_PERCENT));
            case DURATION -> Optional.of(new Bounds(MIN_WINDOW_AMOUNT, null));
            default -> Optional.empty();
        };
    }

    /** A number parameter's least and most; see {@link #bounds}. */
    record Bounds(int min, Integer max) {
    }

    /**
     * The refusal of a value its type read as past every bound a parameter of that type can have
     * ({@link ParamType.OutOfRange}), saying this parameter's bound: a whole number its least or most, a percentage
     * 0 or 100, a window longer than 0 and at most {@link #MAX_DAYS} days.
     */
    static FieldError outOfRange(String rule, RuleCatalog.ParamDef def, boolean above) {
        String field = rule + "." + def.name();
        return switch (def.type()) {
            case DURATION -> above ? new FieldError(field, "policy.error.windowTooLong", MAX_DAYS)
                    : new FieldError(field, "policy.error.windowZero");
            case INTEGER -> above ? new FieldError(field, "policy.error.atMost", maximum(rule, def.name()))
                    : new FieldError(field, "policy.error.atLeast", minimum(rule, def.name()));
            default -> above ? new FieldError(field, "policy.error.atMost", MAX_PERCENT)
                    : new FieldError(field, "policy.error.atLeast", 0);
        };
    }
}
