package com.lead2cash.approval.internal;

/**
 * A subject's say in the decisions on its approval: whether it may still be approved as its approvers were shown it.
 * A policy change the policy moved on from may not (docs/decisions/0032); a subject without one always may.
 */
interface ApprovableSubject {

    String subjectType();

    boolean approvableAsShown(String subjectId);
}
