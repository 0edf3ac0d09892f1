package com.lead2cash.approval.internal.domain;

import com.lead2cash.platform.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * A task moved from a deactivated approver to another (0073), or from one its step names no more (0092), as its history
 * line keeps it in {@code detail}:
 * {@code USER:<from>>USER:<to>} or {@code USER:<from>>ROLE:<role>} (approvers are written as the flow's steps write them).
 */
public record Reassignment(UUID fromUserId, UUID toUserId, Role toRole) {

    /** The history event of a reassignment. */
    public static final String EVENT = "REASSIGNED";

    /** The history event of a reassignment of a task whose step names its person no more (their roles or unit changed). */
    public static final String NOT_NAMED_EVENT = "REASSIGNED_NOT_NAMED";

    /** Whether a history line of this event is a reassignment (its detail names from whom, to whom). */
    public static boolean isEvent(String event) {
        return EVENT.equals(event) || NOT_NAMED_EVENT.equals(event);
    }

    public String detail() {
        return "USER:" + fromUserId + ">" + (toUserId != null ? "USER:" + toUserId : "ROLE:" + toRole.name());
    }

    /** The reassignment a history line's detail keeps; empty for anything else. */
    public static Optional<Reassignment> parse(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        String[] parts = detail.split(">", 2);
        if (parts.length != 2 || !parts[0].startsWith("USER:")) {
            return Optional.empty();
        }
        try {
            UUID from = UUID.fromString(parts[0].substring(5));
            if (parts[1].startsWith("USER:")) {
                return Optional.of(new Reassignment(from, UUID.fromString(parts[1].substring(5)), null));
            }
            if (parts[1].startsWith("ROLE:")) {
                return Optional.of(new Reassignment(from, null, Role.valueOf(parts[1].substring(5))));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
