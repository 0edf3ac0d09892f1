package com.lead2cash.platform;

/**
 * Personal data (个人信息) as a reader who may not use it sees it (脱敏, SPEC §1): enough to recognise a phone number
 * or an e-mail address, not to call or write to it. Who may see it unmasked is {@link DataScope#personalData}.
 */
public final class PersonalData {

    /** What every mask puts in place of the part it hides (a phone's and a WeChat id's {@code ****} included). */
    public static final String HIDDEN_PART = "***";

    private PersonalData() {
    }

    public static String mask(String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        int at = value.indexOf('@');
        if (at > 0) {
            return value.charAt(0) + "***" + value.substring(at);
        }
        return value.length() <= 7 ? "****" : value.substring(0, 3) + "****" + value.substring(value.length() - 4);
    }

    /**
     * The value masked as its field's kind asks: a phone or an e-mail address as {@link #mask(String)}; an account id
     * (a WeChat id) by its length, as it has no fixed shape to recognise: at most a quarter of its characters stay,
     * split between its start and its end (an 8-character id shows its first and last only), none of one shorter than
     * 4 — a phone's 3 + 4 would leave most of a short id readable.
     */
    public static String mask(ProtectedField field, String value) {
        if (field != ProtectedField.CONTACT_WECHAT || value == null || value.isBlank()) {
            return mask(value);
        }
        // counted in characters, not UTF-16 units: an emoji is kept or masked whole, never cut in half
        int[] characters = value.codePoints().toArray();
        int kept = characters.length / 4;
        int head = (kept + 1) / 2;
        int tail = kept / 2;
        return new String(characters, 0, head) + "****" + new String(characters, characters.length - tail, tail);
    }

    /** The value as the reader sees it: whole when {@code visible}, masked otherwise. */
    public static String shown(String value, boolean visible) {
        return visible ? value : mask(value);
    }
}
