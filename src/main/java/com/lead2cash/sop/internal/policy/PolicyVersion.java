package com.lead2cash.sop.internal.policy;

import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.PolicySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One stored version of the SOP policy (SOP 规则版本) with its values already typed; immutable.
 * Parameters the stored JSON lacks (a rule added by a later release) read as their default. Modules
 * read it through {@link #bind(Class)}; the string lookups below serve the SOP engine itself.
 */
public final class PolicyVersion implements PolicySnapshot {

    /** Who wrote, and why, the version a fresh installation starts from, as stored (pages say it in words). */
    static final String SYSTEM = "system";
    static final String DEFAULTS_REASON = "rule catalogue defaults";

    /** The catalogue's defaults as version 0: what a fresh installation writes as version 1. */
    public static final PolicyVersion DEFAULTS = new PolicyVersion(0, Instant.EPOCH, null, SYSTEM,
            DEFAULTS_REASON, RuleCatalog.defaults());

    /** Whether the product wrote this version from the rule catalogue (no person, no reason of theirs). */
    static boolean catalogueDefaults(UUID createdBy, String createdByName, String reason) {
        return createdBy == null && SYSTEM.equals(createdByName) && DEFAULTS_REASON.equals(reason);
    }

    private final long version;
    private final Instant createdAt;
    private final UUID createdBy;
    private final String createdByName;
    private final String reason;
    /** Who approved it, when it was applied from an approved proposal (its creator proposed it); null otherwise. */
    private final UUID approvedBy;
    private final String approvedByName;
    private final Map<String, Map<String, Object>> values;
    /** Rules records bound from this version, by record class: a version never changes, so neither do they. */
    private final Map<Class<?>, Record> bound = new ConcurrentHashMap<>();

    public PolicyVersion(long version, Instant createdAt, UUID createdBy, String createdByName, String reason,
                         Map<String, Map<String, Object>> values) {
        this(version, createdAt, createdBy, createdByName, reason, null, null, values);
    }

    /** A version with its approver: one applied from an approved proposal ({@code createdBy} its proposer). */
    public PolicyVersion(long version, Instant createdAt, UUID createdBy, String createdByName, String reason,
                         UUID approvedBy, String approvedByName, Map<String, Map<String, Object>> values) {
        this.approvedBy = approvedBy;
        this.approvedByName = approvedByName;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.createdByName = createdByName;
        this.reason = reason;
        this.values = Map.copyOf(values);
    }

    @Override
    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public String createdByName() {
        return createdByName;
    }

    /** Who approved the proposal this version applied; null for a direct change (its creator made it alone). */
    public UUID approvedBy() {
        return approvedBy;
    }

    public String approvedByName() {
        return approvedByName;
    }

    public boolean catalogueDefaults() {
        return catalogueDefaults(createdBy, createdByName, reason);
    }

    public String reason() {
        return reason;
    }

    public Map<String, Map<String, Object>> values() {
        return values;
    }

    @Override
    public <R extends Record> R bind(Class<R> rulesRecord) {
        return rulesRecord.cast(bound.computeIfAbsent(rulesRecord, type -> RuleBinding.of(rulesRecord).bind(this)));
    }

    /** The typed value of a parameter, whatever its type. */
    public Object raw(String ruleId, String parameter) {
        RuleCatalog.RuleDef rule = RuleCatalog.require(ruleId);
        RuleCatalog.ParamDef def = rule.param(parameter)
                .orElseThrow(() -> new IllegalArgumentException("Rule " + ruleId + " has no parameter " + parameter));
        Map<String, Object> ruleValues = values.get(ruleId);
        Object v = ruleValues == null ? null : ruleValues.get(parameter);
        return v != null ? v : def.defaultValue();
    }

    /** The parameter in its canonical text form, as the admin page and the API show it. */
    public String text(String ruleId, String parameter) {
        RuleCatalog.ParamDef def = RuleCatalog.require(ruleId).param(parameter).orElseThrow();
        return def.type().format(raw(ruleId, parameter));
    }

    /** The deadline window of a rule that has one; the deadline engine counts due times with it. */
    public DeadlineWindow deadlineWindow(String ruleId) {
        RuleCatalog.RuleDef rule = RuleCatalog.require(ruleId);
        if (rule.windowParam() == null) {
            throw new IllegalArgumentException("SOP rule " + ruleId + " has no deadline window");
        }
        return (DeadlineWindow) raw(ruleId, rule.windowParam());
    }

    /** When reminders go out, as fractions of every deadline's window. */
    @SuppressWarnings("unchecked")
    public List<Double> reminderFractions() {
        return (List<Double>) raw(RuleCatalog.REMINDERS, "fractions");
    }
}
