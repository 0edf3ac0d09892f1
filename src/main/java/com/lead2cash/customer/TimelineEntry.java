package com.lead2cash.customer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a customer's timeline (客户动态): when, a key unique across all sources
 * ({@code "<kind>:<id>"}), the kind, a message-bundle key with its arguments (the contributing module's
 * own bundle), an app-relative link or null, and who did it (or null). An argument that starts with
 * {@code #} is itself a message key ("#customer.status.SIGNED"), shown in the reader's language.
 */
public record TimelineEntry(Instant at, String key, String kind, String messageKey, List<String> args, String link,
                            UUID actorId) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageKey, "messageKey");
        args = args == null ? List.of() : args.stream().map(a -> a == null ? "—" : a).toList();
    }
}
