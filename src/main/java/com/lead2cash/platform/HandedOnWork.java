package com.lead2cash.platform;

import java.util.List;
import java.util.UUID;

/**
 * A module that routes work to people hands on a deactivated person's open work (docs/decisions/0073): asked by the
 * deactivation, in the administrator's transaction, after the person is saved inactive (so an approval step resolves
 * them as 0007 does); what it answers, where each piece went, the administrator is told on the users screen and in the
 * API's answer.
 */
public interface HandedOnWork {

    /**
     * Hands on the person's open work now; {@code by} is the administrator, null when no one signed in did it. Answers
     * what went where, in the order moved (empty: nothing was theirs).
     */
    List<Handover> handOnWorkOf(UUID userId, UUID by);

    /**
     * One piece of work: its kind ({@code APPROVAL_TASK}), the record it belongs to and its name, and who holds it now —
     * a person ({@code toUserId}) or every holder of a role ({@code toRole}).
     */
    record Handover(String kind, UUID recordId, String recordName, UUID toUserId, Role toRole) {
    }
}
