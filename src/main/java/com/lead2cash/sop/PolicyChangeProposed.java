package com.lead2cash.sop;

import java.util.UUID;

/**
 * An administrator proposed a change of the SOP policy for approval; the approval module runs the
 * flow and answers through {@link PolicyProposals}.
 */
public record PolicyChangeProposed(UUID proposalId, UUID proposerId, String reason, String summary) {
}
