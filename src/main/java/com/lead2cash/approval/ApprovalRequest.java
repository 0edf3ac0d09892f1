package com.lead2cash.approval;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What an owning module asks to have approved: the subject ("Quote", id), a title people read in
 * their inbox, who submits, the flow, and facts shown to approvers (amount, discount, risk…).
 */
public record ApprovalRequest(String subjectType, String subjectId, String title, UUID submitterId,
                              FlowDefinition flow, Map<String, String> facts) {

    public ApprovalRequest {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(submitterId, "submitterId");
        Objects.requireNonNull(flow, "flow");
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
