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
}
