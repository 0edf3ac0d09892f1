package com.lead2cash.opportunity.internal.domain;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 评估邀请 — a tech-support colleague asked to sit on an opportunity's panel (O2). Open until they score
 * or the invitation is withdrawn; the O2 deadline runs on it. An invited colleague may see the
 * opportunity while the invitation is open or answered.
 */
@Table("opportunity_evaluation_invitation")
public record EvaluationInvitation(UUID id, UUID inviteeId, UUID invitedBy, Instant invitedAt, Instant answeredAt,
                                   Instant withdrawnAt) {

    public boolean isOpen() {
        return answeredAt == null && withdrawnAt == null;
    }

    /** Still grants the invitee a view of the opportunity. */
    public boolean grantsView() {
        return withdrawnAt == null;
    }

    EvaluationInvitation answered(Instant at) {
        return new EvaluationInvitation(id, inviteeId, invitedBy, invitedAt, at, withdrawnAt);
    }

    EvaluationInvitation withdrawn(Instant at) {
        return new EvaluationInvitation(id, inviteeId, invitedBy, invitedAt, answeredAt, at);
    }
}
