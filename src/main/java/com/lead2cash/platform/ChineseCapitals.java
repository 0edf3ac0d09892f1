package com.lead2cash.platform;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An amount of money in Chinese capitals (人民币大写, 壹佰贰拾万元整) as contracts, invoices and receipts
 * print it, by the rules of the accounting standard (会计基础工作规范 §52): one 零 for a run of zeros
 * inside the figure; 零 before a group under a thousand; 整 after 元 or 角, never after 分; 零 between
 * 元 and 分 when there are no 角.
 */
public final class ChineseCapitals {

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] IN_GROUP = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final BigInteger LIMIT = BigInteger.TEN.pow(16);

    private ChineseCapitals() {
    }

    /**
     * The amount in capitals. It must have at most two decimals (分) and be under 10¹⁶ (万亿); a negative
     * amount (a reduction in an amendment) starts with 负.
     */
    public static String of(BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException("no amount");
        }
        BigDecimal fen;
        try {
            fen = amount.abs().movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException moreThanTwoDecimals) {
            throw new IllegalArgumentException("an amount has at most two decimals: " + amount);
        }
        BigInteger[] yuanAndRest = fen.toBigIntegerExact().divideAndRemainder(BigInteger.valueOf(100));
        BigInteger yuan = yuanAndRest[0];
        if (yuan.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("an amount under 10^16 yuan: " + amount);
        }
        int jiao = yuanAndRest[1].intValue() / 10;
        int cent = yuanAndRest[1].intValue() % 10;
        StringBuilder words = new StringBuilder(amount.signum() < 0 ? "负" : "");
        boolean hasYuan = yuan.signum() > 0;
        if (hasYuan) {
            words.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && cent == 0) {
            return hasYuan ? words.append('整').toString() : "零元整";
        }
        if (jiao > 0) {
            words.append(DIGITS[jiao]).append('角');
        } else if (hasYuan) {
            words.append('零');
        }
        if (cent > 0) {
            words.append(DIGITS[cent]).append('分');
        } else {
            words.append('整');
        }
        return words.toString();
    }

    /** 1 000 001 → 壹佰万零壹: groups of four digits (万, 亿, 万亿), one 零 for the zeros between them. */
    private static String integer(BigInteger n) {
        int[] groups = new int[GROUPS.length];
        BigInteger rest = n;
        for (int i = 0; i < groups.length; i++) {
            BigInteger[] qr = rest.divideAndRemainder(TEN_THOUSAND);
            groups[i] = qr[1].intValue();
            rest = qr[0];
        }
        StringBuilder words = new StringBuilder();
        boolean zeroPending = false;
        for (int i = groups.length - 1; i >= 0; i--) {
            int g = groups[i];
            if (g == 0) {
                zeroPending = !words.isEmpty();
                continue;
            }
            if (!words.isEmpty() && (zeroPending || g < 1000)) {
                words.append('零');
            }
            words.append(group(g)).append(GROUPS[i]);
            zeroPending = false;
        }
        return words.toString();
    }

    /** One group of up to four digits: 1010 → 壹仟零壹拾, 10 → 壹拾. */
    private static String group(int g) {
        StringBuilder words = new StringBuilder();
        boolean zeroPending = false;
        for (int pos = 3; pos >= 0; pos--) {
            int d = (g / (int) Math.pow(10, pos)) % 10;
            if (d == 0) {
                zeroPending = !words.isEmpty();
            } else {
                if (zeroPending) {
                    words.append('零');
                }
                words.append(DIGITS[d]).append(IN_GROUP[pos]);
                zeroPending = false;
            }
        }
        return words.toString();
    }
}
