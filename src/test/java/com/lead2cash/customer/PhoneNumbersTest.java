package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
        // mobile numbers lose formatting and the +86 / 0086 / 86 country code
        "13800138000              | 13800138000",
        "138 0013 8000            | 13800138000",
        "138-0013-8000            | 13800138000",
        "(138) 0013 8000          | 13800138000",
        "+86 138 0013 8000        | 13800138000",
        "+86-13800138000          | 13800138000",
        "0086 138 0013 8000       | 13800138000",
        "86 13800138000           | 13800138000",
        "８６１３８００１３８０００     | 13800138000",
        "＋８６　１３８－００１３－８０００ | 13800138000",
        "19912345678              | 19912345678",
        // landlines keep the area code with its trunk 0
        "010-8888 6666            | 01088886666",
        "(010) 88886666           | 01088886666",
        "0755-8765 4321           | 075587654321",
        "（０２１）６２３４５６７８        | 02162345678",
        "+86 10 8888 6666         | 01088886666",
        "+86 (0)10 8888 6666      | 01088886666",
        "0086 755 8765 4321       | 075587654321",
        // a leading 86 without + or 00 is only a country code in front of a mobile number
        "8612 3456                | 86123456",
        // other countries: + and digits, the 00 access code written as +
        "+1 (415) 555-1234        | +14155551234",
        "001 415 555 1234         | +14155551234",
        "+44 20 7946 0958         | +442079460958",
        // anything that is not formatting is kept, so it cannot turn into another number
        "010-88886666 ext 12      | 01088886666ext12",
    })
    void normalizedNumberDropsFormattingAndTheChinaCountryCode(String raw, String expected) {
        assertThat(PhoneNumbers.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\u3000"})
    void blankNumberNormalizesToNull(String raw) {
        assertThat(PhoneNumbers.normalize(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "13800138000", // mobile
        "19912345678",
        "01088886666", // Beijing landline: 3-digit area code + 8 digits
        "075587654321", // Shenzhen landline: 4-digit area code + 8 digits
        "0991123456", // 10 digits: 4-digit area code + 6 digits
        "+14155551234", // international
        "+4930123", // 7 digits after +, the shortest E.164 number accepted
        "+123456789012345", // 15 digits after +, the longest E.164 number
    })
    void dialableNumbersArePlausible(String normalized) {
        assertThat(PhoneNumbers.isPlausible(normalized)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "12800138000", // 1 then 2: no mobile network
        "1380013800", // mobile one digit short
        "138001380001", // mobile one digit long
        "88886666", // local number without area code
        "001088886666", // 00 is the international access code, not an area code
        "0755876543210", // landline 13 digits
        "+123456", // 6 digits after +
        "+1234567890123456", // 16 digits after +
        "+0123456789", // country codes do not start with 0
        "01088886666ext12",
        "abc",
        "",
    })
    void numbersThatCannotBeDialledAreNotPlausible(String normalized) {
        assertThat(PhoneNumbers.isPlausible(normalized)).isFalse();
    }

    @Test
    void nullIsNotPlausible() {
        assertThat(PhoneNumbers.isPlausible(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+86 138 0013 8000", "0086-138-0013-8000", "138 0013 8000", "８６１３８００１３８０００"})
    void everyWayOfWritingOneMobileNumberIsPlausibleAfterNormalizing(String raw) {
        assertThat(PhoneNumbers.isPlausible(PhoneNumbers.normalize(raw))).isTrue();
    }
}
