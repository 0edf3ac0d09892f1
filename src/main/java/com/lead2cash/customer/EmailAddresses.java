package com.lead2cash.customer;

import com.lead2cash.platform.EmailShape;
import java.text.Normalizer;
import java.util.Locale;

/**
 * E-mail key (邮箱归一化) for duplicate detection and contact search.
 *
 * <p>The whole address is lower-cased: strictly the part before the @ may be case-sensitive, but no
 * mail provider a customer uses treats it so, and a duplicate missed over case costs more than the
 * theoretical false match.
 */
public final class EmailAddresses {

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

    /** Whether a normalized address has the shape of an e-mail address: the product's one rule, {@link EmailShape}. */
    public static boolean isPlausible(String normalized) {
        return EmailShape.plausible(normalized);
    }
}
