package com.lead2cash.platform;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A module that routes work to people hands on a deactivated person's open work (docs/decisions/0073): asked by the
 * deactivation, in the administrator's transaction, after the person is saved inactive (so an approval step resolves
 * them as 0007 does); what it answers, where each piece went, the administrator is told on the users screen and in the
 * API's answer. Work that waits on every holder of a role (a pool) is the role's (0074): a person deactivated, or a
 * role taken from them, gives up its work; the administrator is asked what waits on a role left with no active holder,
 * and whoever is then given the role takes up its work.
 */
public interface HandedOnWork {

    /**
     * Hands on the person's open work now; {@code by} is the administrator, null when no one signed in did it. Answers
     * what went where, in the order moved (empty: nothing was theirs).
     */
    List<Handover> handOnWorkOf(UUID userId, UUID by);

    /**
     * The open work that waits on whoever holds these roles (a pool's approval tasks, the general queue's leads), per
     * role and kind; a role nothing waits on is left out. Asked of the roles a deactivation, or a role taken away, left
     * with no active holder (0074), and of those the work a headship gave up goes to (0093, 0099).
     */
    List<Waiting> waitingOn(Set<Role> roles);

    /**
     * The person, active, holds these roles from now on (given them, created with them, or re-activated): they take up
     * the work waiting on the roles' holders (0074) — told of it, and what waited with nobody who holds the role now
     * (a pool deadline of a holder deactivated since) theirs as the module's rule gives it.
     */
    void takeUpWorkOf(UUID userId, Set<Role> roles);

    /**
     * The person, active, holds these roles no more (an administrator took them away): the work waiting on the roles'
     * holders asks them no more, as at their deactivation (0074) — their notices of it settled, what was theirs of it
     * (a pool deadline) the role's next holder's, or waiting for one. Asked once the person is saved without the roles.
     */
    void giveUpWorkOf(UUID userId, Set<Role> roles);

    /**
     * A delegation given to the person ended at the deactivation (docs/decisions/0085): the record is the delegation, its
     * name its period, {@code toUserId} its delegator — who decides their own approvals again.
     */
    String DELEGATION_TO_THEM_ENDED = "DELEGATION_TO_THEM_ENDED";

    /**
     * A delegation the person gave ended at the deactivation (docs/decisions/0085): the record is the delegation, its
     * name its period, {@code toUserId} its delegate — who stands in for them no more.
     */
    String DELEGATION_BY_THEM_ENDED = "DELEGATION_BY_THEM_ENDED";

    /**
     * One piece of work: its kind ({@code APPROVAL_TASK}, or a delegation ended: {@link #DELEGATION_TO_THEM_ENDED},
     * {@link #DELEGATION_BY_THEM_ENDED}), the record it belongs to and its name, and who holds it now — a person
     * ({@code toUserId}) or every holder of a role ({@code toRole}).
     */
    record Handover(String kind, UUID recordId, String recordName, UUID toUserId, Role toRole) {
    }

    /**
     * How many pieces of open work of a kind ({@code APPROVAL_TASK}: a pool's approval tasks; {@link #GENERAL_QUEUE_LEAD})
     * wait on whoever holds the role.
     */
    record Waiting(Role role, String kind, int count) {
    }

    /**
     * A lead waiting in the general queue, which the sales directors assign (L9, docs/decisions/0099): work that waits
     * on whoever holds the role, as a pool's approval task does (0074).
     */
    String GENERAL_QUEUE_LEAD = "GENERAL_QUEUE_LEAD";

    /**
     * Docs/decisions/0092: the person, active, lost a role or moved to another unit (an administrator changed them): hand
     * on the open work routed to them by what they held (an approval task whose step names them no more — the manager
     * of the submitter's team, a department's head) as at their deactivation; {@code by} is the administrator. Answers
     * what went where, in the order moved (empty: all of it still theirs).
     */
    List<Handover> handOnWorkNoLongerTheirs(UUID userId, UUID by);

    /**
     * An open approval task on the person's own submission handed on by {@link #handOnWorkNoLongerTheirs}: the person moved,
     * and the step names another approver now (their manager is another, 0092); {@code toUserId}/{@code toRole} as for
     * their own tasks.
     */
    String SUBMITTED_APPROVAL_TASK = "SUBMITTED_APPROVAL_TASK";
}
