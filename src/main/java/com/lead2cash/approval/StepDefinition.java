package com.lead2cash.approval;

import java.util.List;
import java.util.Objects;

/**
 * One step of a flow. Every approver of the step must approve before the next step starts; the
 * mode says whether they decide one after another in the listed order or all at once (K1: legal,
 * finance and operations review in parallel).
 *
 * @param slaRuleId the SOP rule whose window is each approver's deadline (e.g. "K1"), or null for none
 */
public record StepDefinition(String name, StepMode mode, List<ApproverRule> approvers, String slaRuleId) {

    public StepDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a step needs a name");
        }
        Objects.requireNonNull(mode, "mode");
        if (approvers == null || approvers.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one approver");
        }
        approvers = List.copyOf(approvers);
        slaRuleId = slaRuleId == null || slaRuleId.isBlank() ? null : slaRuleId;
    }
}
