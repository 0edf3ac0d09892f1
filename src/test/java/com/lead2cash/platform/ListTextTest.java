package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class ListTextTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("messages", "i18n/lead");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static String unknownColumns(List<String> columns, Locale locale) {
        return MESSAGES.getMessage("lead.import.unknownColumns", new Object[] {ListText.of(columns)}, locale);
    }

    @Test
    void aShortListIsNamedWholeInTheReadersLanguage() {
        assertThat(unknownColumns(List.of("传真", "备注x"), Locale.ENGLISH))
                .isEqualTo("Unknown columns: 传真, 备注x. Use the template's headers.");
        assertThat(unknownColumns(List.of("传真", "备注x"), Locale.CHINESE)).isEqualTo("无法识别的列：传真、备注x。请使用模板的表头。");
    }

    @Test
    void aLongListNamesTheFirstTenAndCountsTheRest() {
        List<String> columns = IntStream.rangeClosed(1, 20_000).mapToObj(i -> "c" + i).toList();
        assertThat(unknownColumns(columns, Locale.ENGLISH)).isEqualTo(
                "Unknown columns: c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 and 19,990 more. Use the template's headers.");
        assertThat(unknownColumns(columns, Locale.CHINESE))
                .isEqualTo("无法识别的列：c1、c2、c3、c4、c5、c6、c7、c8、c9、c10，另有 19,990 项。请使用模板的表头。");
        assertThat(unknownColumns(columns.subList(0, 10), Locale.ENGLISH)).endsWith("c9, c10. Use the template's headers.");
        assertThat(unknownColumns(columns.subList(0, 11), Locale.ENGLISH)).endsWith("c10 and 1 more. Use the template's headers.");
    }

    @Test
    void aLongItemIsCutToSixtyCharacters() {
        String column = "列".repeat(30) + "😀".repeat(40);
        String shown = ListText.of(List.of(column)).items().get(0);
        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(ListText.ITEM_CHARS);
        assertThat(shown).isEqualTo("列".repeat(30) + "😀".repeat(29) + "…");
        assertThat(ListText.of(List.of("x".repeat(60))).items()).containsExactly("x".repeat(60));
    }
}
