package com.lead2cash.sop.internal.policy;

import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.PerTransaction;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.SopPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned SOP policy store. Version 1 holds the defaults and is written on first start
 * ({@code on conflict do nothing}, so two nodes starting together write it once). A change writes a
 * new version with the full values plus one change row per parameter, or nothing at all.
 *
 * <p>The current version is cached per node; every {@link #current()} asks the database for the
 * highest version number (a primary-key lookup) and reloads only when another node moved it on.
 */
@Service
public class PolicyService implements SopPolicy {

    /** One parameter change as an administrator asks for it. */
    public record Change(String rule, String parameter, String value) {
    }

    /**
     * A version as listed in the history: {@code createdByName} who made the change (for an approved proposal, who
     * proposed it), {@code approvedByName} who approved it (null for a direct change).
     */
    public record VersionSummary(long version, Instant createdAt, String createdByName, String approvedByName, String reason,
                                 int changes) {

        /** The version the product wrote from the rule catalogue: its who and why are said in the reader's words. */
        public boolean catalogueDefaults() {
            return PolicyVersion.catalogueDefaults(null, createdByName, reason);
        }
    }

    /** One stored change: the parameter's text before and after. */
    public record ChangeRow(long version, String rule, String parameter, String oldValue, String newValue) {
    }

    private static final TypeReference<Map<String, Map<String, String>>> JSON_TYPE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditTrail audit;
    /** The calendar the windows are counted on; provided, as the calendar asks this policy in turn when it changes. */
    private final ObjectProvider<BusinessCalendar> calendar;
    private final AtomicReference<PolicyVersion> cached = new AtomicReference<>();
    private final Object currentInTransaction = new Object();

    PolicyService(JdbcClient jdbc, JsonMapper json, Clock clock, AuditTrail audit, ObjectProvider<BusinessCalendar> calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void writeDefaultsOnFirstStart() {
        current();
    }

    /**
     * The policy in force. One transaction works under one policy: the version is checked once per
     * transaction (an import of thousands of leads reads it once a batch, not a dozen times a lead).
     */
    @Override
    public PolicyVersion current() {
        return PerTransaction.get(currentInTransaction, this::latest);
    }

    private PolicyVersion latest() {
        long max = jdbc.sql("select coalesce(max(version), 0) from sop_policy_version").query(Long.class).single();
        if (max == 0) {
            insertDefaults();
            max = 1L;
        }
        PolicyVersion known = cached.get();
        if (known != null && known.version() == max) {
            return known;
        }
        PolicyVersion loaded = version(max);
        cached.set(loaded);
        return loaded;
    }

    @Override
    public PolicyVersion version(long version) {
        return jdbc.sql("""
                        select version, created_at, created_by, created_by_name, reason, approved_by, approved_by_name,
                               policy_values::text as v
                        from sop_policy_version where version = :version""")
                .param("version", version)
                .query((rs, i) -> new PolicyVersion(rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("created_by", UUID.class), rs.getString("created_by_name"),
                        rs.getString("reason"), rs.getObject("approved_by", UUID.class), rs.getString("approved_by_name"),
                        typed(json.readValue(rs.getString("v"), JSON_TYPE))))
                .optional()
                .orElseThrow(() -> new RecordNotFoundException("PolicyVersion", version));
    }

    /** A keyset page of the versions, newest first (by version number); a cursor not made by this list is refused (400). */
    public CursorPage<VersionSummary> versions(String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : CursorPage.decode("policy-version", cursor, 1).number(0);
        List<VersionSummary> rows = jdbc.sql("""
                        select v.version, v.created_at, v.created_by_name, v.approved_by_name, v.reason,
                               (select count(*) from sop_policy_change c where c.version = v.version) as changes
                        from sop_policy_version v where v.version < :before order by v.version desc limit :limit""")
                .param("before", before).param("limit", size + 1)
                .query((rs, i) -> new VersionSummary(rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by_name"), rs.getString("approved_by_name"), rs.getString("reason"),
                        rs.getInt("changes")))
                .list();
        return CursorPage.of("policy-version", rows, size, v -> List.of(v.version()));
    }

    public List<ChangeRow> changes(long version) {
        return jdbc.sql("""
                        select version, rule_id, parameter, old_value, new_value from sop_policy_change
                        where version = :version order by rule_id, parameter""")
                .param("version", version)
                .query((rs, i) -> new ChangeRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /**
     * Writes a new version with the changed parameters. Refuses the whole change, storing nothing,
     * when the reason is missing, a rule or parameter is unknown, or any value is invalid alone or
     * together with the other values of its rule.
     */
    @Transactional
    public PolicyVersion change(String reason, List<Change> changes, CurrentUser actor) {
        return change(reason, changes, actor, null);
    }

    /** The same, on top of {@code baseVersion} when given: a stale base is refused (409), as two admins racing are. */
    @Transactional
    public PolicyVersion change(String reason, List<Change> changes, CurrentUser actor, Long baseVersion) {
        Objects.requireNonNull(actor, "actor");
        lockChanges();
        Prepared prepared = prepare(reason, changes);
        if (baseVersion != null && prepared.next() != baseVersion + 1) {
            throw outdated(baseVersion, prepared.next() - 1);
        }
        return apply(prepared, reason, actor.id(), actor.username(), null);
    }

    /**
     * The refusal of a change made on {@code baseVersion} while {@code current} is in force: one opened before a
     * version saved since says so and which version is in force now (the reader reloads it), rather than suggesting
     * someone saved at the same moment.
     */
    static ConflictException outdated(long baseVersion, long current) {
        return baseVersion < current ? new ConflictException("policy.error.outdatedVersion", current)
                : new ConflictException("policy.error.concurrentChange");
    }

    /**
     * Makes the policy's changes (direct ones and approved proposals) one at a time until this transaction ends, and
     * reads the version in force afresh: the second of two at once works on what the first saved, rather than failing
     * on its version number or overlooking what it changed.
     */
    void lockChanges() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('sop-policy-change'))").query().singleRow();
        PerTransaction.forget(currentInTransaction);
    }

    /**
     * Applies an approved proposal on top of whatever version is current now, in the proposer's name (its creator) and
     * naming the {@code approver} (who decided it, on this thread).
     */
    PolicyVersion applyApproved(String reason, List<Change> changes, UUID proposerId, String proposerName,
                                CurrentUser approver) {
        return apply(prepare(reason, changes), reason, proposerId, proposerName, approver);
    }

    /** A validated change on top of the current version, not yet stored. */
    record Prepared(long next, Map<String, Map<String, Object>> values, List<ChangeRow> rows) {
    }

    /**
     * The policy as it would be with these changes, unsaved: checked value by value exactly as
     * {@link #change} checks them (422 with the same field errors), without a reason since nothing is
     * stored. Its version number is the one the change would get. The 90-day replay counts with it.
     */
    public PolicyVersion proposed(List<Change> changes) {
        Prepared prepared = prepare(null, changes, false);
        return new PolicyVersion(prepared.next(), clock.instant(), null, null, null, prepared.values());
    }

    /** Checks a change against the current version; refuses it field by field, stores nothing. */
    Prepared prepare(String reason, List<Change> changes) {
        return prepare(reason, changes, true);
    }

    private Prepared prepare(String reason, List<Change> changes, boolean reasonRequired) {
        List<FieldError> errors = new ArrayList<>();
        if (reasonRequired && (reason == null || reason.isBlank())) {
            errors.add(new FieldError("reason", "policy.error.reasonRequired"));
        }
        if (changes == null || changes.isEmpty()) {
            errors.add(new FieldError("changes", "policy.error.noChanges"));
        }
        PolicyVersion base = current();
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        RuleCatalog.all().forEach(r -> {
            Map<String, Object> params = new LinkedHashMap<>();
            r.params().forEach(p -> params.put(p.name(), base.raw(r.id(), p.name())));
            values.put(r.id(), params);
        });
        List<ChangeRow> rows = new ArrayList<>();
        long next = base.version() + 1;
        Set<String> named = new HashSet<>();
        for (Change c : changes == null ? List.<Change>of() : changes) {
            String field = c.rule() + "." + c.parameter();
            var rule = c.rule() == null ? null : RuleCatalog.find(c.rule()).orElse(null);
            var param = rule == null || c.parameter() == null ? null : rule.param(c.parameter()).orElse(null);
            if (param == null) {
                errors.add(new FieldError(field, "policy.error.unknownParameter", field));
                continue;
            }
            if (!rule.inForce()) {
                // nothing enforces it yet: a new value would read as a rule the company now follows
                errors.add(new FieldError(field, "policy.error.ruleNotInForce", rule.id()));
                continue;
            }
            if (!named.add(field)) {
                // one version holds one value per parameter: which of two would be meant is not ours to guess
                errors.add(new FieldError(field, "policy.error.duplicateParameter", field));
                continue;
            }
            Object old = values.get(rule.id()).get(param.name());
            Object parsed;
            try {
                parsed = param.type().parse(c.value(), old);
            } catch (ParamType.OutOfRange e) {
                // a number past every bound of its type: refused saying this parameter's bound
                errors.add(PolicyRules.outOfRange(rule.id(), param, e.above()));
                continue;
            } catch (ParamType.InvalidValue e) {
                errors.add(new FieldError(field, e.getMessage(), String.valueOf(c.value())));
                continue;
            }
            // each value against its own bounds here, so that a change refused for one parameter names every other
            // one refused with it; what holds across a rule's parameters is checked once every value is one
            int refused = errors.size();
            PolicyRules.withinRange(errors, rule.id(), param, parsed);
            if (errors.size() > refused) {
                continue;
            }
            if (parsed.equals(old)) {
                continue;
            }
            values.get(rule.id()).put(param.name(), parsed);
            rows.add(new ChangeRow(next, rule.id(), param.name(), param.type().format(old), param.type().format(parsed)));
        }
        if (errors.isEmpty()) {
            errors.addAll(PolicyRules.check(values, rows.stream().map(r -> r.rule() + "." + r.parameter())
                    .collect(java.util.stream.Collectors.toSet())));
        }
        if (errors.isEmpty()) {
            // every business window must be countable on the calendar in force, or each deadline it opens would fail
            WindowsOnCalendar.uncountable(values, calendar.getObject().current())
                    .forEach(field -> errors.add(new FieldError(field, "policy.error.windowUncountable")));
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new FieldError("changes", "policy.error.noChanges"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new Prepared(next, values, rows);
    }

    private PolicyVersion apply(Prepared prepared, String reason, UUID actorId, String actorName, CurrentUser approver) {
        long next = prepared.next();
        Instant now = clock.instant();
        try {
            insert(next, now, actorId, actorName, reason.strip(), approver, prepared.values());
        } catch (DuplicateKeyException e) {
            // another administrator saved a version on top of the same base first
            throw new ConflictException("policy.error.concurrentChange");
        }
        for (ChangeRow row : prepared.rows()) {
            jdbc.sql("""
                            insert into sop_policy_change (version, rule_id, parameter, old_value, new_value)
                            values (:version, :rule, :parameter, :old, :new)""")
                    .param("version", row.version()).param("rule", row.rule()).param("parameter", row.parameter())
                    .param("old", row.oldValue()).param("new", row.newValue()).update();
        }
        // each parameter changed as its own entry: the field as the policy names it (L1.window), old → new as the
        // versions API shows them, and why
        for (ChangeRow row : prepared.rows()) {
            audit.recordChange("policy.changed", "SopPolicy", next, row.rule() + "." + row.parameter(), row.oldValue(),
                    row.newValue(), reason.strip());
        }
        return version(next);
    }

    private void insertDefaults() {
        jdbc.sql("""
                        insert into sop_policy_version (version, created_at, created_by, created_by_name, reason, policy_values)
                        values (1, :at, null, :system, :reason, cast(:values as jsonb))
                        on conflict (version) do nothing""")
                .param("at", Timestamp.from(clock.instant()))
                .param("system", PolicyVersion.SYSTEM).param("reason", PolicyVersion.DEFAULTS_REASON)
                .param("values", toJson(RuleCatalog.defaults()))
                .update();
        PerTransaction.forget(currentInTransaction);
    }

    private void insert(long version, Instant at, UUID by, String byName, String reason, CurrentUser approver,
                        Map<String, Map<String, Object>> values) {
        jdbc.sql("""
                        insert into sop_policy_version (version, created_at, created_by, created_by_name, reason,
                                                        approved_by, approved_by_name, policy_values)
                        values (:version, :at, :by, :byName, :reason, :approvedBy, :approvedByName, cast(:values as jsonb))""")
                .param("version", version).param("at", Timestamp.from(at)).param("by", by).param("byName", byName)
                .param("approvedBy", approver == null ? null : approver.id())
                .param("approvedByName", approver == null ? null : approver.username())
                .param("reason", reason).param("values", toJson(values)).update();
        PerTransaction.forget(currentInTransaction);
    }

    private String toJson(Map<String, Map<String, Object>> values) {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        values.forEach((ruleId, params) -> {
            RuleCatalog.RuleDef rule = RuleCatalog.require(ruleId);
            Map<String, String> p = new LinkedHashMap<>();
            params.forEach((name, v) -> p.put(name, rule.param(name).orElseThrow().type().format(v)));
            texts.put(ruleId, p);
        });
        return json.writeValueAsString(texts);
    }

    private static Map<String, Map<String, Object>> typed(Map<String, Map<String, String>> texts) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        texts.forEach((ruleId, params) -> RuleCatalog.find(ruleId).ifPresent(rule -> {
            Map<String, Object> p = new LinkedHashMap<>();
            // a parameter dropped by a later release is ignored rather than failing the whole version
            params.forEach((name, text) -> rule.param(name).ifPresent(def -> p.put(name, def.type().parse(text, null))));
            values.put(ruleId, Map.copyOf(p));
        }));
        return values;
    }
}
