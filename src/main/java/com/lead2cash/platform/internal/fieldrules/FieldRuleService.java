package com.lead2cash.platform.internal.fieldrules;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldAccess;
import com.lead2cash.platform.FieldRules;
import com.lead2cash.platform.FieldSight;
import com.lead2cash.platform.PerTransaction;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.audit.AuditRecorder;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The field rules, stored as the rows that differ from the default and one version for the whole set. Read once per
 * transaction, or once per request outside one (a list page asks for every row it shows), and kept by version, so an
 * administrator's change is in force on the next request of every instance.
 */
@Service
public class FieldRuleService implements FieldRules {

    private static final String IN_REQUEST = FieldRuleService.class.getName() + ".ruleset";

    private final JdbcClient jdbc;
    private final AuditRecorder audit;
    private final Clock clock;
    private final AtomicReference<Ruleset> cached = new AtomicReference<>();
    private final Object inTransaction = new Object();

    FieldRuleService(JdbcClient jdbc, AuditRecorder audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public FieldSight sight(ProtectedField field) {
        return CurrentUser.get().map(user -> sight(user, field)).orElseGet(() -> new FieldSight(field, Set.of(), false));
    }

    @Override
    public FieldSight sight(CurrentUser user, ProtectedField field) {
        return current().sight(user.roles(), field);
    }

    @Override
    public Ruleset current() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            return PerTransaction.get(inTransaction, this::latest);
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return latest();
        }
        Ruleset known = (Ruleset) request.getAttribute(IN_REQUEST, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            known = latest();
            request.setAttribute(IN_REQUEST, known, RequestAttributes.SCOPE_REQUEST);
        }
        return known;
    }

    /**
     * Replaces the rules with {@code wanted} (a role or field left out reads by default), each change in the audit
     * trail; refused with a conflict when someone saved since {@code version} was read.
     */
    @Transactional
    public Ruleset replace(Map<Role, Map<ProtectedField, FieldAccess>> wanted, long version) {
        int updated = jdbc.sql("""
                        update platform_field_rule_set set version = version + 1, updated_at = :now, updated_by = :by
                        where id = 1 and version = :version""")
                .param("now", Timestamp.from(clock.instant())).param("by", CurrentUser.require().id())
                .param("version", version).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("the field rules were changed since version " + version);
        }
        Ruleset before = load(version);
        Ruleset after = new Ruleset(version + 1, withoutDefaults(wanted));
        for (Role role : Role.values()) {
            for (ProtectedField field : ProtectedField.values()) {
                if (before.of(role, field) != after.of(role, field)) {
                    audit.recordFieldChange("UPDATE", "FieldRule", role.name(), field.name(),
                            before.of(role, field).name(), after.of(role, field).name());
                }
            }
        }
        jdbc.sql("delete from platform_field_rule").update();
        after.rules().forEach((role, fields) -> fields.forEach((field, access) -> jdbc.sql(
                        "insert into platform_field_rule (role, field, access) values (:role, :field, :access)")
                .param("role", role.name()).param("field", field.name()).param("access", access.name()).update()));
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(IN_REQUEST, RequestAttributes.SCOPE_REQUEST);
        }
        return after;
    }

    private Ruleset latest() {
        long version = jdbc.sql("select version from platform_field_rule_set where id = 1").query(Long.class).single();
        Ruleset known = cached.get();
        if (known != null && known.version() == version) {
            return known;
        }
        Ruleset loaded = load(version);
        cached.set(loaded);
        return loaded;
    }

    private Ruleset load(long version) {
        Map<Role, Map<ProtectedField, FieldAccess>> rules = new EnumMap<>(Role.class);
        jdbc.sql("select role, field, access from platform_field_rule").query(rs -> {
            rules.computeIfAbsent(Role.valueOf(rs.getString("role")), r -> new EnumMap<>(ProtectedField.class))
                    .put(ProtectedField.valueOf(rs.getString("field")), FieldAccess.valueOf(rs.getString("access")));
        });
        return new Ruleset(version, rules);
    }

    private static Map<Role, Map<ProtectedField, FieldAccess>> withoutDefaults(
            Map<Role, Map<ProtectedField, FieldAccess>> wanted) {
        Map<Role, Map<ProtectedField, FieldAccess>> rules = new EnumMap<>(Role.class);
        wanted.forEach((role, fields) -> fields.forEach((field, access) -> {
            if (access != FieldAccess.DEFAULT) {
                rules.computeIfAbsent(role, r -> new EnumMap<>(ProtectedField.class)).put(field, access);
            }
        }));
        return rules;
    }
}
