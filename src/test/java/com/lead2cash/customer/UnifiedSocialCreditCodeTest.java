package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

class UnifiedSocialCreditCodeTest {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Authority + organisation type pairs of GB 32100 that the generator draws from. */
    private static final List<String> AUTHORITY_AND_TYPE = List.of(
            "11", "12", "13", "19", "21", "29", "31", "35", "39", "41", "51", "52", "53", "59", "61", "62",
            "71", "72", "81", "89", "91", "92", "93", "A1", "A9", "N1", "N3", "Y1");

    /**
     * Published codes of real organisations; each passes both the GB 11714 and the GB 32100 check, which
     * a mistyped code does with a chance of about 1 in 340.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "91350100M000100Y43", // the example code used in explanations of GB 32100 (Fuzhou)
        "12440600MB2C07549J", // a public institution (事业单位) in Foshan
        "914403001922038216", // 华为技术有限公司
        "91440300708461136T", // 深圳市腾讯计算机系统有限公司
        "91330100716105852F", // 阿里巴巴（中国）有限公司
        "91110108551385082Q", // 小米科技有限责任公司
        "91110000802100433B", // 百度在线网络技术（北京）有限公司
    })
    void realCodesAreAccepted(String code) {
        assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
    }

    @Test
    void checkDigitForReproducesTheCheckCharacterOfRealCodes() {
        assertThat(UnifiedSocialCreditCode.checkDigitFor("91350100M000100Y4")).isEqualTo("3");
        assertThat(UnifiedSocialCreditCode.checkDigitFor("91440300708461136")).isEqualTo("T");
        assertThat(UnifiedSocialCreditCode.checkDigitFor("12440600MB2C07549")).isEqualTo("J");
    }

    @Test
    void organisationCodeCheckDigitReproducesTheCheckCharacterOfRealCodes() {
        assertThat(UnifiedSocialCreditCode.organisationCodeCheckDigitFor("M000100Y")).isEqualTo("4");
        assertThat(UnifiedSocialCreditCode.organisationCodeCheckDigitFor("MB2C0754")).isEqualTo("9");
        assertThat(UnifiedSocialCreditCode.organisationCodeCheckDigitFor("70846113")).isEqualTo("6");
    }

    @Test
    void organisationCodeCheckValueTenIsWrittenAsX() {
        // weighted sum 6·2 = 12 ≡ 1 (mod 11), check value 11 - 1 = 10
        assertThat(UnifiedSocialCreditCode.organisationCodeCheckDigitFor("00000006")).isEqualTo("X");

        String first17 = "91310115" + "00000006" + "X";
        String code = first17 + UnifiedSocialCreditCode.checkDigitFor(first17);
        assertThat(new UnifiedSocialCreditCode(code).value()).isEqualTo(code);
    }

    @Test
    void organisationCodeCheckValueElevenIsWrittenAsZero() {
        // weighted sum 0 ≡ 0 (mod 11), check value 11 - 0 = 11
        assertThat(UnifiedSocialCreditCode.organisationCodeCheckDigitFor("00000000")).isEqualTo("0");
    }

    @Test
    void codesBuiltWithTheCheckDigitHelpersAreValid() {
        String body = "MA1FL8T2";
        String first17 = "91310115" + body + UnifiedSocialCreditCode.organisationCodeCheckDigitFor(body);
        String code = first17 + UnifiedSocialCreditCode.checkDigitFor(first17);

        assertThat(new UnifiedSocialCreditCode(code).value()).isEqualTo(code);
    }

    @Test
    void parseTrimsUppercasesAndConvertsFullWidthCharacters() {
        assertThat(UnifiedSocialCreditCode.parse("  91350100m000100y43\t").value()).isEqualTo("91350100M000100Y43");
        assertThat(UnifiedSocialCreditCode.parse("\u3000９１３５０１００Ｍ０００１００Ｙ４３\u3000").value())
                .isEqualTo("91350100M000100Y43");
        assertThat(UnifiedSocialCreditCode.parse("９１３５０１００ｍ０００１００ｙ４３").value())
                .isEqualTo("91350100M000100Y43");
    }

    @Test
    void theRecordOnlyAcceptsTheCanonicalForm() {
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("91350100m000100y43"))
                .isInstanceOf(InvalidUnifiedSocialCreditCodeException.class)
                .extracting("messageKey").isEqualTo("uscc.invalid.character");
    }

    @Test
    void equalCodesAreEqualValues() {
        assertThat(UnifiedSocialCreditCode.parse("91350100m000100y43"))
                .isEqualTo(new UnifiedSocialCreditCode("91350100M000100Y43"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
        "''                   | uscc.invalid.blank",
        "'   '                | uscc.invalid.blank",
        "91350100M000100Y4    | uscc.invalid.length",
        "91350100M000100Y433  | uscc.invalid.length",
        "91350100I000100Y43   | uscc.invalid.character", // I is excluded: looks like 1
        "91350100O000100Y43   | uscc.invalid.character", // O is excluded: looks like 0
        "91350100M000100S43   | uscc.invalid.character",
        "91350100M000100V43   | uscc.invalid.character",
        "91350100M000100Z43   | uscc.invalid.character",
        "91350100M-00100Y43   | uscc.invalid.character",
        "B1350100M000100Y43   | uscc.invalid.registrationAuthority",
        "94350100M000100Y43   | uscc.invalid.organisationType", // 工商 issues types 1, 2, 3 only
        "Y2350100M000100Y43   | uscc.invalid.organisationType", // 其他 issues type 1 only
        "913501A0M000100Y43   | uscc.invalid.regionCode",
        "91350100M000100Y53   | uscc.invalid.organisationCode",
        "91350100M000100Y44   | uscc.invalid.checkDigit",
    })
    void invalidInputIsRejectedWithTheKeyOfItsFirstProblem(String raw, String expectedKey) {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(raw))
                .isInstanceOf(InvalidUnifiedSocialCreditCodeException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .extracting("messageKey").isEqualTo(expectedKey);
    }

    @Test
    void nullIsRejectedAsBlank() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(null))
                .isInstanceOf(InvalidUnifiedSocialCreditCodeException.class)
                .extracting("messageKey").isEqualTo("uscc.invalid.blank");
        assertThatThrownBy(() -> new UnifiedSocialCreditCode(null))
                .isInstanceOf(InvalidUnifiedSocialCreditCodeException.class)
                .extracting("messageKey").isEqualTo("uscc.invalid.blank");
    }

    @Test
    void characterErrorNamesThePositionAndTheCharacter() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100M000100I43"))
                .isInstanceOfSatisfying(InvalidUnifiedSocialCreditCodeException.class, e -> {
                    assertThat(e.args()).containsExactly(16, "I");
                    assertThat(e.getMessage()).contains("position 16").contains("'I'");
                });
    }

    @Test
    void lengthErrorNamesExpectedAndActualLength() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100M000100Y4"))
                .isInstanceOfSatisfying(InvalidUnifiedSocialCreditCodeException.class,
                        e -> assertThat(e.args()).containsExactly(18, 17));
    }

    @Test
    void checkDigitForRejectsInputThatIsNotSeventeenCodeCharacters() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkDigitFor("91350100M000100Y"))
                .isInstanceOf(InvalidUnifiedSocialCreditCodeException.class)
                .extracting("messageKey").isEqualTo("uscc.invalid.length");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkDigitFor("91350100M000100O4"))
                .isInstanceOf(InvalidUnifiedSocialCreditCodeException.class)
                .extracting("messageKey").isEqualTo("uscc.invalid.character");
    }

    @Test
    void generatedCodesAreValid() {
        qt().withFixedSeed(32100L).forAll(validCodes()).checkAssert(code ->
                assertThat(new UnifiedSocialCreditCode(code).value()).isEqualTo(code));
    }

    @Test
    void changingAnySingleCharacterOfAValidCodeMakesItInvalid() {
        qt().withFixedSeed(11714L)
                .forAll(validCodes(), integers().between(0, 17), integers().between(1, CHARSET.length() - 1))
                .checkAssert((code, position, shift) -> {
                    // shifting within the character set always yields a different, otherwise legal character
                    char original = code.charAt(position);
                    char replacement = CHARSET.charAt((CHARSET.indexOf(original) + shift) % CHARSET.length());
                    String changed = code.substring(0, position) + replacement + code.substring(position + 1);

                    assertThatThrownBy(() -> new UnifiedSocialCreditCode(changed))
                            .isInstanceOf(InvalidUnifiedSocialCreditCodeException.class);
                    // the weights are invertible modulo 31, so the check character alone catches every
                    // single substitution, whatever the other checks say
                    assertThat(UnifiedSocialCreditCode.checkDigitFor(changed.substring(0, 17)))
                            .isNotEqualTo(changed.substring(17));
                });
    }

    private static Gen<String> validCodes() {
        Gen<String> region = integers().between(110000, 659999).map(i -> Integer.toString(i));
        Gen<String> body = integers().between(0, CHARSET.length() - 1).map(i -> String.valueOf(CHARSET.charAt(i)))
                .zip(integers().between(0, Integer.MAX_VALUE), (first, seed) -> first + bodyTail(seed));
        return arbitrary().pick(AUTHORITY_AND_TYPE).zip(region, body, (prefix, regionCode, organisationBody) -> {
            String first17 = prefix + regionCode + organisationBody
                    + UnifiedSocialCreditCode.organisationCodeCheckDigitFor(organisationBody);
            return first17 + UnifiedSocialCreditCode.checkDigitFor(first17);
        });
    }

    /** Seven code characters derived from a random int, base 31. */
    private static String bodyTail(int seed) {
        StringBuilder tail = new StringBuilder();
        long remaining = seed;
        for (int i = 0; i < 7; i++) {
            tail.append(CHARSET.charAt((int) (remaining % CHARSET.length())));
            remaining /= CHARSET.length();
        }
        return tail.toString();
    }
}
