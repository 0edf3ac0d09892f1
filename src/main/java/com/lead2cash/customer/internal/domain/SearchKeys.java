package com.lead2cash.customer.internal.domain;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The search keys of a customer name (客户检索键), so that a name fragment of two Chinese characters,
 * the pinyin initials ("hwjs" for 华为技术) and the full pinyin ("huawei") each find the customer
 * through one GIN index (docs/decisions/0010-customers.md):
 *
 * <ul>
 *   <li>{@code folded}: the name in NFKC, lower case, letters and digits only (any script);
 *   <li>{@code tokens}: {@code n:} every two-character window of the folded name, {@code u:} every
 *       single Chinese character, {@code i:} every two-letter window of the initials, {@code p:} every
 *       three-letter window of the full pinyin;
 *   <li>{@code pinyin} and {@code initials}: the whole strings, to check that a match is contiguous.
 * </ul>
 *
 * Pinyin comes from {@code com.github.houbb:pinyin}, run by run of Chinese characters so that its
 * word segmentation reads polyphones right (重庆 chong, 银行 hang); Latin words and digits stay as they
 * are, and count as one "initial" each (ABC科技 → abckj).
 */
public record SearchKeys(String folded, List<String> tokens, String pinyin, String initials) {

    public static final String NAME = "n:";
    public static final String CHARACTER = "u:";
    public static final String INITIALS = "i:";
    public static final String PINYIN = "p:";

    public static SearchKeys of(String name) {
        String folded = fold(name);
        StringBuilder pinyin = new StringBuilder();
        StringBuilder initials = new StringBuilder();
        int i = 0;
        while (i < folded.length()) {
            int start = i;
            boolean han = isHan(folded.codePointAt(i));
            while (i < folded.length() && isHan(folded.codePointAt(i)) == han) {
                i += Character.charCount(folded.codePointAt(i));
            }
            String run = folded.substring(start, i);
            if (han) {
                for (String syllable : PinyinHelper.toPinyin(run, PinyinStyleEnum.NORMAL).split("\\s+")) {
                    String letters = syllable.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
                    if (!letters.isEmpty()) {
                        pinyin.append(letters);
                        initials.append(letters.charAt(0));
                    }
                }
            } else {
                pinyin.append(run);
                initials.append(run);
            }
        }
        TreeSet<String> tokens = new TreeSet<>();
        tokens.addAll(windows(NAME, folded, 2));
        folded.codePoints().filter(SearchKeys::isHan).forEach(cp -> tokens.add(CHARACTER + Character.toString(cp)));
        tokens.addAll(windows(INITIALS, initials.toString(), 2));
        tokens.addAll(windows(PINYIN, pinyin.toString(), 3));
        return new SearchKeys(folded, List.copyOf(tokens), pinyin.toString(), initials.toString());
    }

    /** What people type, folded like names: NFKC, lower case, letters and digits only. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        lower.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    public static boolean containsHan(String text) {
        return text.codePoints().anyMatch(SearchKeys::isHan);
    }

    /**
     * The name tokens a folded query needs: its two-character windows, or the single Chinese character
     * of a one-character query; empty when the query cannot use the index (one Latin letter).
     */
    public static List<String> nameNeedle(String foldedQuery) {
        if (foldedQuery.codePointCount(0, foldedQuery.length()) == 1) {
            return isHan(foldedQuery.codePointAt(0)) ? List.of(CHARACTER + foldedQuery) : List.of();
        }
        return windows(NAME, foldedQuery, 2);
    }

    /** Initials tokens of a Latin query of two letters or more. */
    public static List<String> initialsNeedle(String foldedQuery) {
        return windows(INITIALS, foldedQuery, 2);
    }

    /** Full-pinyin tokens of a Latin query of three letters or more. */
    public static List<String> pinyinNeedle(String foldedQuery) {
        return windows(PINYIN, foldedQuery, 3);
    }

    private static List<String> windows(String prefix, String text, int width) {
        int[] cps = text.codePoints().toArray();
        List<String> out = new ArrayList<>();
        for (int i = 0; i + width <= cps.length; i++) {
            String w = new String(cps, i, width);
            if (!out.contains(prefix + w)) {
                out.add(prefix + w);
            }
        }
        return out;
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
