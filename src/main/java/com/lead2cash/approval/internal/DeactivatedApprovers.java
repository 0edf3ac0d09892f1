package com.lead2cash.approval.internal;

import com.lead2cash.platform.HandedOnWork;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Docs/decisions/0073: a deactivated approver's open tasks are handed on in the administrator's own transaction — an
 * approval never waits for someone who can no longer sign in — and the administrator is told where they went.
 */
@Component
class DeactivatedApprovers implements HandedOnWork {

    private final ApprovalService service;

    DeactivatedApprovers(ApprovalService service) {
        this.service = service;
    }

    @Override
    public List<Handover> handOnWorkOf(UUID userId, UUID by) {
        return service.handOnTasksOf(userId, by);
    }
}
