package com.lead2cash.platform;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 *
 * <p>One mechanism, two key sets: leads keep the plain keys of {@link #of} (a million stored rows;
 * their format does not change), a company name searched also by pinyin takes the prefixed keys of
 * {@link #name} (docs/decisions/0010-customers.md).
 */
public final class SearchKeys {

    /** Digit runs are keyed by their substrings of this length. */
    static final int DIGIT_GRAM = 4;
    /** The shortest query the keys serve (one character gives no bigram). */
    public static final int MIN_LENGTH = 2;

    /**
     * Prefixes of the name keys: bigrams, single Chinese characters, initials bigrams and trigrams, pinyin
     * trigrams. Initials are 26 letters, so a bigram of them is in one name of a hundred and its list in the
     * index is long; a query of three initials or more asks for trigrams, whose lists are twenty times
     * shorter (a million customers: 0.2–1.9 ms for four initials instead of 1.1–12.5, docs/performance.md).
     */
    public static final String NAME = "n:";
    public static final String CHARACTER = "u:";
    public static final String INITIALS = "i:";
    public static final String INITIALS_TRIGRAM = "j:";
    public static final String PINYIN = "p:";
    private static final String DIGITS = "#";

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{1,3}-\\d{4}-\\d{4,}");
    /** Between the syllables of a run's pinyin (compiled once: an import keys thousands of names). */
    private static final Pattern SPACES = Pattern.compile("\\s+");

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
            windows("", n, 2, keys);
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
        windows("", n, 2, bigrams);
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

    /** A key in more than this share of the rows narrows little: the index would read its long list for nothing. */
    public static final double COMMON = 0.01;

    /**
     * The keys of one required set worth asking the index for, given how often the table's statistics
     * see the common ones ({@code pg_stats.most_common_elems}; a key not there is rare): the keys in at
     * most {@link #COMMON} of the rows, or, when every key is common, the two rarest. A full company name
     * then asks for its distinctive bigrams and not for 有限 or 公司, held by nearly every row. Leaving
     * keys out never loses a match — the real condition is checked on the rows found — it only spares
     * the index its longest lists.
     */
    public static List<String> selective(List<String> keys, Map<String, Double> frequencies) {
        if (keys.size() <= 1 || frequencies.isEmpty()) {
            return keys;
        }
        List<String> rare = keys.stream().filter(k -> frequencies.getOrDefault(k, 0.0) <= COMMON).toList();
        if (!rare.isEmpty()) {
            return rare;
        }
        return keys.stream().sorted(Comparator.comparingDouble(k -> frequencies.getOrDefault(k, 0.0))).limit(2).toList();
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

    /**
     * The keys of a company name searched by fragment and by pinyin (名称检索键): a fragment of two
     * Chinese characters, the pinyin initials ("hwjs" for 华为技术) and the full pinyin ("huawei") each
     * find it through one GIN index.
     *
     * @param folded   the name as {@link #normalize} folds it (stored, to check a fragment is contiguous)
     * @param tokens   {@code n:} bigrams of the folded name, {@code u:} each Chinese character,
     *                 {@code i:} bigrams and {@code j:} trigrams of the initials, {@code p:} trigrams of
     *                 the full pinyin
     * @param pinyin   the whole pinyin, to check a pinyin match is contiguous
     * @param initials the whole initials, likewise
     */
    public record Name(String folded, List<String> tokens, String pinyin, String initials) {
    }

    /**
     * The name keys of {@code name}. Pinyin comes from {@code com.github.houbb:pinyin}, run by run of
     * Chinese characters so that its word segmentation reads polyphones right (重庆 chong, 银行 hang);
     * Latin words and digits stay as they are, and count as one "initial" each (ABC科技 → abckj).
     */
    public static Name name(String name) {
        String folded = normalize(name);
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
                for (String syllable : SPACES.split(PinyinHelper.toPinyin(run, PinyinStyleEnum.NORMAL))) {
                    String letters = latinLetters(syllable);
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
        Set<String> tokens = new TreeSet<>();
        windows(NAME, folded, 2, tokens);
        folded.codePoints().filter(SearchKeys::isHan).forEach(cp -> tokens.add(CHARACTER + Character.toString(cp)));
        windows(INITIALS, initials.toString(), 2, tokens);
        windows(INITIALS_TRIGRAM, initials.toString(), 3, tokens);
        windows(PINYIN, pinyin.toString(), 3, tokens);
        return new Name(folded, List.copyOf(tokens), pinyin.toString(), initials.toString());
    }

    /**
     * The name keys a folded query needs: its bigrams, or the single Chinese character of a
     * one-character query; empty when the query cannot use the index (one Latin letter).
     */
    public static List<String> nameNeedle(String foldedQuery) {
        if (foldedQuery.codePointCount(0, foldedQuery.length()) == 1) {
            return isHan(foldedQuery.codePointAt(0)) ? List.of(CHARACTER + foldedQuery) : List.of();
        }
        return windows(NAME, foldedQuery, 2);
    }

    /** Initials keys of a Latin query: its one bigram for two letters, its trigrams for three or more. */
    public static List<String> initialsNeedle(String foldedQuery) {
        return foldedQuery.length() < 3 ? windows(INITIALS, foldedQuery, 2) : windows(INITIALS_TRIGRAM, foldedQuery, 3);
    }

    /** Full-pinyin keys of a Latin query of three letters or more. */
    public static List<String> pinyinNeedle(String foldedQuery) {
        return windows(PINYIN, foldedQuery, 3);
    }

    /**
     * Whether a needle is one key that is the whole query ({@code n:宏远} for 宏远, {@code j:hzh} for hzh):
     * then a record holds the key exactly when its text contains the query, and re-checking the text adds
     * nothing. It does cost: PostgreSQL takes the key and the text's {@code like} for independent, so it
     * estimates a fragment in 12 000 names (木齐 of 乌鲁木齐) at 58 and sorts all 12 000 for a first page,
     * where walking the newest names takes a fraction of that.
     */
    public static boolean wholeQuery(List<String> needle, String foldedQuery) {
        if (needle.size() != 1) {
            return false;
        }
        String key = needle.get(0);
        return key.substring(key.indexOf(':') + 1).equals(foldedQuery);
    }

    public static boolean containsHan(String text) {
        return text.codePoints().anyMatch(SearchKeys::isHan);
    }

    /**
     * What records and queries are compared as: NFKC, lower case, letters and digits only (character by
     * character, so fragments stay fragments).
     */
    public static String normalize(String text) {
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

    /** The letters a–z of a syllable in lower case, nothing else (tone marks and digits go). */
    private static String latinLetters(String syllable) {
        String lower = syllable.toLowerCase(Locale.ROOT);
        StringBuilder letters = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        return letters.toString();
    }

    private static List<String> windows(String prefix, String text, int width) {
        Set<String> out = new LinkedHashSet<>();
        windows(prefix, text, width, out);
        return List.copyOf(out);
    }

    private static void windows(String prefix, String text, int width, Set<String> keys) {
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i + width <= cps.length; i++) {
            keys.add(prefix + new String(cps, i, width));
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
                keys.add(DIGITS + n.substring(start, start + DIGIT_GRAM));
            }
            run = 0;
        }
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
