package com.lead2cash.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a module handed on of a deactivated person's work when it heard {@link UserDeactivated} (docs/decisions/0073):
 * the administrator who deactivated them is told where it went, on the users screen and in the API's answer.
 */
public interface HandedOnWork {

    /** The work moved from the person to others at or after {@code since} (their deactivation), in the order moved. */
    List<Handover> handedOnFrom(UUID userId, Instant since);

    /**
     * One piece of work: its kind ({@code APPROVAL_TASK}), the record it belongs to and its name, and who holds it now —
     * a person ({@code toUserId}) or every holder of a role ({@code toRole}).
     */
    record Handover(String kind, UUID recordId, String recordName, UUID toUserId, Role toRole) {
    }
}
