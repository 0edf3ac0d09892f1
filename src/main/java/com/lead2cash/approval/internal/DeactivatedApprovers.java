package com.lead2cash.approval.internal;

import com.lead2cash.platform.HandedOnWork;
import com.lead2cash.platform.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Docs/decisions/0073: a deactivated approver's open tasks are handed on in the administrator's own transaction — an
 * approval never waits for someone who can no longer sign in — and the administrator is told where they went; the
 * tasks of a role's pool wait on its holders: whoever is given the role takes them up, whoever loses it gives them up
 * (0074); the delegations the person gave or received end (0085).
 */
@Component
class DeactivatedApprovers implements HandedOnWork {

    private final ApprovalService service;
    private final Delegations delegations;

    DeactivatedApprovers(ApprovalService service, Delegations delegations) {
        this.service = service;
        this.delegations = delegations;
    }

    /**
     * Their open tasks handed on (0073) — to a delegate standing in for them, if any — then the delegations they gave
     * or received ended (0085): nobody decides for, or through, someone who can no longer sign in.
     */
    @Override
    public List<Handover> handOnWorkOf(UUID userId, UUID by) {
        List<Handover> moved = new java.util.ArrayList<>(service.handOnTasksOf(userId, by));
        moved.addAll(delegations.endAtDeactivationOf(userId));
        return moved;
    }

    /** Their open tasks whose step names them no more after a change of roles or unit, handed on (0092). */
    @Override
    public List<Handover> handOnWorkNoLongerTheirs(UUID userId, UUID by) {
        return service.handOnTasksNoLongerTheirs(userId, by);
    }

    @Override
    public List<Waiting> waitingOn(Set<Role> roles) {
        return service.waitingOn(roles);
    }

    @Override
    public void takeUpWorkOf(UUID userId, Set<Role> roles) {
        service.takeUpWorkOf(userId, roles);
    }

    @Override
    public void giveUpWorkOf(UUID userId, Set<Role> roles) {
        service.giveUpWorkOf(userId, roles);
    }
}
