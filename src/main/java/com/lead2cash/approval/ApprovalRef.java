package com.lead2cash.approval;

import java.util.UUID;

/** A handle on a started flow: its id, state and round, as the owning module stores them. */
public record ApprovalRef(UUID id, ApprovalView.State state, int round) {
}
