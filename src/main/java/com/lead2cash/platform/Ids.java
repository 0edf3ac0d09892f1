package com.lead2cash.platform;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.UUID;

/** Identity for records: time-ordered UUIDs (v7), so inserts stay index-friendly and ids sort by creation. */
public final class Ids {

    private Ids() {
    }

    public static UUID newId() {
        return UuidCreator.getTimeOrderedEpoch();
    }
}
