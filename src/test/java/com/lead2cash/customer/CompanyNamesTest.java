package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyNamesTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        // Chinese legal forms, however they are spaced or bracketed
        "华为技术有限公司                 | 华为技术",
        "华为技术 有限公司                | 华为技术",
        "华为技术（有限公司）              | 华为技术",
        "华为技术(有限 公司)              | 华为技术",
        "深圳市腾讯计算机系统有限公司       | 深圳市腾讯计算机系统",
        "深圳市腾讯\u3000计算机系统有限公司 | 深圳市腾讯计算机系统",
        "小米科技有限责任公司              | 小米科技",
        "万科企业股份有限公司              | 万科企业",
        "中国平安保险公司                 | 中国平安保险",
        // brackets inside the name only lose the brackets
        "阿里巴巴（中国）有限公司          | 阿里巴巴中国",
        "阿里巴巴 (中国) 有限公司          | 阿里巴巴中国",
        // Latin legal forms, full-width letters, case and punctuation
        "ＡＢＣ Co., Ltd.                | abc",
        "ABC CO.,LTD                     | abc",
        "abc company limited             | abc",
        "ABC Limited                     | abc",
        "ABC Inc.                        | abc",
        "ABC Corp.                       | abc",
        "ABC Corporation                 | abc",
        "ABC, LLC                        | abc",
        "ABC GmbH                        | abc",
        "Ａｃｍｅ　Ｔｒａｄｉｎｇ　Ｌｔｄ    | acmetrading",
        // both kinds of legal form, removed repeatedly from the end
        "华为技术有限公司 Co., Ltd.        | 华为技术",
        "Acme 有限公司                    | acme",
        // punctuation of both scripts goes, the letters stay
        "A.B.C. & Sons                   | abcsons",
        "O'Brien_Bros-Trading            | obrienbrostrading",
        "北京·中关村、科技                 | 北京中关村科技",
        "\"引号\"科技有限公司               | 引号科技",
    })
    void normalizedKeyIgnoresFormattingAndLegalForm(String name, String expected) {
        assertThat(CompanyNames.normalize(name)).isEqualTo(expected);
    }

    @Test
    void spellingsOfTheSameCompanyShareOneKey() {
        assertThat(List.of("华为技术有限公司", "华为技术 有限公司", "华为技术（有限公司）", "华为技术\u3000有限公司", "华为技术"))
                .extracting(CompanyNames::normalize)
                .containsOnly("华为技术");
        assertThat(List.of("ＡＢＣ Co., Ltd.", "ABC Company Limited", "abc ltd", "ABC"))
                .extracting(CompanyNames::normalize)
                .containsOnly("abc");
    }

    @Test
    void regionPrefixIsKeptBecauseItNamesADifferentCompany() {
        assertThat(CompanyNames.normalize("上海华为技术有限公司")).isEqualTo("上海华为技术");
        assertThat(CompanyNames.normalize("上海华为技术有限公司"))
                .isNotEqualTo(CompanyNames.normalize("北京华为技术有限公司"))
                .isNotEqualTo(CompanyNames.normalize("华为技术有限公司"));
    }

    @Test
    void groupIsKeptBecauseTheGroupIsADifferentLegalEntity() {
        assertThat(CompanyNames.normalize("美的集团股份有限公司")).isEqualTo("美的集团");
        assertThat(CompanyNames.normalize("中国移动通信集团有限公司")).isEqualTo("中国移动通信集团");
        assertThat(CompanyNames.normalize("美的集团有限公司")).isNotEqualTo(CompanyNames.normalize("美的有限公司"));
    }

    @Test
    void branchAndHeadOfficeAreNotTakenForTheLegalForm() {
        assertThat(CompanyNames.normalize("华为技术有限公司北京分公司")).isEqualTo("华为技术有限公司北京分公司");
        assertThat(CompanyNames.normalize("中国石油天然气总公司")).isEqualTo("中国石油天然气总公司");
        assertThat(CompanyNames.normalize("华为技术有限公司北京分公司"))
                .isNotEqualTo(CompanyNames.normalize("华为技术有限公司"));
    }

    @Test
    void latinLegalFormsAreOnlyRemovedAsWholeWords() {
        assertThat(CompanyNames.normalize("Zinc Inc.")).isEqualTo("zinc");
        assertThat(CompanyNames.normalize("Unlimited Ltd")).isEqualTo("unlimited");
        assertThat(CompanyNames.normalize("Costco")).isEqualTo("costco");
        assertThat(CompanyNames.normalize("Tesco PLC Co")).isEqualTo("tescoplc");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "有限公司         | 有限公司",
        "股份有限公司      | 股份有限公司",
        "有限责任公司      | 有限责任公司",
        "公司            | 公司",
        "（有限公司）      | 有限公司",
        "有限公司公司      | 有限公司",
        "Limited         | limited",
        "Co., Ltd.       | coltd",
    })
    void aNameThatIsOnlyALegalFormStaysAsItIs(String name, String expected) {
        assertThat(CompanyNames.normalize(name)).isEqualTo(expected);
    }

    @Test
    void everyLegalFormOfOneCompanyIsOneKey() {
        assertThat(List.of("北京华信科技有限公司", "北京华信科技有限责任公司", "北京华信科技股份有限公司", "北京华信科技股份公司",
                "北京华信科技公司", "北京华信科技股份有限责任公司", "北京华信科技"))
                .extracting(CompanyNames::normalize)
                .containsOnly("北京华信科技");
        assertThat(CompanyNames.normalize("北京华信投资中心（有限合伙）")).isEqualTo("北京华信投资中心");
        assertThat(CompanyNames.normalize("北京华信会计师事务所(特殊普通合伙)")).isEqualTo("北京华信会计师事务所");
    }

    @Test
    void theGroupsLegalFormsAreOneKeyAndTheGroupStaysApartFromItsCompany() {
        assertThat(List.of("北京华信科技集团有限公司", "北京华信科技集团股份有限公司", "北京华信科技（集团）有限公司",
                "北京华信科技(集团)股份有限公司", "北京华信科技集团公司", "北京華信科技集團有限公司"))
                .extracting(CompanyNames::normalize)
                .containsOnly("北京华信科技集团");
        assertThat(CompanyNames.normalize("北京华信科技集团有限公司")).isNotEqualTo(CompanyNames.normalize("北京华信科技有限公司"));
    }

    @Test
    void widthBracketsSpacesAndCaseDoNotMatter() {
        assertThat(List.of("华信科技（北京）有限公司", "华信科技(北京)有限公司", "华信科技 ( 北京 ) 有限公司", "华信科技\u3000（北京）有限公司"))
                .extracting(CompanyNames::normalize)
                .containsOnly("华信科技北京");
        assertThat(List.of("ＨＸ２０２６科技有限公司", "HX2026科技有限公司", "hx 2026 科技有限公司"))
                .extracting(CompanyNames::normalize)
                .containsOnly("hx2026科技");
    }

    @Test
    void traditionalCharactersCompareAsSimplified() {
        assertThat(List.of("北京華信科技有限公司", "北京華信科技有限責任公司", "北京華信科技股份有限公司", "北京华信科技有限公司"))
                .extracting(CompanyNames::normalize)
                .containsOnly("北京华信科技");
        assertThat(CompanyNames.normalize("華為技術有限公司")).isEqualTo(CompanyNames.normalize("华为技术有限公司"));
        assertThat(CompanyNames.normalize("臺北國際貿易有限公司")).isEqualTo("台北国际贸易");
    }

    @Test
    void aTraditionalCharacterThatIsAlsoASimplifiedOneIsKept() {
        // 乾 is also the simplified character of 乾坤: 乾元 and 干元 are two names
        assertThat(CompanyNames.normalize("乾元科技有限公司")).isEqualTo("乾元科技");
        assertThat(CompanyNames.normalize("乾元科技有限公司")).isNotEqualTo(CompanyNames.normalize("干元科技有限公司"));
    }

    @Test
    void anotherTradeOfTheSameBrandIsAnotherCompany() {
        assertThat(CompanyNames.normalize("北京华信科技有限公司")).isNotEqualTo(CompanyNames.normalize("北京华信软件有限公司"));
        assertThat(CompanyNames.normalize("北京華信科技有限公司")).isNotEqualTo(CompanyNames.normalize("北京华信软件有限公司"));
        assertThat(CompanyNames.normalize("北京华信科技有限公司")).isNotEqualTo(CompanyNames.normalize("上海华信科技有限公司"));
    }

    @Test
    void everyTraditionalCharacterOfTheTableNormalisesOnce() throws Exception {
        try (var in = CompanyNames.class.getResourceAsStream("/opencc/TSCharacters.txt")) {
            assertThat(in).as("the OpenCC table ships with the code").isNotNull();
            List<String> traditional = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && l.contains("\t")).map(l -> l.substring(0, l.indexOf('\t'))).toList();
            assertThat(traditional).hasSizeGreaterThan(4000);
            for (String t : traditional) {
                String key = CompanyNames.normalize("甲" + t);
                assertThat(CompanyNames.normalize(key)).as(t).isEqualTo(key);
            }
        }
        assertThat(CompanyNames.class.getResource("/opencc/LICENSE")).as("its licence beside it").isNotNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000\t"})
    void blankNameHasTheEmptyKey(String name) {
        assertThat(CompanyNames.normalize(name)).isEmpty();
    }

    @Test
    void normalizingAKeyAgainChangesNothing() {
        List<String> fragments = List.of("华为", "技术", " ", "（", "）", "有限", "公司", "有限公司", "集团", "分公司",
                "ＡＢＣ", "Co.,", " Ltd", "Inc", "zinc", "上海", "·", "-", "Limited", "股份", "華信", "責任", "有限合伙",
                "乾", "（集團）", "股份公司", "總公司");
        qt().withFixedSeed(20240701L)
                .forAll(lists().of(arbitrary().pick(fragments)).ofSizeBetween(1, 8))
                .checkAssert(parts -> {
                    String key = CompanyNames.normalize(String.join("", parts));
                    assertThat(CompanyNames.normalize(key)).isEqualTo(key);
                });
    }
}
