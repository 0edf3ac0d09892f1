package com.lead2cash.platform;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A correction that changes nothing is not saved, so it keeps the record's version (docs/decisions/0030); the
 * version the client read is still checked, as a save would have (409 when stale).
 */
public final class Versions {

    private Versions() {
    }

    /** Refuses a stale version: {@code expected} (null when none was sent) is not the one stored. */
    public static void requireCurrent(Long stored, Long expected) {
        if (expected != null && !expected.equals(stored)) {
            throw new OptimisticLockingFailureException("stale version " + expected + ", stored " + stored);
        }
    }
}
