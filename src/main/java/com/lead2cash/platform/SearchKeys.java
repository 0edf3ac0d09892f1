package com.lead2cash.platform;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Search keys (检索键): what lets a list find a record by any fragment of its names, codes and
 * numbers through an index, however large the table. A record stores its keys in a {@code text[]}
 * column with a GIN index; a query asks for the rows holding all keys of what was typed
 * ({@code search_keys @> …}) and then checks the real condition on those few rows only.
 *
 * <p>Keys are character bigrams of the texts (Chinese has no word boundaries, and pg_trgm needs three
 * characters, so 华为 would find nothing) and 4-grams of digit runs, marked with {@code #} (phone numbers
 * and code numbers: digit bigrams would match nearly every row). Texts are compared as NFKC, lower
 * case, letters and digits only — the same on both sides, so a row that contains the query also holds
 * all of its keys: the index never loses a match, it only narrows the rows to check.
 */
public final class SearchKeys {

    /** Digit runs are keyed by their substrings of this length. */
    static final int DIGIT_GRAM = 4;
    /** The shortest query the keys serve (one character gives no bigram). */
    public static final int MIN_LENGTH = 2;

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{1,3}-\\d{4}-\\d{4,}");

    private SearchKeys() {
    }

    /**
     * The keys of a record: bigrams of each text, and digit 4-grams of the digit runs of each text
     * and of each number (numbers give no bigrams: {@code 13800138000} is found by its digits).
     */
    public static List<String> of(Collection<String> texts, Collection<String> numbers) {
        Set<String> keys = new LinkedHashSet<>();
        for (String text : texts) {
            String n = normalize(text);
            bigrams(n, keys);
            digitGrams(n, keys);
        }
        for (String number : numbers) {
            digitGrams(normalize(number), keys);
        }
        return List.copyOf(keys);
    }

    /**
     * What a record must hold to match {@code query}: any one of the returned key sets, each in full
     * (its bigrams; or, for a query with four digits or more, the 4-grams of its digits). Empty when
     * the query is too short for the keys to narrow anything down.
     */
    public static List<List<String>> required(String query) {
        String n = normalize(query);
        List<List<String>> alternatives = new ArrayList<>();
        Set<String> bigrams = new LinkedHashSet<>();
        bigrams(n, bigrams);
        String digits = n.replaceAll("\\D", "");
        Set<String> digitKeys = new LinkedHashSet<>();
        digitGrams(digits, digitKeys);
        boolean onlyDigits = !n.isEmpty() && digits.length() == n.length();
        if (!digitKeys.isEmpty()) {
            alternatives.add(List.copyOf(digitKeys));
        }
        // four digits or more alone are a number: their 4-grams find it in numbers and texts alike
        if (!bigrams.isEmpty() && !(onlyDigits && !digitKeys.isEmpty())) {
            alternatives.add(List.copyOf(bigrams));
        }
        return alternatives;
    }

    /**
     * The record code a query names in full ({@code L-2026-000123}, any case and width), in its stored
     * upper-case form; null when the query is not a whole code. A whole code goes to the code's own
     * unique index.
     */
    public static String code(String query) {
        if (query == null) {
            return null;
        }
        String q = Normalizer.normalize(query, Normalizer.Form.NFKC).strip();
        return CODE.matcher(q).matches() ? q.toUpperCase(Locale.ROOT) : null;
    }

    /** NFKC, lower case, letters and digits only (character by character, so fragments stay fragments). */
    static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT);
            folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        });
        return out.toString();
    }

    private static void bigrams(String n, Set<String> keys) {
        int[] cps = n.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            keys.add(new String(cps, i, 2));
        }
    }

    private static void digitGrams(String n, Set<String> keys) {
        int run = 0;
        for (int i = 0; i <= n.length(); i++) {
            if (i < n.length() && Character.isDigit(n.charAt(i)) && n.charAt(i) < 128) {
                run++;
                continue;
            }
            for (int start = i - run; start + DIGIT_GRAM <= i; start++) {
                keys.add("#" + n.substring(start, start + DIGIT_GRAM));
            }
            run = 0;
        }
    }
}
