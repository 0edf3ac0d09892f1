package com.lead2cash.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Document numbers ("HT-2026-000004") in tests of numbering without gaps. */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    /** The number a series hands out after {@code number}: the same prefix and year, one more. */
    public static String following(String number) {
        assertThat(number).matches("[A-Z]+-\\d{4}-\\d{6,}");
        int dash = number.lastIndexOf('-');
        return number.substring(0, dash + 1) + "%06d".formatted(Long.parseLong(number.substring(dash + 1)) + 1);
    }
}
