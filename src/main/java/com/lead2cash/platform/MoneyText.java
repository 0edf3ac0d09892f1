package com.lead2cash.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An amount as the screens show it — thousands separated by commas, two decimals ("148,770.00") — for text built
 * outside a template (notification texts, approval titles and facts, flash messages, the arguments of a refusal's
 * message, timeline entries), which would otherwise carry the bare number. Form values and API numbers stay plain.
 */
public final class MoneyText {

    private MoneyText() {
    }

    public static String of(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        // DecimalFormat is not thread-safe: one per call
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
