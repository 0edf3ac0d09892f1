package com.lead2cash.approval.internal;

import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Decision 0069 — who may decide a person's approvals for them (审批代理): someone who holds the authority those
 * approvals need. The one place it is decided; a delegation is refused when it is given, and one that no longer
 * satisfies it (given before the rule, or the people changed since) is not honoured when a delegate acts or reads.
 *
 * <p>The approving roles are those approval flows route tasks to: the managers (the submitter's line manager,
 * K2), the sales directors (their pool and the fallback, policy changes) and the reviewing departments (K1, the
 * legal head, finance). For each approving role the delegator holds, the delegate must hold it as well — a sales
 * or regional manager's by a manager whose own unit is the delegator's or one above it (their team scope covers the
 * delegator's team), or by a sales director. A person who holds no approving role has no approval authority to give.
 */
@Component
public class DelegateAuthority {

    /** Roles approval flows route tasks to. */
    static final Set<Role> APPROVING = EnumSet.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.LEGAL, Role.FINANCE, Role.OPERATIONS);
    private static final Set<Role> MANAGERS = EnumSet.of(Role.REGIONAL_MANAGER, Role.SALES_MANAGER);

    private final OrgDirectory org;

    DelegateAuthority(OrgDirectory org) {
        this.org = org;
    }

    /** Whether the delegate may decide the delegator's approvals now: both active, and {@link #refusal} empty. */
    public boolean holds(OrgDirectory.Person delegator, OrgDirectory.Person delegate) {
        return delegator.active() && delegate.active() && refusal(delegator, delegate).isEmpty();
    }

    /** Why the delegate may not decide the delegator's approvals (a message key), empty when they may. */
    public Optional<String> refusal(OrgDirectory.Person delegator, OrgDirectory.Person delegate) {
        Set<Role> needed = EnumSet.noneOf(Role.class);
        delegator.roles().stream().filter(APPROVING::contains).forEach(needed::add);
        if (needed.isEmpty()) {
            return Optional.of("approval.delegation.nothingToDelegate");
        }
        for (Role role : needed) {
            if (MANAGERS.contains(role)) {
                if (delegate.roles().contains(Role.SALES_DIRECTOR)) {
                    continue;
                }
                if (delegate.roles().stream().noneMatch(MANAGERS::contains)) {
                    return Optional.of("approval.delegation.delegate.notManager");
                }
                if (!coversTeamOf(delegate, delegator)) {
                    return Optional.of("approval.delegation.delegate.outsideTeam");
                }
            } else if (!delegate.roles().contains(role)) {
                return Optional.of("approval.delegation.delegate.lacksRole");
            }
        }
        return Optional.empty();
    }

    /** The delegate's own unit is the delegator's or one above it: their team scope holds the delegator's team. */
    private boolean coversTeamOf(OrgDirectory.Person delegate, OrgDirectory.Person delegator) {
        return delegate.orgUnitId() != null && delegator.orgUnitId() != null
                && org.unitAndAbove(delegator.orgUnitId()).contains(delegate.orgUnitId());
    }
}
