package com.lead2cash.testing;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldAccess;
import com.lead2cash.platform.FieldRules;
import com.lead2cash.platform.FieldSight;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.Role;
import java.util.Map;
import java.util.Set;

/** Field rules fixed for a unit test: none ({@link #DEFAULTS}) or the given ones. */
public record FixedFieldRules(Ruleset ruleset) implements FieldRules {

    public static final FixedFieldRules DEFAULTS = new FixedFieldRules(new Ruleset(0, Map.of()));

    /** One rule: {@code role} reads {@code field} as {@code access}. */
    public static FixedFieldRules of(Role role, ProtectedField field, FieldAccess access) {
        return new FixedFieldRules(new Ruleset(1, Map.of(role, Map.of(field, access))));
    }

    @Override
    public FieldSight sight(ProtectedField field) {
        return CurrentUser.get().map(user -> sight(user, field)).orElseGet(() -> new FieldSight(field, Set.of(), false));
    }

    @Override
    public FieldSight sight(CurrentUser user, ProtectedField field) {
        return ruleset.sight(user.roles(), field);
    }

    @Override
    public Ruleset current() {
        return ruleset;
    }
}
