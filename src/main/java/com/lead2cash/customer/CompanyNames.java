package com.lead2cash.customer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Company-name key (公司名称归一化) for duplicate detection of leads and customers.
 *
 * <p>Two names with the same key are treated as the same company. The key ignores what varies when
 * people type the same name — full-width or half-width characters, case, spaces, punctuation and
 * brackets, traditional or simplified characters, the legal form — and keeps everything that tells
 * companies apart:
 *
 * <ul>
 *   <li>the region: 上海X and 北京X are different companies, so no region prefix is removed;
 *   <li>the brand and the trade: 北京华信科技 and 北京华信软件 stay two keys;
 *   <li>集团 (group): 美的集团 is a different legal entity from a company called 美的, so only the legal
 *       form after it is removed (美的集团有限公司, 美的（集团）股份有限公司 and 美的集团公司 share a key);
 *   <li>分公司 and 总公司 (branch, head office): a branch is its own registration, so these are never
 *       taken for the legal form 公司.
 * </ul>
 *
 * <p>Legal forms are removed from the end, repeatedly, so "X有限公司 Co., Ltd." loses both. Latin forms
 * (co, company, limited, ltd, inc, corp, corporation, llc, gmbh) are only removed as whole words, so
 * "Zinc" keeps its "inc"; Chinese forms (股份有限公司, 有限责任公司, 有限公司, 股份公司, the partnerships'
 * 有限合伙 and 普通合伙, 公司) are removed as a plain suffix because Chinese has no word boundaries. A name
 * that is only a legal form keeps it whole (有限公司 stays 有限公司), so it never normalises to the empty key
 * of a blank name nor to a fragment of a form.
 *
 * <p>Traditional characters are read as simplified with OpenCC's character table (resource
 * {@code opencc/TSCharacters.txt}, Apache-2.0, licence beside it); a character that is also in use as a
 * simplified one (乾, 於, 著 …) is kept, so 乾元 never becomes 干元.
 *
 * <p>Keys are stored (leads and customers are looked up by them): a change of this rule raises
 * {@link #RULE_VERSION}, and each module's name-key backfill rewrites the stored keys of that version.
 */
public final class CompanyNames {

    /** The version of this rule; stored keys computed by an older one are rewritten by the backfills. */
    public static final int RULE_VERSION = 2;

    /** Anything that is not a letter, digit or combining mark (in any script) separates words. */
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

    private static final Set<String> LATIN_LEGAL_FORMS =
            Set.of("co", "company", "limited", "ltd", "inc", "corp", "corporation", "llc", "gmbh");

    /** Longest first, so 股份有限公司 is removed whole rather than leaving 股份. */
    private static final List<String> CHINESE_LEGAL_FORMS = List.of("股份有限责任公司", "股份有限公司", "有限责任公司",
            "特殊普通合伙", "有限公司", "股份公司", "有限合伙", "普通合伙", "公司");

    private static final List<String> NOT_LEGAL_FORMS = List.of("分公司", "总公司");

    private static final Map<Integer, String> SIMPLIFIED = simplifiedCharacters();

    private CompanyNames() {
    }

    /**
     * The duplicate-detection key of a company name; {@code ""} for a missing or blank name.
     */
    public static String normalize(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String folded = simplified(Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        List<String> words = new ArrayList<>();
        for (String word : SEPARATORS.split(folded)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        boolean removed;
        do {
            removed = removeLatinLegalForm(words) || removeChineseLegalForm(words);
        } while (removed);
        return String.join("", words);
    }

    private static String simplified(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String s = SIMPLIFIED.get(cp);
            if (s == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(s);
            }
        });
        return out.toString();
    }

    private static boolean removeLatinLegalForm(List<String> words) {
        int last = words.size() - 1;
        // a name of legal forms only (Co., Ltd.) keeps them
        if (last > 0 && LATIN_LEGAL_FORMS.contains(words.get(last))
                && !words.stream().allMatch(LATIN_LEGAL_FORMS::contains)) {
            words.remove(last);
            return true;
        }
        return false;
    }

    private static boolean removeChineseLegalForm(List<String> words) {
        // matched across word boundaries: "有限 公司" and "（有限公司）" are the same legal form
        String joined = String.join("", words);
        if (NOT_LEGAL_FORMS.stream().anyMatch(joined::endsWith)) {
            return false;
        }
        for (String form : CHINESE_LEGAL_FORMS) {
            if (joined.endsWith(form)) {
                // the longest form that ends the name decides: 有限公司 alone is not 有限 + 公司
                if (joined.length() == form.length()) {
                    return false;
                }
                removeLastChars(words, form.length());
                return true;
            }
        }
        return false;
    }

    private static void removeLastChars(List<String> words, int count) {
        int remaining = count;
        while (remaining > 0) {
            int last = words.size() - 1;
            String word = words.get(last);
            if (word.length() <= remaining) {
                words.remove(last);
                remaining -= word.length();
            } else {
                words.set(last, word.substring(0, word.length() - remaining));
                remaining = 0;
            }
        }
    }

    /**
     * OpenCC's traditional-to-simplified characters (one per line: the traditional character, a tab, its
     * simplified candidates separated by spaces, the usual one first), without the characters that are
     * themselves among their candidates — those are also simplified characters of their own meaning.
     */
    private static Map<Integer, String> simplifiedCharacters() {
        Map<Integer, String> map = new HashMap<>(8192);
        try (InputStream in = CompanyNames.class.getResourceAsStream("/opencc/TSCharacters.txt")) {
            if (in == null) {
                throw new IllegalStateException("opencc/TSCharacters.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab < 0) {
                    continue;
                }
                String traditional = line.substring(0, tab);
                List<String> candidates = List.of(line.substring(tab + 1).strip().split(" "));
                if (traditional.codePointCount(0, traditional.length()) == 1 && !candidates.contains(traditional)
                        && !candidates.get(0).isEmpty()) {
                    map.put(traditional.codePointAt(0), candidates.get(0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a candidate that is itself listed as traditional is followed to its end, so a key normalises once
        map.replaceAll((cp, s) -> followed(map, s));
        return Map.copyOf(map);
    }

    private static String followed(Map<Integer, String> map, String s) {
        String current = s;
        for (int i = 0; i < 4; i++) {
            String next = current.codePointCount(0, current.length()) == 1 ? map.get(current.codePointAt(0)) : null;
            if (next == null || next.equals(current)) {
                return current;
            }
            current = next;
        }
        return current;
    }
}
