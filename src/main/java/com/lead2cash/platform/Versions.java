package com.lead2cash.platform;

/**
 * The version a client read, checked where no save will check it: a correction that changes nothing is not saved, so
 * it keeps the record's version (docs/decisions/0030), and a record kept outside Spring Data's versioning compares it
 * by hand — a stale one is refused 409 as a save would be.
 */
public final class Versions {

    private Versions() {
    }

    /** Refuses a stale version: {@code expected} (null when none was sent) is not the one stored. */
    public static void requireCurrent(Long stored, Long expected) {
        if (expected != null && !expected.equals(stored)) {
            throw new ConflictException("error.staleVersion");
        }
    }
}
