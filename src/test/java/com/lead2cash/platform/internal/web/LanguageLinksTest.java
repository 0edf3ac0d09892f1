package com.lead2cash.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageLinksTest {

    @Test
    void theSwitchKeepsEveryOtherParameterAndReplacesLang() {
        LanguageLinks links = LanguageLinks.of("contractId=01a2&lang=zh-CN&tag=a&tag=b&flag&lang=en");
        assertThat(links.en()).isEqualTo("?contractId=01a2&tag=a&tag=b&flag&lang=en");
        assertThat(links.zh()).isEqualTo("?contractId=01a2&tag=a&tag=b&flag&lang=zh-CN");
    }

    @Test
    void withoutAQueryTheSwitchIsLangAlone() {
        assertThat(LanguageLinks.of(null)).isEqualTo(new LanguageLinks("?lang=zh-CN", "?lang=en"));
        assertThat(LanguageLinks.of("lang=en&&")).isEqualTo(new LanguageLinks("?lang=zh-CN", "?lang=en"));
    }

    @Test
    void namesAndValuesAreEncodedAgainSoNothingReachesTheHrefRaw() {
        // as sent: Chinese percent-encoded, a space as +; as a careless client sends: quotes and brackets raw
        LanguageLinks links = LanguageLinks.of("q=%E5%BC%A0+%E4%B8%89&x=\"><script>alert(1)</script>&a%26b=c%3Dd");
        assertThat(links.en()).isEqualTo(
                "?q=%E5%BC%A0+%E4%B8%89&x=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&a%26b=c%3Dd&lang=en");
        // an encoded lang is lang all the same; a broken escape is left out
        assertThat(LanguageLinks.of("%6Cang=zh-CN&bad=%zz&ok=1").en()).isEqualTo("?ok=1&lang=en");
    }
}
