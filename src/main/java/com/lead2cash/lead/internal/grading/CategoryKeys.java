package com.lead2cash.lead.internal.grading;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Comparison key for the free-text categories that screening and routing match on (industry, region,
 * product line): an administrator types "Manufacturing" in a territory, a marketing import says
 * "manufacturing " or "ＭＡＮＵＦＡＣＴＵＲＩＮＧ", and they must still match.
 */
public final class CategoryKeys {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CategoryKeys() {
    }

    /** Full-width folded, whitespace removed, lower case; {@code ""} for a missing value. */
    public static String of(String category) {
        if (category == null) {
            return "";
        }
        String folded = Normalizer.normalize(category, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
