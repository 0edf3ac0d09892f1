package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SearchKeysTest {

    @Test
    void chineseTextIsKeyedByCharacterBigramsSoTwoCharactersAreEnough() {
        List<String> keys = SearchKeys.of(List.of("杭州华为科技有限公司"), List.of());
        assertThat(keys).contains("杭州", "华为", "科技", "公司");
        assertThat(SearchKeys.required("华为")).containsExactly(List.of("华为"));
        assertThat(keys).containsAll(SearchKeys.required("华为科技").get(0));
    }

    @Test
    void numbersAreKeyedByDigitFourGramsAndNotByBigrams() {
        List<String> keys = SearchKeys.of(List.of("王经理"), List.of("13800138000"));
        assertThat(keys).contains("#1380", "#0138", "#8000").doesNotContain("13", "38");
        assertThat(SearchKeys.required("138-0013")).containsExactly(List.of("#1380", "#3800", "#8001", "#0013"));
        assertThat(keys).containsAll(SearchKeys.required("0013 8000").get(0));
    }

    @Test
    void widthCaseAndPunctuationDoNotMatter() {
        assertThat(SearchKeys.of(List.of("ＡＢＣ（中国）"), List.of())).contains("ab", "bc", "c中", "中国");
        assertThat(SearchKeys.required("Ab")).containsExactly(List.of("ab"));
    }

    @Test
    void aQueryWithTextAndFourDigitsMayMatchEitherTheNumberOrTheText() {
        assertThat(SearchKeys.required("华为1234")).containsExactly(List.of("#1234"),
                List.of("华为", "为1", "12", "23", "34"));
    }

    @Test
    void oneCharacterGivesNothingToLookUp() {
        assertThat(SearchKeys.required("华")).isEmpty();
        assertThat(SearchKeys.required(" - ")).isEmpty();
        assertThat(SearchKeys.required("123")).containsExactly(List.of("12", "23"));
    }

    @Test
    void aWholeCodeIsRecognisedForItsOwnIndex() {
        assertThat(SearchKeys.code(" l-2026-000123 ")).isEqualTo("L-2026-000123");
        assertThat(SearchKeys.code("Ｌ-２０２６-０００１２３")).isEqualTo("L-2026-000123");
        assertThat(SearchKeys.code("2026-000123")).isNull();
        assertThat(SearchKeys.code("华为")).isNull();
    }

    /** The index may only narrow the rows: a record containing the query always holds one whole key set. */
    @Test
    void aRecordContainingTheQueryHoldsAllKeysOfOneAlternative() {
        qt().forAll(strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 12),
                        strings().betweenCodePoints(0x4e00, 0x4e40).ofLengthBetween(0, 6),
                        integers().between(0, 20), integers().between(1, 10))
                .checkAssert((latin, chinese, from, length) -> {
                    String text = latin + chinese + "13800138000" + latin.toUpperCase(Locale.ROOT);
                    int start = Math.min(from, text.length());
                    String query = text.substring(start, Math.min(text.length(), start + length));
                    List<String> keys = SearchKeys.of(List.of(text), List.of());
                    List<List<String>> required = SearchKeys.required(query);
                    if (!required.isEmpty()) {
                        assertThat(required).anySatisfy(set -> assertThat(keys).containsAll(set));
                    }
                });
    }
}
