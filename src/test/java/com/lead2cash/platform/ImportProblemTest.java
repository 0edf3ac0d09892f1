package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import tools.jackson.databind.json.JsonMapper;

/** An import's problem is stored as its message key and arguments and said in the language of whoever reads it. */
class ImportProblemTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final StaticMessageSource messages = new StaticMessageSource();

    ImportProblemTest() {
        messages.addMessage("x.refused", Locale.ENGLISH, "{0} is {1}, at most {2}");
        messages.addMessage("x.refused", Locale.CHINESE, "{0}为{1}，最多{2}");
        messages.addMessage("x.status.OPEN", Locale.ENGLISH, "Open");
        messages.addMessage("x.status.OPEN", Locale.CHINESE, "未结");
        messages.addMessage("x.status.CLOSED", Locale.ENGLISH, "Closed");
        messages.addMessage("x.status.CLOSED", Locale.CHINESE, "已结");
        messages.addMessage("x.matches", Locale.ENGLISH, "same {0}");
        messages.addMessage("x.matches", Locale.CHINESE, "相同的{0}");
        messages.addMessage("list.separator", Locale.ENGLISH, ", ");
        messages.addMessage("list.separator", Locale.CHINESE, "、");
    }

    private ImportProblem stored(ImportProblem problem) {
        return json.readValue(json.writeValueAsString(problem), ImportProblem.class);
    }

    @Test
    void aProblemStoredWithALabelANumberAndADecimalIsSaidInEachReadersLanguage() {
        ImportProblem problem = stored(ImportProblem.of(3, "budget", "x.refused", Label.of("x.status", "OPEN"),
                new BigDecimal("1.5"), 200));
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.text(messages, Locale.ENGLISH)).isEqualTo("Open is 1.5, at most 200");
        assertThat(problem.text(messages, Locale.CHINESE)).isEqualTo("未结为1.5，最多200");
    }

    @Test
    void aListOfLabelsIsSaidJoinedByTheSeparatorOfEachReadersLanguage() {
        ImportProblem problem = stored(ImportProblem.of(4, "lead", "x.matches",
                List.<Object>of(List.of(Label.of("x.status", "OPEN"), Label.of("x.status", "CLOSED")))));
        assertThat(problem.text(messages, Locale.ENGLISH)).isEqualTo("same Open, Closed");
        assertThat(problem.text(messages, Locale.CHINESE)).isEqualTo("相同的未结、已结");
    }

    @Test
    void aProblemStoredAsTextBeforeKeysWereIsReadAsItWasInEveryLanguage() {
        ImportProblem old = json.readValue("{\"line\":2,\"field\":\"name\",\"message\":\"请填写客户名称。\"}", ImportProblem.class);
        assertThat(old.text(messages, Locale.ENGLISH)).isEqualTo("请填写客户名称。");
        assertThat(old.args()).isEmpty();
    }
}
