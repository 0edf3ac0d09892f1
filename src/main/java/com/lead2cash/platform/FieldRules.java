package com.lead2cash.platform;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The administrator's rules on {@link ProtectedField}s per role (SPEC §1: "an administrator can mark further fields
 * hidden or masked per role"). A role without a rule for a field reads it by {@link FieldAccess#DEFAULT}.
 */
public interface FieldRules {

    /** How the user on this thread reads the field; nobody signed in reads nothing whole (fails closed). */
    FieldSight sight(ProtectedField field);

    /** How the user reads the field. */
    FieldSight sight(CurrentUser user, ProtectedField field);

    /** The rules in force, the roles without one left out, and their version (for an update's optimistic check). */
    Ruleset current();

    record Ruleset(long version, Map<Role, Map<ProtectedField, FieldAccess>> rules) {

        public Ruleset {
            rules = Map.copyOf(rules.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
        }

        public FieldAccess of(Role role, ProtectedField field) {
            return rules.getOrDefault(role, Map.of()).getOrDefault(field, FieldAccess.DEFAULT);
        }

        /** How a holder of {@code roles} reads the field: as the least restricted of them allows. */
        public FieldSight sight(Collection<Role> roles, ProtectedField field) {
            Set<Role> defaults = EnumSet.noneOf(Role.class);
            boolean masked = false;
            for (Role role : roles) {
                switch (of(role, field)) {
                    case DEFAULT -> defaults.add(role);
                    case MASKED -> masked = true;
                    case HIDDEN -> { }
                }
            }
            // hidden only when every role hides it
            return new FieldSight(field, defaults, defaults.isEmpty() && !masked && !roles.isEmpty());
        }
    }
}
