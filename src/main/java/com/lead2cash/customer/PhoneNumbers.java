package com.lead2cash.customer;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Phone-number key (电话号码归一化) for duplicate detection and contact search.
 *
 * <p>The key is what is left of a number once its formatting is gone, so that "138 0013 8000",
 * "+86 138-0013-8000" and "008613800138000" are found as one contact:
 *
 * <ul>
 *   <li>Chinese mobile numbers (11 digits, 1[3-9]…) lose the country code, written +86, 0086 or 86;
 *   <li>Chinese landlines keep their area code with its trunk 0 ("010-8888 6666" → "01088886666");
 *       written internationally (+86 10 8888 6666) they get the trunk 0 back;
 *   <li>other international numbers are kept as "+" and digits, with the 00 access code written as
 *       "+", so both ways of writing one number share a key.
 * </ul>
 *
 * <p>Only formatting is removed — spaces, dashes and parentheses in any width. Anything else (letters,
 * "ext.") stays and makes the number implausible rather than silently becoming a different number.
 */
public final class PhoneNumbers {

    private static final Pattern FORMATTING = Pattern.compile("[\\s\\p{Pd}()]+");

    private static final Pattern CHINESE_MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /** 0 trunk prefix, an area code that does not start with 0, 10 to 12 digits in all. */
    private static final Pattern CHINESE_LANDLINE = Pattern.compile("0[1-9]\\d{8,10}");

    /** E.164: at most 15 digits after the "+"; shorter than 7 is no real subscriber number. */
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{6,14}");

    private PhoneNumbers() {
    }

    /**
     * The duplicate-detection key of a phone number, or {@code null} for a missing or blank number.
     * The key is not checked; see {@link #isPlausible(String)}.
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        // NFKC turns full-width digits, ＋ and （） into ASCII, as typed on a Chinese keyboard
        String compact = FORMATTING.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (compact.startsWith("+86")) {
            return domestic(compact.substring(3));
        }
        // without + or 00, a leading 86 is only a country code when a mobile number follows: 86123456
        // could be a local landline number
        if (compact.startsWith("86") && CHINESE_MOBILE.matcher(compact.substring(2)).matches()) {
            return compact.substring(2);
        }
        return compact;
    }

    /**
     * Whether a normalized number looks like one that can be dialled: a Chinese mobile number, a
     * Chinese landline with its area code, or an international number of 7 to 15 digits after "+".
     */
    public static boolean isPlausible(String normalized) {
        return normalized != null
                && (CHINESE_MOBILE.matcher(normalized).matches()
                        || CHINESE_LANDLINE.matcher(normalized).matches()
                        || INTERNATIONAL.matcher(normalized).matches());
    }

    private static String domestic(String national) {
        if (CHINESE_MOBILE.matcher(national).matches() || national.startsWith("0")) {
            return national;
        }
        return "0" + national;
    }
}
