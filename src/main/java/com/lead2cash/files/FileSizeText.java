package com.lead2cash.files;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A file's size as every screen that lists files shows it: under 1 KiB in bytes ("622 B"), above in KiB, MiB or GiB
 * with one decimal ("1.5 KiB", "12.0 MiB"), in the largest unit that keeps the figure under 1024 once rounded. The one
 * place sizes are written; templates call it as {@code T(com.lead2cash.files.FileSizeText).of(size)}.
 */
public final class FileSizeText {

    private static final BigDecimal KIB = BigDecimal.valueOf(1024);
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private FileSizeText() {
    }

    public static String of(long bytes) {
        if (bytes < 0) {
            return "—";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        BigDecimal value = BigDecimal.valueOf(bytes);
        for (int unit = 0; ; unit++) {
            value = value.divide(KIB, 10, RoundingMode.HALF_UP);
            BigDecimal shown = value.setScale(1, RoundingMode.HALF_UP);
            if (shown.compareTo(KIB) < 0 || unit == UNITS.length - 1) {
                return shown.toPlainString() + " " + UNITS[unit];
            }
        }
    }
}
