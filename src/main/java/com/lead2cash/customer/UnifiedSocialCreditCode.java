package com.lead2cash.customer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Unified social credit code (统一社会信用代码) of a company or other organisation, GB 32100-2015.
 *
 * <p>It is the strongest company identity the customer module has: duplicate detection of leads and
 * customers treats two records with the same code as the same company, so a code is only
 * accepted when every part of it checks out:
 *
 * <ol>
 *   <li>18 characters from the standard's 31-character set (digits and upper-case letters without
 *       I, O, Z, S, V);
 *   <li>position 1, the registration-authority code (登记管理部门代码), and position 2, the
 *       organisation-type code (机构类别代码), form a pair listed in the standard;
 *   <li>positions 3–8, the registering authority's administrative-division code (行政区划码), are
 *       digits;
 *   <li>positions 9–17, the organisation code (主体标识码/组织机构代码), carry their own GB 11714 check
 *       character at position 17;
 *   <li>position 18 is the GB 32100 check character over positions 1–17.
 * </ol>
 *
 * <p>The canonical constructor only accepts the canonical form; {@link #parse(String)} accepts what
 * people type or paste (spaces around, lower case, full-width characters).
 */
public record UnifiedSocialCreditCode(String value) {

    /** GB 32100 character set; a character's index is its numeric value in the check-digit sum. */
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int MODULUS = CHARSET.length();

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private static final int LENGTH = 18;

    /**
     * Registration authorities and the organisation types each may issue: GB 32100-2015 appendix A
     * as extended by later national announcements (外交, 司法行政, 文化, 旅游, 宗教, 工会, 中央军委改革和编制办公室,
     * 农业). A pair outside this table is a typo, not an unknown organisation kind.
     */
    private static final Map<Character, String> ORGANISATION_TYPES_BY_AUTHORITY = Map.ofEntries(
            Map.entry('1', "1239"), // 机构编制: 机关, 事业单位, 中央编办直管群众团体, 其他
            Map.entry('2', "19"), // 外交: 外国常驻新闻机构, 其他
            Map.entry('3', "123459"), // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
            Map.entry('4', "19"), // 文化: 外国在华文化中心, 其他
            Map.entry('5', "1239"), // 民政: 社会团体, 民办非企业单位, 基金会, 其他
            Map.entry('6', "129"), // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻代表机构, 其他
            Map.entry('7', "129"), // 宗教: 宗教活动场所, 宗教院校, 其他
            Map.entry('8', "19"), // 工会: 基层工会, 其他
            Map.entry('9', "123"), // 工商: 企业, 个体工商户, 农民专业合作社
            Map.entry('A', "19"), // 中央军委改革和编制办公室: 军队事业单位, 其他
            Map.entry('N', "1239"), // 农业: 组级/村级/乡镇级集体经济组织, 其他
            Map.entry('Y', "1")); // 其他

    public UnifiedSocialCreditCode {
        validate(value);
    }

    /**
     * Reads a code as entered by a person or an import file: NFKC turns full-width characters into
     * their half-width forms (people paste codes from Chinese documents), surrounding whitespace is
     * dropped and letters are upper-cased.
     *
     * @throws InvalidUnifiedSocialCreditCodeException if the result is not a valid code
     */
    public static UnifiedSocialCreditCode parse(String raw) {
        if (raw == null) {
            throw blank();
        }
        String canonical = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        return new UnifiedSocialCreditCode(canonical);
    }

    /**
     * The GB 32100 check character (position 18) for the first 17 characters of a code.
     *
     * @throws InvalidUnifiedSocialCreditCodeException if {@code first17} is not 17 characters of the
     *     code's character set
     */
    public static String checkDigitFor(String first17) {
        requireLength(first17, LENGTH - 1);
        requireCharset(first17);
        int sum = 0;
        for (int i = 0; i < first17.length(); i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return String.valueOf(CHARSET.charAt((MODULUS - sum % MODULUS) % MODULUS));
    }

    /**
     * The GB 11714 check character of the organisation code (position 17) for its first eight
     * characters (positions 9–16); demo data and tests need it to build valid codes.
     *
     * @throws InvalidUnifiedSocialCreditCodeException if {@code body} is not 8 characters of the
     *     code's character set
     */
    public static String organisationCodeCheckDigitFor(String body) {
        requireLength(body, ORGANISATION_CODE_WEIGHTS.length);
        requireCharset(body);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            // GB 11714 values letters A=10 … Z=35 over the full alphabet, i.e. base-36 digit values.
            sum += Character.digit(body.charAt(i), 36) * ORGANISATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return switch (check) {
            case 10 -> "X";
            case 11 -> "0";
            default -> String.valueOf(check);
        };
    }

    @Override
    public String toString() {
        return value;
    }

    private static void validate(String value) {
        if (value == null || value.isBlank()) {
            throw blank();
        }
        requireLength(value, LENGTH);
        requireCharset(value);

        char authority = value.charAt(0);
        char type = value.charAt(1);
        String types = ORGANISATION_TYPES_BY_AUTHORITY.get(authority);
        if (types == null) {
            throw new InvalidUnifiedSocialCreditCodeException("uscc.invalid.registrationAuthority",
                    "Unknown registration authority code '" + authority + "' at position 1", String.valueOf(authority));
        }
        if (types.indexOf(type) < 0) {
            throw new InvalidUnifiedSocialCreditCodeException("uscc.invalid.organisationType",
                    "Organisation type '" + type + "' at position 2 does not exist for registration authority '"
                            + authority + "'",
                    String.valueOf(authority), String.valueOf(type));
        }

        String region = value.substring(2, 8);
        if (!region.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidUnifiedSocialCreditCodeException("uscc.invalid.regionCode",
                    "Positions 3-8 must be the six-digit administrative division code, got '" + region + "'", region);
        }

        String organisationCode = value.substring(8, 17);
        if (!organisationCodeCheckDigitFor(organisationCode.substring(0, 8))
                .equals(organisationCode.substring(8))) {
            throw new InvalidUnifiedSocialCreditCodeException("uscc.invalid.organisationCode",
                    "The organisation code '" + organisationCode + "' (positions 9-17) fails its GB 11714 check",
                    organisationCode);
        }

        if (!checkDigitFor(value.substring(0, 17)).equals(value.substring(17))) {
            throw new InvalidUnifiedSocialCreditCodeException("uscc.invalid.checkDigit",
                    "The check character at position 18 does not match the rest of the code", value);
        }
    }

    private static void requireLength(String value, int expected) {
        if (value == null || value.length() != expected) {
            int actual = value == null ? 0 : value.length();
            throw new InvalidUnifiedSocialCreditCodeException("uscc.invalid.length",
                    "Expected " + expected + " characters, got " + actual, expected, actual);
        }
    }

    private static void requireCharset(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                throw new InvalidUnifiedSocialCreditCodeException("uscc.invalid.character",
                        "Character '" + c + "' at position " + (i + 1)
                                + " is not allowed (digits and upper-case letters except I, O, S, V, Z)",
                        i + 1, String.valueOf(c));
            }
        }
    }

    private static InvalidUnifiedSocialCreditCodeException blank() {
        return new InvalidUnifiedSocialCreditCodeException("uscc.invalid.blank",
                "A unified social credit code is required");
    }
}
