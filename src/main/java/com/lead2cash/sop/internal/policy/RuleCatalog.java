package com.lead2cash.sop.internal.policy;

import static com.lead2cash.sop.internal.policy.ParamType.BOOLEAN;
import static com.lead2cash.sop.internal.policy.ParamType.DURATION;
import static com.lead2cash.sop.internal.policy.ParamType.FRACTIONS;
import static com.lead2cash.sop.internal.policy.ParamType.INTEGER;
import static com.lead2cash.sop.internal.policy.ParamType.LIST;
import static com.lead2cash.sop.internal.policy.ParamType.MONEY;
import static com.lead2cash.sop.internal.policy.ParamType.PERCENT;
import static com.lead2cash.sop.internal.policy.ParamType.TIME_OF_DAY;
import static com.lead2cash.sop.internal.policy.ParamType.WEEKDAY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule of the default SOP policy with its source document and typed parameters — the one place
 * defaults are written; {@code docs/sop-rules.md} describes the same rules for people. The
 * defaults reproduce the seed documents: 000 销售管理制度, 001 线索管理, 002 销售流程, 003 风控与档案;
 * "COMMON" marks common practice. Windows count working time on the company's calendar, as SPEC §2 says of every
 * deadline not marked "calendar" (24 h is 24 working hours, 3 days three working days); calendar time only where
 * SPEC marks it (C2, C3, C7's cool-down in days, P1) and where the window is a recurring period (D1 weekly) or no
 * deadline (L8's contest window). Decision 0111.
 */
public final class RuleCatalog {

    /** The stages the admin page groups rules by, in lifecycle order. */
    public enum Stage { LEAD, CUSTOMER, OPPORTUNITY, QUOTE, CONTRACT, DELIVERY, PAYMENT, HANDOVER, TEAM, INCIDENT,
        RETENTION, GENERAL }

    /**
     * One typed parameter of a rule with its default in canonical text form. A list whose entries the
     * reading module takes as the names of one of its enums declares those names as {@code choices} (any
     * other entry is refused), and {@code noneAllowed} whether it may name none; an empty {@code choices}
     * is a list of free texts. {@code choiceLabels} is the bundle prefix that says a choice in the reader's
     * words ({@code role} for {@code role.SALES_REP}), null for free texts.
     */
    public record ParamDef(String name, ParamType type, String defaultText, List<String> choices, boolean noneAllowed,
                           String choiceLabels) {
        public ParamDef {
            choices = List.copyOf(choices);
        }

        public Object defaultValue() {
            return type.parse(defaultText, null);
        }
    }

    /**
     * A rule definition; {@code windowParam} names the duration that is the rule's deadline window
     * (null for rules without one). Name and description are the bundle keys rule.ID.name / .description.
     */
    public record RuleDef(String id, Stage stage, List<String> sources, String windowParam, List<ParamDef> params) {

        public Optional<ParamDef> param(String name) {
            return params.stream().filter(p -> p.name().equals(name)).findFirst();
        }

        public String nameKey() {
            return "rule." + id + ".name";
        }

        public String descriptionKey() {
            return "rule." + id + ".description";
        }

        /**
         * Whether a module enforces the rule: a rule not yet built is shown as not in force and its values are not
         * changed, since a version of them would promise what nothing does.
         */
        public boolean inForce() {
            return !NOT_BUILT.contains(id);
        }

        /** Whether modules start deadlines under this rule (a window parameter alone does not say so). */
        public boolean startsDeadlines() {
            return DEADLINE_RULES.contains(id);
        }
    }

    /** The rule whose parameter holds the reminder fractions of every deadline. */
    public static final String REMINDERS = "G1";

    public static final String DEFAULT_TARGET_INDUSTRIES = "制造业, 软件和信息技术服务业, 批发和零售业, 金融业, 医疗健康";

    private static final Map<String, RuleDef> RULES = new LinkedHashMap<>();

    /**
     * The rules under which modules start deadlines ({@code Deadlines.open}, {@code openUntil}, {@code recordMet}),
     * whether their window is a parameter (L1) or worked out by the module (C2, D3, S1); the deadline list filters
     * by these. DeadlineRulesTest reads the modules' calls and fails when this set and they differ.
     */
    private static final Set<String> DEADLINE_RULES = Set.of("L1", "L6", "L7", "L9",
            "C2", "C3", "C4", "C5", "C6", "O2", "K1", "K3", "K4", "D1", "D2", "D3", "P1", "H1", "S1", "S2");

    /**
     * The rules no module enforces yet (docs/sop-rules.md: "not built yet") — team routines and incidents. The module
     * that comes to enforce one takes it out of here; SopRulesDocumentTest keeps this set and the page in step.
     */
    private static final Set<String> NOT_BUILT = Set.of("T1", "T2", "T3", "T4", "T5", "T6", "T7", "E1", "E2", "E3");

    static {
        Stage s = Stage.LEAD;
        rule("L1", s, "001", "window", p("window", DURATION, "30m business"));
        rule("L2", s, "001", null, p("time", TIME_OF_DAY, "17:00"));
        rule("L3", s, "001", null,
                p("targetIndustries", LIST, DEFAULT_TARGET_INDUSTRIES),
                p("minimumBudget", MONEY, "100000"),
                p("urgencyDays", INTEGER, "90"),
                p("gradeAMinPoints", INTEGER, "3"),
                p("gradeBMinPoints", INTEGER, "2"));
        rule("L4", s, "001", null,
                p("seniorityMonths", INTEGER, "12"),
                p("nurtureBatchDay", WEEKDAY, "MONDAY"),
                p("nurtureBatchTime", TIME_OF_DAY, "09:00"));
        rule("L5", s, "002", null);
        rule("L6", s, "002", "window", p("window", DURATION, "2h business"));
        rule("L7", s, "002", "window", p("window", DURATION, "4h business"));
        rule("L8", s, "001", "contestWindow", p("contestWindow", DURATION, "15m calendar"));
        rule("L9", s, "COMMON", "window", p("window", DURATION, "2h business"));

        s = Stage.CUSTOMER;
        rule("C1", s, "000", null, p("gradeAMinScore", INTEGER, "10"), p("gradeBMinScore", INTEGER, "7"));
        rule("C2", s, "000", null,
                p("gradeADays", INTEGER, "7"), p("gradeBDays", INTEGER, "14"), p("gradeCDays", INTEGER, "30"));
        rule("C3", s, "002", null,
                p("gradeADays", INTEGER, "1"), p("gradeBDays", INTEGER, "2"), p("gradeCDays", INTEGER, "7"));
        rule("C4", s, "000,002", "window", p("window", DURATION, "24h business"));
        rule("C5", s, "002", "window", p("window", DURATION, "24h business"));
        rule("C6", s, "001", "window", p("window", DURATION, "24h business"));
        rule("C7", s, "COMMON", null, p("enabled", BOOLEAN, "true"), p("cadenceMultiple", INTEGER, "2"),
                p("maxPrivateCustomers", INTEGER, "200"), p("reclaimCooldownDays", INTEGER, "30"));
        rule("C8", s, "003", null, p("creditApprovalThreshold", MONEY, "500000"));

        s = Stage.OPPORTUNITY;
        rule("O1", s, "000", null, p("passScore", INTEGER, "30"), p("criterionMax", INTEGER, "10"),
                p("discoveryProbability", PERCENT, "10"), p("evaluationProbability", PERCENT, "20"),
                p("proposalProbability", PERCENT, "40"), p("negotiationProbability", PERCENT, "60"),
                p("contractProbability", PERCENT, "80"));
        // the roles of the opportunity module's PanelSeat
        rule("O2", s, "000", "answerWindow", oneOrMoreOf("panelRoles", "role", "SALES_REP, SALES_MANAGER, TECH_SUPPORT",
                        "SALES_REP", "SALES_MANAGER", "TECH_SUPPORT"),
                p("answerWindow", DURATION, "1d business"));

        s = Stage.QUOTE;
        rule("Q1", s, "001", null, p("reviewBeforeSending", BOOLEAN, "true"));
        rule("Q2", s, "000,001", null, p("repMaxPercent", PERCENT, "5"), p("managerMaxPercent", PERCENT, "15"));
        rule("Q3", s, "000,001", null);

        s = Stage.CONTRACT;
        // the contract module's Department and RiskLevel
        rule("K1", s, "000", "window", p("window", DURATION, "2d business"),
                oneOrMoreOf("reviewers", "contract.department", "LEGAL, FINANCE, OPERATIONS", "LEGAL", "FINANCE", "OPERATIONS"));
        rule("K2", s, "000", null);
        rule("K3", s, "002", "window", p("window", DURATION, "3d business"));
        rule("K4", s, "000", "window", p("window", DURATION, "1d business"));
        rule("K5", s, "003", null, p("amountThreshold", MONEY, "1000000"), anyOf("riskLevels", "contract.risk", "HIGH", "LOW", "MEDIUM", "HIGH"));

        s = Stage.DELIVERY;
        rule("D1", s, "000", "window", p("window", DURATION, "7d calendar"));
        rule("D2", s, "000", "window", p("window", DURATION, "1d business"));
        rule("D3", s, "000", null);

        s = Stage.PAYMENT;
        rule("P1", s, "000", "window", p("window", DURATION, "3d calendar"));
        rule("P2", s, "000,003", null,
                p("bucket1Days", INTEGER, "30"), p("bucket2Days", INTEGER, "60"), p("bucket3Days", INTEGER, "90"),
                p("managerFromBucket", INTEGER, "2"), p("directorFromBucket", INTEGER, "3"));

        s = Stage.HANDOVER;
        rule("H1", s, "002", "handoverWindow",
                p("handoverWindow", DURATION, "1d business"), p("acceptanceWindow", DURATION, "1d business"));
        rule("S1", s, "002", null, p("criticalWindow", DURATION, "1h business"),
                p("majorWindow", DURATION, "4h business"), p("minorWindow", DURATION, "1d business"));
        rule("S2", s, "002", null, p("criticalWindow", DURATION, "1d business"),
                p("majorWindow", DURATION, "2d business"), p("minorWindow", DURATION, "5d business"));
        // the after-sales module's Severity
        rule("S3", s, "002", null, anyOf("severities", "aftersales.severity", "CRITICAL", "CRITICAL", "MAJOR", "MINOR"));
        rule("S4", s, "COMMON", null, p("repeatWindowDays", INTEGER, "90"));

        s = Stage.TEAM;
        rule("T1", s, "002", null, p("time", TIME_OF_DAY, "10:00"));
        rule("T2", s, "002", null, p("time", TIME_OF_DAY, "18:00"));
        rule("T3", s, "002", null, p("time", TIME_OF_DAY, "20:00"));
        rule("T4", s, "002", null, p("day", WEEKDAY, "MONDAY"), p("time", TIME_OF_DAY, "10:00"));
        rule("T5", s, "002", "window", p("window", DURATION, "1d business"));
        rule("T6", s, "002", "window", p("window", DURATION, "24h business"));
        rule("T7", s, "002", "window", p("window", DURATION, "3d business"));

        s = Stage.INCIDENT;
        rule("E1", s, "002", "reportWindow",
                p("reportWindow", DURATION, "1h business"), p("resolveWindow", DURATION, "24h business"));
        rule("E2", s, "002", "reportWindow",
                p("reportWindow", DURATION, "4h business"), p("resolveWindow", DURATION, "48h business"),
                p("overdueBusinessDays", INTEGER, "2"));
        rule("E3", s, "002", "resolveWindow", p("resolveWindow", DURATION, "24h business"));

        rule("R1", Stage.RETENTION, "003", null, p("standardYears", INTEGER, "5"), p("importantYears", INTEGER, "10"));

        rule(REMINDERS, Stage.GENERAL, "COMMON", null, p("fractions", FRACTIONS, "0.5, 0.9"));
    }

    private RuleCatalog() {
    }

    private static ParamDef p(String name, ParamType type, String defaultText) {
        return new ParamDef(name, type, defaultText, List.of(), true, null);
    }

    /** A list of some of the choices, possibly none, each said through the bundle's {@code labels.CHOICE}. */
    private static ParamDef anyOf(String name, String labels, String defaultText, String... choices) {
        return new ParamDef(name, LIST, defaultText, List.of(choices), true, labels);
    }

    /** A list of at least one of the choices, each said through the bundle's {@code labels.CHOICE}. */
    private static ParamDef oneOrMoreOf(String name, String labels, String defaultText, String... choices) {
        return new ParamDef(name, LIST, defaultText, List.of(choices), false, labels);
    }

    private static void rule(String id, Stage stage, String sources, String windowParam, ParamDef... params) {
        RULES.put(id, new RuleDef(id, stage, List.of(sources.split(",")), windowParam, List.of(params)));
    }

    public static List<RuleDef> all() {
        return List.copyOf(RULES.values());
    }

    /** The rules deadlines are started under, in catalogue order. */
    public static List<RuleDef> deadlineRules() {
        return RULES.values().stream().filter(RuleDef::startsDeadlines).toList();
    }

    public static Optional<RuleDef> find(String ruleId) {
        return Optional.ofNullable(RULES.get(ruleId));
    }

    public static RuleDef require(String ruleId) {
        return find(ruleId).orElseThrow(() -> new IllegalArgumentException("No SOP rule " + ruleId));
    }

    /** The defaults as typed values, rule by rule, parameter by parameter (insertion ordered). */
    public static Map<String, Map<String, Object>> defaults() {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        for (RuleDef rule : RULES.values()) {
            Map<String, Object> params = new LinkedHashMap<>();
            rule.params().forEach(p -> params.put(p.name(), Objects.requireNonNull(p.defaultValue())));
            values.put(rule.id(), params);
        }
        return values;
    }
}
