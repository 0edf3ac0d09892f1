package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DocumentLanguageTest {

    @Test
    void englishOrChineseInAnyFormAndChineseWhenNoneIsAsked() {
        assertThat(DocumentLanguage.of("en")).isEqualTo(Locale.ENGLISH);
        assertThat(DocumentLanguage.of("en-GB")).isEqualTo(Locale.ENGLISH);
        assertThat(DocumentLanguage.of("EN")).isEqualTo(Locale.ENGLISH);
        assertThat(DocumentLanguage.of("zh-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(DocumentLanguage.of("zh_CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(DocumentLanguage.of("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(DocumentLanguage.of("")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(DocumentLanguage.of(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void anotherLanguageIsRefusedOnTheLocaleFieldNotAnsweredInChinese() {
        for (String tag : new String[] {"fr", "english", "ja-JP", "x", "😀"}) {
            assertThatThrownBy(() -> DocumentLanguage.of(tag)).as(tag).isInstanceOf(FieldValidationException.class)
                    .satisfies(e -> {
                        FieldValidationException.FieldError error = ((FieldValidationException) e).errors().get(0);
                        assertThat(error.field()).isEqualTo("locale");
                        assertThat(error.messageKey()).isEqualTo("error.input.documentLanguage");
                    });
        }
    }
}
