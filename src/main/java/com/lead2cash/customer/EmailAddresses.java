package com.lead2cash.customer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail key (邮箱归一化) for duplicate detection and contact search.
 *
 * <p>The whole address is lower-cased: strictly the part before the @ may be case-sensitive, but no
 * mail provider a customer uses treats it so, and a duplicate missed over case costs more than the
 * theoretical false match.
 */
public final class EmailAddresses {

    /**
     * One @, no whitespace, a domain of at least two non-empty labels. Deliberately loose: the only
     * real test of an address is a message that arrives.
     */
    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    /** RFC 5321 limit of a forward path. */
    private static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    /**
     * The duplicate-detection key of an e-mail address, or {@code null} for a missing or blank one:
     * full-width characters (＠, ．) made ASCII, surrounding whitespace dropped, lower case.
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a normalized address has the shape of an e-mail address. */
    public static boolean isPlausible(String normalized) {
        return normalized != null && normalized.length() <= MAX_LENGTH && PLAUSIBLE.matcher(normalized).matches();
    }
}
