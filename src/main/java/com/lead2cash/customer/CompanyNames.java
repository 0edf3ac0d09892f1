package com.lead2cash.customer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Company-name key (公司名称归一化) for duplicate detection of leads and customers.
 *
 * <p>Two names with the same key are treated as the same company. The key ignores what varies when
 * people type the same name — full-width or half-width characters, case, spaces, punctuation and
 * brackets, the legal form — and keeps everything that tells companies apart:
 *
 * <ul>
 *   <li>the region: 上海X and 北京X are different companies, so no region prefix is removed;
 *   <li>集团 (group): 美的集团 is a different legal entity from a company called 美的, so only the legal
 *       form after it is removed;
 *   <li>分公司 and 总公司 (branch, head office): a branch is its own registration, so these are never
 *       taken for the legal form 公司.
 * </ul>
 *
 * <p>Legal forms are removed from the end, repeatedly, so "X有限公司 Co., Ltd." loses both. Latin forms
 * (co, company, limited, ltd, inc, corp, corporation, llc, gmbh) are only removed as whole words, so
 * "Zinc" keeps its "inc"; Chinese forms (股份有限公司, 有限责任公司, 有限公司, 公司) are removed as a plain
 * suffix because Chinese has no word boundaries. A legal form that is the whole name is kept, so a
 * name never normalises to the empty key of a blank name.
 */
public final class CompanyNames {

    /** Anything that is not a letter, digit or combining mark (in any script) separates words. */
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

    private static final Set<String> LATIN_LEGAL_FORMS =
            Set.of("co", "company", "limited", "ltd", "inc", "corp", "corporation", "llc", "gmbh");

    /** Longest first, so 股份有限公司 is removed whole rather than leaving 股份. */
    private static final List<String> CHINESE_LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "有限公司", "公司");

    private static final List<String> NOT_LEGAL_FORMS = List.of("分公司", "总公司");

    private CompanyNames() {
    }

    /**
     * The duplicate-detection key of a company name; {@code ""} for a missing or blank name.
     */
    public static String normalize(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
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

    private static boolean removeLatinLegalForm(List<String> words) {
        if (words.size() > 1 && LATIN_LEGAL_FORMS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
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
            if (joined.endsWith(form) && joined.length() > form.length()) {
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
}
