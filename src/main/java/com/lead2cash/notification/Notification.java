package com.lead2cash.notification;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSourceResolvable;

/**
 * A message to one person. Texts are message-bundle keys with arguments, rendered in the
 * recipient's language per channel; {@code link} is an app-relative path ("/leads/…") or null. An argument is text, or
 * a word the reader's bundle says ({@link Words}, or any {@link MessageSourceResolvable} such as
 * {@code platform.Label.of}) — a record type, a rule's name — so it reads in the reader's language too.
 *
 * @param kind a stable name for preferences and digests, e.g. "lead.assigned", "deadline.breached": a
 *             {@link NotificationKind#key()}
 * @param subjectId the id of the record the notification asks its reader to act on, or null: the notification can
 *                  then be {@linkplain Notifier#settle settled} when the reader has nothing left to do about it
 */
public record Notification(UUID recipientId, String kind, String titleKey, List<Object> args, String link,
                           Urgency urgency, UUID subjectId) {

    /** How a notification is routed: URGENT goes out on every enabled channel at once, NORMAL may wait for the digest. */
    public enum Urgency { NORMAL, URGENT }

    public Notification(UUID recipientId, String kind, String titleKey, List<Object> args, String link,
                        Urgency urgency) {
        this(recipientId, kind, titleKey, args, link, urgency, null);
    }

    public Notification {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(titleKey, "titleKey");
        args = List.copyOf(args == null ? List.of() : args.stream().map(Notification::arg).toList());
        urgency = urgency == null ? Urgency.NORMAL : urgency;
    }

    public static Notification of(UUID recipientId, NotificationKind kind, String titleKey, String link,
                                  Object... args) {
        return new Notification(recipientId, kind.key(), titleKey, java.util.Arrays.asList(args), link, Urgency.NORMAL);
    }

    /**
     * A notification of a kind named by its stored name: for the notification module's own messages and tests. Other
     * modules send a {@link NotificationKind}, so every kind sent has its label on the preferences page.
     */
    public static Notification of(UUID recipientId, String kind, String titleKey, String link, Object... args) {
        return new Notification(recipientId, kind, titleKey, List.of(args), link, Urgency.NORMAL);
    }

    private static Object arg(Object arg) {
        if (arg instanceof Words) {
            return arg;
        }
        if (arg instanceof MessageSourceResolvable word && word.getCodes() != null) {
            return new Words(List.of(word.getCodes()), word.getDefaultMessage());
        }
        return String.valueOf(arg);
    }

    /**
     * An argument said in the reader's words when the notification is read: the first of the bundle's codes it has,
     * with its own arguments (text) when it has any, else the fallback. Stored as it is, so it reads in each reader's
     * language.
     */
    public record Words(List<String> codes, List<String> args, String fallback) {

        public Words {
            codes = List.copyOf(codes);
            // stored before words had arguments: none
            args = args == null ? List.of() : List.copyOf(args);
            fallback = fallback == null ? "" : fallback;
        }

        public Words(List<String> codes, String fallback) {
            this(codes, List.of(), fallback);
        }

        public static Words of(String code, String fallback) {
            return new Words(List.of(code), fallback);
        }

        /** A sentence of the bundle with its own arguments, e.g. why a robot failed with the status it answered. */
        public static Words of(String code, String fallback, List<?> args) {
            return new Words(List.of(code), args.stream().map(String::valueOf).toList(), fallback);
        }
    }

    public Notification urgent() {
        return new Notification(recipientId, kind, titleKey, args, link, Urgency.URGENT, subjectId);
    }

    /** The same notification, about the record of this id (see {@link Notifier#settle}). */
    public Notification about(UUID subjectId) {
        return new Notification(recipientId, kind, titleKey, args, link, urgency, subjectId);
    }
}
