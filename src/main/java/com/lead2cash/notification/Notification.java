package com.lead2cash.notification;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A message to one person. Texts are message-bundle keys with arguments, rendered in the
 * recipient's language per channel; {@code link} is an app-relative path ("/leads/…") or null.
 *
 * @param kind a stable name for preferences and digests, e.g. "lead.assigned", "deadline.breached"
 */
public record Notification(UUID recipientId, String kind, String titleKey, List<Object> args, String link,
                           Urgency urgency) {

    /** How a notification is routed: URGENT goes out on every enabled channel at once, NORMAL may wait for the digest. */
    public enum Urgency { NORMAL, URGENT }

    public Notification {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(titleKey, "titleKey");
        args = List.copyOf(args == null ? List.of() : args.stream().map(String::valueOf).toList());
        urgency = urgency == null ? Urgency.NORMAL : urgency;
    }

    public static Notification of(UUID recipientId, String kind, String titleKey, String link, Object... args) {
        return new Notification(recipientId, kind, titleKey, List.of(args), link, Urgency.NORMAL);
    }

    public Notification urgent() {
        return new Notification(recipientId, kind, titleKey, args, link, Urgency.URGENT);
    }
}
