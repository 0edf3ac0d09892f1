package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Test
    void aCompanyNameIsKeyedByFragmentSingleCharacterInitialsAndFullPinyin() {
        SearchKeys.Name keys = SearchKeys.name("华为技术（ABC）");
        assertThat(keys.folded()).isEqualTo("华为技术abc");
        assertThat(keys.initials()).isEqualTo("hwjsabc");
        assertThat(keys.pinyin()).isEqualTo("huaweijishuabc");
        assertThat(keys.tokens()).containsAll(SearchKeys.nameNeedle("为技"))
                .containsAll(SearchKeys.nameNeedle("华"))
                .containsAll(SearchKeys.initialsNeedle("hwjs"))
                .containsAll(SearchKeys.pinyinNeedle("huawei"));
        assertThat(SearchKeys.nameNeedle("为技")).containsExactly("n:为技");
        assertThat(SearchKeys.nameNeedle("a")).isEmpty();
    }

    /** Four initials ask the index for two trigrams (short lists), two initials for their one bigram. */
    @Test
    void initialsOfThreeLettersOrMoreAreSearchedByTrigramAndTwoByTheirBigram() {
        assertThat(SearchKeys.initialsNeedle("hwjs")).containsExactly("j:hwj", "j:wjs");
        assertThat(SearchKeys.initialsNeedle("hwj")).containsExactly("j:hwj");
        assertThat(SearchKeys.initialsNeedle("hw")).containsExactly("i:hw");
        assertThat(SearchKeys.name("华为技术").tokens()).contains("i:hw", "i:wj", "i:js", "j:hwj", "j:wjs")
                .filteredOn(t -> t.startsWith("j:")).hasSize(2);
    }

    /** One key that is the whole query decides the match alone; several keys may be scattered over the text. */
    @Test
    void aNeedleIsTheWholeQueryOnlyWhenItsOneKeyIsTheQuery() {
        assertThat(SearchKeys.wholeQuery(SearchKeys.nameNeedle("宏远"), "宏远")).isTrue();
        assertThat(SearchKeys.wholeQuery(SearchKeys.nameNeedle("宏"), "宏")).isTrue();
        assertThat(SearchKeys.wholeQuery(SearchKeys.initialsNeedle("hzh"), "hzh")).isTrue();
        assertThat(SearchKeys.wholeQuery(SearchKeys.initialsNeedle("hz"), "hz")).isTrue();
        assertThat(SearchKeys.wholeQuery(SearchKeys.nameNeedle("宏远科"), "宏远科")).isFalse();
        assertThat(SearchKeys.wholeQuery(SearchKeys.initialsNeedle("hzhy"), "hzhy")).isFalse();
        assertThat(SearchKeys.wholeQuery(List.of("n:宏远"), "远科")).isFalse();
    }

    /** Whatever contiguous run of a name's initials is typed, the name holds every key the search asks for. */
    @Test
    void aNameHoldsTheInitialsKeysOfEveryRunOfItsInitials() {
        qt().forAll(strings().betweenCodePoints(0x4e00, 0x9fa5).ofLengthBetween(2, 10), integers().between(0, 9),
                        integers().between(2, 10))
                .checkAssert((name, from, length) -> {
                    SearchKeys.Name keys = SearchKeys.name(name);
                    String initials = keys.initials();
                    int start = Math.min(from, Math.max(0, initials.length() - 2));
                    String typed = initials.substring(start, Math.min(initials.length(), start + length));
                    if (typed.length() >= 2) {
                        assertThat(keys.tokens()).containsAll(SearchKeys.initialsNeedle(typed));
                    }
                });
    }

    /** Both key sets fold alike, so a query folded once serves either. */
    @Test
    void leadKeysAndNameKeysFoldTheTextTheSameWay() {
        assertThat(SearchKeys.name("ＡＢＣ（中国）").folded()).isEqualTo(SearchKeys.normalize("ＡＢＣ（中国）"));
        assertThat(SearchKeys.name("ＡＢＣ（中国）").tokens()).contains("n:ab", "n:c中")
                .containsAll(SearchKeys.of(List.of("ＡＢＣ（中国）"), List.of()).stream().map(k -> "n:" + k).toList());
    }

    @Test
    void aLongQueryAsksTheIndexOnlyForItsRareKeysAndForTheTwoRarestWhenAllAreCommon() {
        List<String> name = SearchKeys.required("杭州宏远科技有限公司").get(0);
        Map<String, Double> common = Map.of("有限", 0.9, "限公", 0.9, "公司", 0.95, "科技", 0.2, "杭州", 0.04);
        assertThat(SearchKeys.selective(name, common)).containsExactly("州宏", "宏远", "远科", "技有");
        assertThat(SearchKeys.selective(SearchKeys.required("有限公司").get(0), common)).containsExactly("有限", "限公");
        assertThat(SearchKeys.selective(List.of("公司"), common)).containsExactly("公司");
        assertThat(SearchKeys.selective(name, Map.of())).isEqualTo(name);
    }
}
