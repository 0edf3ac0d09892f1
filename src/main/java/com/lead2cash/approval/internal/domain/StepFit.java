package com.lead2cash.approval.internal.domain;

import com.lead2cash.approval.ApproverRule;
import java.util.List;
import java.util.UUID;

/**
 * Docs/decisions/0092 — whether the person an open task names still fits its step today: the step's approver rules
 * would name them now (the named user; a holder of the role who heads their unit; the submitter's manager that many
 * levels up, holding an approving role), or they stand in for the deactivated approver it was handed on from and hold
 * that person's approval authority (0069). A task whose person no longer fits is nobody's until it is handed on.
 */
@FunctionalInterface
public interface StepFit {

    /** Everyone fits: the org of a unit test that does not change (no roles or units to re-check). */
    StepFit UNCHANGED = (personId, rules, submitterId, standsInFor) -> true;

    boolean fits(UUID personId, List<ApproverRule> rules, UUID submitterId, UUID standsInFor);
}
