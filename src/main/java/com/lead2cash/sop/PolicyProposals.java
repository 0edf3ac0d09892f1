package com.lead2cash.sop;

import java.util.UUID;

/** The outcome of an approval of a proposed policy change (see {@link PolicyChangeProposed}). */
public interface PolicyProposals {

    /** The change is approved: it becomes a new policy version, in the proposer's name. */
    void approve(UUID proposalId);

    /** The change is rejected: nothing changes. */
    void reject(UUID proposalId);
}
