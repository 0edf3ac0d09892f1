package com.lead2cash.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** What a refused form gives back: each value as the form sent it, whatever type the controller read it as. */
class FlashTest {

    enum Choice { HIGH, LOW }

    @Test
    void aRefusedFormsValuesComeBackAsTheFormSentThem() {
        UUID a = UUID.fromString("0190a1b2-0000-7000-8000-000000000001");
        UUID b = UUID.fromString("0190a1b2-0000-7000-8000-000000000002");
        Map<String, String> typed = typed("name", "赵敏", "level", Choice.HIGH, "limit", new BigDecimal("2E+4"),
                "ids", List.of(a, b), "levels", List.of(Choice.LOW, Choice.HIGH), "none", List.of(),
                "primary", true, "score", 4, "at", LocalDateTime.of(2026, 12, 2, 9, 30), "owner", a);

        assertThat(typed).containsEntry("name", "赵敏").containsEntry("level", "HIGH")
                .as("plain digits, as typed").containsEntry("limit", "20000")
                .as("comma-separated").containsEntry("ids", a + "," + b).containsEntry("levels", "LOW,HIGH")
                .containsEntry("none", "").containsEntry("primary", "true").containsEntry("score", "4")
                .containsEntry("at", "2026-12-02T09:30").containsEntry("owner", a.toString());
    }

    @Test
    void nothingTypedReadsAsNothingButKeepsItsName() {
        List<UUID> withBlank = new ArrayList<>(Arrays.asList(null, UUID.fromString("0190a1b2-0000-7000-8000-000000000003")));
        Map<String, String> typed = typed("reason", null, "ids", withBlank);

        assertThat(typed).as("a page may ask for the field by name").containsEntry("reason", null)
                .containsEntry("ids", "0190a1b2-0000-7000-8000-000000000003");
    }

    @Test
    void aRefusalOfSeveralFieldsFlashesTheFirstMessageAndEachOtherOnceAfterIt() {
        var redirect = new RedirectAttributesModelMap();
        Flash.error(redirect, new com.lead2cash.platform.FieldValidationException(List.of(
                new com.lead2cash.platform.FieldValidationException.FieldError("body", "contract.section.unfilled", "2"),
                new com.lead2cash.platform.FieldValidationException.FieldError("termStart", "contract.term.required"),
                new com.lead2cash.platform.FieldValidationException.FieldError("termEnd", "contract.term.required"))));

        assertThat(redirect.getFlashAttributes().get("flashError")).isEqualTo("contract.section.unfilled");
        assertThat((List<?>) redirect.getFlashAttributes().get("flashMore")).as("the two missing dates said once")
                .singleElement().satisfies(m -> assertThat(((Object[]) m)[0]).isEqualTo("contract.term.required"));

        var one = new RedirectAttributesModelMap();
        Flash.error(one, new com.lead2cash.platform.FieldValidationException("name", "error.input.controlCharacter"));
        assertThat(one.getFlashAttributes().get("flashError")).isEqualTo("error.input.controlCharacter");
        assertThat(one.getFlashAttributes()).doesNotContainKey("flashMore");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> typed(Object... namesAndValues) {
        var redirect = new RedirectAttributesModelMap();
        Flash.typed(redirect, "formTyped", namesAndValues);
        return (Map<String, String>) redirect.getFlashAttributes().get("formTyped");
    }
}
