package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A module's narrower text limit (its column) is refused the one way every field is refused. */
class InputRulesFieldTextTest {

    @Test
    void aTextPastTheFieldsOwnLimitIsRefusedWithThatLimit() {
        assertThat(InputRules.fieldProblem("carrier", "顺丰速运".repeat(50), 100)).hasValueSatisfying(e -> {
            assertThat(e.field()).isEqualTo("carrier");
            assertThat(e.messageKey()).isEqualTo("error.input.tooLong");
            assertThat(e.args()).containsExactly(100);
        });
        assertThat(InputRules.fieldProblem("carrier", "  顺丰速运  ", 4)).as("measured once stripped").isEmpty();
        assertThat(InputRules.fieldProblem("carrier", null, 4)).isEmpty();
    }

    @Test
    void aControlCharacterIsRefusedAsEverywhereElse() {
        assertThat(InputRules.fieldProblem("reason", "坏\u0000值", 100)).hasValueSatisfying(e ->
                assertThat(e.messageKey()).isEqualTo("error.input.controlCharacter"));
        assertThatThrownBy(() -> InputRules.requireFieldText("reason", "坏\u0007值", 100))
                .isInstanceOfSatisfying(FieldValidationException.class, ex ->
                        assertThat(ex.errors()).extracting(FieldValidationException.FieldError::field)
                                .isEqualTo(List.of("reason")));
    }

    @Test
    void theBidirectionalEmbeddingOverrideAndIsolateControlsAreRefusedAsControlCharacters() {
        for (char c : "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069".toCharArray()) {
            assertThat(InputRules.textProblem("RTL" + c + "公司")).as("U+%04X", (int) c)
                    .contains("error.input.controlCharacter");
        }
        // the characters just outside those ranges (a narrow no-break space among them) and a zero-width joiner stay text
        assertThat(InputRules.textProblem("\u2029\u202f\u2065\u206a\u200d")).isEmpty();
    }

    @Test
    void whatNobodySeesIsTakenOffATextsEndsAndATextOfNothingElseIsBlank() {
        // whitespace, space separators (no-break, ideographic) and invisible format characters (zero-width, BOM, joiners)
        for (String blank : List.of("   ", "\u3000\u3000", "\u00a0\u00a0", "\u200b\u200b\u200b", "\ufeff", "\u2060",
                "\u200c\u200d\u200e\u200f", "\u202f\u2007 \t\n")) {
            assertThat(InputRules.trimToNull(blank)).as(blank.codePoints().mapToObj(c -> "U+%04X".formatted(c)).toList().toString())
                    .isNull();
            assertThat(InputRules.isBlank(blank)).isTrue();
        }
        assertThat(InputRules.strip("\u00a0\u200b上海\u200d甲\u00a0公司\ufeff\u3000")).isEqualTo("上海\u200d甲\u00a0公司");
        // a bidirectional control is no blank to take off: refused wherever it stands (textProblem)
        assertThat(InputRules.strip("\u202e公司")).isEqualTo("\u202e公司");
        // a flag emoji ends with tag characters (U+E0000 block): kept
        String flag = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
        assertThat(InputRules.strip("队" + flag + "\u200b")).isEqualTo("队" + flag);
        assertThat(InputRules.strip(null)).isNull();
        assertThat(InputRules.isBlank(null)).isTrue();
        assertThat(InputRules.trimToNull(" 甲 ")).isEqualTo("甲");
    }

    @Test
    void aLoneSurrogateIsABrokenCharacterNotAControlCharacter() {
        for (String broken : List.of("a\ud800b", "a\udc00b", "ab\ud800")) {
            assertThat(InputRules.textProblem(broken)).contains("error.input.brokenCharacter");
        }
        assertThat(InputRules.textProblem("表情\uD83D\uDE00")).isEmpty();
    }

    @Test
    void aNameOfOneLineRefusesLineBreaksTabsAndEveryControlCharacterInsideButNotAtItsEnds() {
        for (String inside : List.of("\r\n", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u0085", "\u2028", "\u2029")) {
            assertThat(InputRules.singleLineProblem("companyName", "上海" + inside + "甲公司")).as("U+%04X", (int) inside.charAt(0))
                    .hasValueSatisfying(e -> {
                        assertThat(e.field()).isEqualTo("companyName");
                        assertThat(e.messageKey()).isEqualTo("error.input.notOneLine");
                    });
        }
        assertThat(InputRules.singleLineProblem("name", "  上海甲公司\r\n")).as("stored stripped").isEmpty();
        assertThat(InputRules.singleLineProblem("name", "Shanghai Jia Co., Ltd. （上海）")).isEmpty();
        assertThat(InputRules.singleLineProblem("name", null)).isEmpty();
    }

    @Test
    void aDateOfSomethingThatHappenedLiesFrom2000ToToday() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 1);
        assertThat(InputRules.happenedDateProblem("heldOn", java.time.LocalDate.of(1901, 6, 1), today))
                .hasValueSatisfying(e -> {
                    assertThat(e.messageKey()).isEqualTo("error.input.dateTooEarly");
                    assertThat(e.args()).containsExactly(java.time.LocalDate.of(2000, 1, 1));
                });
        assertThat(InputRules.happenedDateProblem("heldOn", java.time.LocalDate.of(2026, 12, 2), today))
                .hasValueSatisfying(e -> assertThat(e.messageKey()).isEqualTo("error.input.dateInFuture"));
        assertThat(InputRules.happenedDateProblem("heldOn", java.time.LocalDate.of(2000, 1, 1), today)).isEmpty();
        assertThat(InputRules.happenedDateProblem("heldOn", today, today)).isEmpty();
        assertThatThrownBy(() -> InputRules.requireHappenedDate("heldOn", java.time.LocalDate.of(2199, 1, 1), today))
                .isInstanceOfSatisfying(FieldValidationException.class, ex ->
                        assertThat(ex.errors()).extracting(FieldValidationException.FieldError::field)
                                .isEqualTo(List.of("heldOn")));
    }

    @Test
    void aDateTheBusinessPlansLiesFrom2000ToTenYearsAhead() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 1);
        assertThat(InputRules.businessDateProblem("dueDate", java.time.LocalDate.of(1999, 12, 31), today))
                .hasValueSatisfying(e -> assertThat(e.messageKey()).isEqualTo("error.input.dateTooEarly"));
        assertThat(InputRules.businessDateProblem("dueDate", java.time.LocalDate.of(2036, 12, 2), today))
                .hasValueSatisfying(e -> {
                    assertThat(e.messageKey()).isEqualTo("error.input.dateTooFarAhead");
                    assertThat(e.args()).containsExactly(java.time.LocalDate.of(2036, 12, 1));
                });
        assertThat(InputRules.businessDateProblem("dueDate", java.time.LocalDate.of(2036, 12, 1), today)).isEmpty();
    }
}
