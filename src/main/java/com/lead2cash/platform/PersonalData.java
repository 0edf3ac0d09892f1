package com.lead2cash.platform;

/**
 * Personal data (个人信息) as a reader who may not use it sees it (脱敏, SPEC §1): enough to recognise a phone number
 * or an e-mail address, not to call or write to it. Who may see it unmasked is {@link DataScope#personalData}.
 */
public final class PersonalData {

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

    /** The value as the reader sees it: whole when {@code visible}, masked otherwise. */
    public static String shown(String value, boolean visible) {
        return visible ? value : mask(value);
    }
}
