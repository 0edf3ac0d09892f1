package com.lead2cash.platform;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A code said in the reader's words: the bundle's {@code prefix.CODE} — a status, an action, a stage — as an argument
 * of a refusal or a list entry, resolved where the message is rendered (so a refusal names "Created", not CREATED).
 * Serializable, so a refusal may travel in a flash.
 */
public final class Label {

    private Label() {
    }

    /** {@code Label.of("order.status", OrderStatus.CREATED)}: the bundle's {@code order.status.CREATED}. */
    public static DefaultMessageSourceResolvable of(String prefix, Enum<?> code) {
        return of(prefix, code.name());
    }

    /** The same for a code read as text (a status column). */
    public static DefaultMessageSourceResolvable of(String prefix, String code) {
        return new DefaultMessageSourceResolvable(prefix + "." + code);
    }
}
