package com.lead2cash.bench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.CompanyNames;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.customer.UnifiedSocialCreditCode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark's generated companies and numbers are valid and never repeat, whatever the size. */
class ChineseDataTest {

    private static final int SAMPLE = 100_000;

    @Test
    void companyNamesStayDistinctOnceTheLegalFormIsNormalisedAway() {
        Set<String> keys = new HashSet<>();
        for (long i = 0; i < SAMPLE; i++) {
            keys.add(CompanyNames.normalize(ChineseData.company(i).name()));
        }
        assertThat(keys).hasSize(SAMPLE);
        assertThat(ChineseData.companyCapacity()).isGreaterThan(8_000_000);
    }

    @Test
    void namesAreCityBrandIndustryAndLegalForm() {
        ChineseData.Company c = ChineseData.company(123_456);
        assertThat(c.name()).startsWith(c.city().name() + c.brand() + c.industryWord().word())
                .matches(".*(有限公司|有限责任公司)$");
        assertThat(c.brand()).hasSize(2);
        assertThat(ChineseData.INDUSTRIES).contains(c.industry());
    }

    @Test
    void creditCodesCarryValidCheckDigitsAndTheCitysDivisionCode() {
        Set<String> codes = new HashSet<>();
        for (long i = 0; i < 20_000; i++) {
            ChineseData.Company c = ChineseData.company(i);
            String code = c.uscc();
            assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
            assertThat(code.substring(2, 8)).isEqualTo(c.city().code());
            codes.add(code);
        }
        assertThat(codes).hasSize(20_000);
    }

    @Test
    void phoneNumbersArePlausibleAndDistinctAsTheProductNormalisesThem() {
        Set<String> numbers = new HashSet<>();
        for (long i = 0; i < SAMPLE; i++) {
            String normalized = PhoneNumbers.normalize(ChineseData.mobile(i, (int) i));
            assertThat(PhoneNumbers.isPlausible(normalized)).as(normalized).isTrue();
            numbers.add(normalized);
        }
        assertThat(numbers).hasSize(SAMPLE);
        ChineseData.CITIES.forEach(city -> assertThat(PhoneNumbers.isPlausible(
                PhoneNumbers.normalize(ChineseData.landline(city, 42)))).as(city.name()).isTrue());
    }

    @Test
    void brandCharactersAreDistinctAndEachHasItsPinyin() {
        assertThat(ChineseData.BRAND_CHARS.chars().distinct().count()).isEqualTo(ChineseData.BRAND_CHARS.length());
        assertThat(ChineseData.company(7).brandPinyin()).matches("[a-z]+");
    }
}
