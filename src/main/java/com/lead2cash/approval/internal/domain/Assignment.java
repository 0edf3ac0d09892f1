package com.lead2cash.approval.internal.domain;

import com.lead2cash.platform.Role;

/**
 * A resolved approver: a person, or a role pool any holder of which may act. {@code fallbackReason}
 * is a message key saying why the task fell to the fallback pool, or null.
 */
public record Assignment(java.util.UUID userId, Role role, String fallbackReason) {

    public Assignment {
        if ((userId == null) == (role == null)) {
            throw new IllegalArgumentException("an assignment is a person or a role pool");
        }
    }

    public static Assignment person(java.util.UUID userId) {
        return new Assignment(userId, null, null);
    }

    public static Assignment pool(Role role) {
        return new Assignment(null, role, null);
    }
}
