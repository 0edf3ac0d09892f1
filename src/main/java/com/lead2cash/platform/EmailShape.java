package com.lead2cash.platform;

import java.util.regex.Pattern;

/**
 * The one rule of what an e-mail address the product takes looks like — a user's, a contact's, a lead's, a
 * confirmation's recipient: one @, no whitespace, at most 254 characters (RFC 5321's forward path), a local part with
 * no quotes, and a domain of at least two non-empty labels named by name — no address literal ({@code [127.0.0.1]},
 * {@code [IPv6:…]}) and no bare IP address, which would send mail to a machine instead of a mailbox someone owns.
 * Deliberately loose otherwise: the only real test of an address is a message that arrives.
 */
public final class EmailShape {

    /** Label characters exclude the quote, brackets and colon of quoted local parts and address literals. */
    private static final Pattern SHAPE = Pattern.compile("[^@\\s\"]+@[^@\\s.\\[\\]:\"]+(\\.[^@\\s.\\[\\]:\"]+)+");

    /** A domain whose last label is all digits is an IP address, not a name (no top-level domain is numeric). */
    private static final Pattern NUMERIC_TOP = Pattern.compile(".*\\.[0-9]+");

    private static final int MAX_LENGTH = 254;

    private EmailShape() {
    }

    /** Whether the address (trimmed by the caller) has the shape of an e-mail address the product takes. */
    public static boolean plausible(String address) {
        return address != null && address.length() <= MAX_LENGTH && SHAPE.matcher(address).matches()
                && !NUMERIC_TOP.matcher(address).matches();
    }
}
