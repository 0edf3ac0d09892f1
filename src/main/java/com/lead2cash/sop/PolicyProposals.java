package com.lead2cash.sop;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The outcome of an approval of a proposed policy change (see {@link PolicyChangeProposed}). */
public interface PolicyProposals {

    /**
     * The change is approved: it becomes a new policy version, in the proposer's name. Refused (409, changing nothing)
     * when a parameter it changes changed since it was proposed: the approver saw an old value that is no longer so.
     */
    void approve(UUID proposalId);

    /**
     * Why the pending proposal may no longer be approved although no parameter it changes changed: another one moved on
     * so that a value it proposes no longer holds with it; approving it would be refused (409, changing nothing). In the
     * reader's words, naming the parameters in conflict; empty when it would apply, is outdated, not found or decided.
     */
    Optional<String> noLongerValid(UUID proposalId, Locale locale);

    /** The change is rejected: nothing changes. */
    void reject(UUID proposalId);

    /**
     * Its proposer withdrew the change from approval (docs/decisions/0070): it is WITHDRAWN, never applied, no longer
     * pending; a new proposal makes the change again. One no longer pending (decided, or withdrawn already) stays as it is.
     */
    void withdraw(UUID proposalId);

    /** A proposal as its approval shows it: each change in the reader's words, and whether the policy moved on since. */
    record Shown(List<String> changes, boolean outdated) {
    }

    Optional<Shown> shown(UUID proposalId, Locale locale);

    /**
     * Whether a parameter the pending proposal changes changed since it was proposed (docs/decisions/0032): approving
     * it would be refused. False for a proposal not found or no longer pending.
     */
    boolean outdated(UUID proposalId);
}
