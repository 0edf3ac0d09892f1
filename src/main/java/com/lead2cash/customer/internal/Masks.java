package com.lead2cash.customer.internal;

/** Masked personal data (脱敏): enough to recognise a number or an address, not to use it. */
public final class Masks {

    private Masks() {
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
}
