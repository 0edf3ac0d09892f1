package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DocumentLanguageTest {

    @Test
    void englishWhenAskedForInAnyFormChineseForEverythingElse() {
        assertThat(DocumentLanguage.of("en")).isEqualTo(Locale.ENGLISH);
        assertThat(DocumentLanguage.of("en-GB")).isEqualTo(Locale.ENGLISH);
        assertThat(DocumentLanguage.of("EN")).isEqualTo(Locale.ENGLISH);
        assertThat(DocumentLanguage.of("zh-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(DocumentLanguage.of("fr")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(DocumentLanguage.of("")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(DocumentLanguage.of(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}
