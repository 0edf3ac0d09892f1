package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
        "Zhang.San@Example.COM       | zhang.san@example.com",
        "'  li.si@example.cn\t'      | li.si@example.cn",
        "wang.wu＠example．com        | wang.wu@example.com",
        "ＺＨＡＯ＠ＥＸＡＭＰＬＥ．ＣＮ     | zhao@example.cn",
        "\u3000sales@example.com.cn\u3000 | sales@example.com.cn",
    })
    void normalizedAddressIsTrimmedLowerCaseAscii(String raw, String expected) {
        assertThat(EmailAddresses.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\u3000"})
    void blankAddressNormalizesToNull(String raw) {
        assertThat(EmailAddresses.normalize(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.cn", "zhang.san+crm@example.com", "x@mail.example.com.cn", "张三@例子.中国"})
    void addressesWithOneAtAndADottedDomainArePlausible(String normalized) {
        assertThat(EmailAddresses.isPlausible(normalized)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "zhang.san", // no @
        "@example.com", // nothing before @
        "zhang@", // no domain
        "zhang@localhost", // domain without a dot
        "zhang@example.", // empty last label
        "zhang@.example.com", // empty first label
        "zhang@example..com", // empty middle label
        "zhang@@example.com",
        "zhang@exa@mple.com",
        "zhang san@example.com", // whitespace
        "\"x\"@[127.0.0.1]", // a quoted local part at an address literal
        "x@[127.0.0.1]", // an address literal
        "x@[ipv6:2001:db8::1]",
        "x@127.0.0.1", // a bare IP address
        "\"zhang san\"@example.com", // a quoted local part
        "",
    })
    void malformedAddressesAreNotPlausible(String normalized) {
        assertThat(EmailAddresses.isPlausible(normalized)).isFalse();
    }

    @Test
    void overlongAddressIsNotPlausible() {
        String local = "a".repeat(244);
        assertThat(EmailAddresses.isPlausible(local + "@example.cn")).isFalse(); // 255 characters
        assertThat(EmailAddresses.isPlausible(local.substring(1) + "@example.cn")).isTrue(); // 254
    }

    @Test
    void nullIsNotPlausible() {
        assertThat(EmailAddresses.isPlausible(null)).isFalse();
    }
}
