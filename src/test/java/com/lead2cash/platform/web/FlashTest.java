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

    /** A thing a refusal lists, a record of its module's that the session could not store as it is. */
    record Thing(String code, List<Object> args) implements org.springframework.context.MessageSourceResolvable {

        @Override
        public String[] getCodes() {
            return new String[] {code};
        }

        @Override
        public Object[] getArguments() {
            return args.toArray();
        }

        @Override
        public String getDefaultMessage() {
            return code;
        }
    }

    /** Nothing the session could store: no resolvable, no serializable interface. */
    record Plain(String name) {
    }

    @Test
    void aRefusalWithRecordTypedArgumentsGoesIntoTheSessionAndSaysTheSameMessage() throws Exception {
        var messages = new org.springframework.context.support.StaticMessageSource();
        messages.addMessage("thing.refused", java.util.Locale.ENGLISH, "Not now: {0}; {1}; {2}. Close it first.");
        messages.addMessage("thing.more", java.util.Locale.ENGLISH, "{0} and {1}");
        messages.addMessage("thing.opportunity", java.util.Locale.ENGLISH, "opportunity {0} ({1}, {2})");
        messages.addMessage("stage.OPEN", java.util.Locale.ENGLISH, "open");
        Object listed = new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"thing.more"}, new Object[] {new Thing("thing.opportunity",
                        List.of("OP-1", com.lead2cash.platform.Label.of("stage", "OPEN"), new BigDecimal("80000.00"))),
                new Thing("thing.unknown", List.of())});
        var refusal = new com.lead2cash.platform.DomainException("thing.refused", listed, new Plain("P-1"), 3);
        String said = messages.getMessage(refusal.messageKey(), refusal.args(), java.util.Locale.ENGLISH);

        var redirect = new RedirectAttributesModelMap();
        Flash.error(redirect, refusal);
        var more = new RedirectAttributesModelMap();
        Flash.error(more, new com.lead2cash.platform.FieldValidationException(List.of(
                new com.lead2cash.platform.FieldValidationException.FieldError("a", "thing.refused", "x", 1, 2),
                new com.lead2cash.platform.FieldValidationException.FieldError("b", "thing.refused", listed,
                        new Plain("P-2"), 4))));
        var success = new RedirectAttributesModelMap();
        Flash.success(success, "thing.refused", listed, new Plain("P-3"), 5);

        for (var flashed : List.of(redirect, more, success)) {
            var bytes = new java.io.ByteArrayOutputStream();
            try (var out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(new java.util.HashMap<>(flashed.getFlashAttributes()));
            }
        }
        assertThat(redirect.getFlashAttributes().get("flashError")).isEqualTo("thing.refused");
        assertThat(messages.getMessage("thing.refused", (Object[]) redirect.getFlashAttributes().get("flashArgs"),
                java.util.Locale.ENGLISH)).isEqualTo(said)
                .isEqualTo("Not now: opportunity OP-1 (open, 80,000) and thing.unknown; Plain[name=P-1]; 3. Close it first.");
        Object[] second = (Object[]) ((List<?>) more.getFlashAttributes().get("flashMore")).get(0);
        assertThat(messages.getMessage((String) second[0], (Object[]) second[1], java.util.Locale.ENGLISH))
                .startsWith("Not now: opportunity OP-1 (open, 80,000) and thing.unknown; Plain[name=P-2]; 4.");
    }

    @Test
    void aRefusedFormKeepsTheVersionItWasPostedWithSoSavingItAgainIsRefusedAgain() {
        var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/customers/x/grade");
        request.addParameter("version", "3");
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(request));
        try {
            assertThat(typed("grade", "A")).as("the version the form was read at, for its hidden field")
                    .containsEntry("version", "3");
            assertThat(typed("grade", "A", "version", 7L)).as("one the caller names stands").containsEntry("version", "7");
            request.setParameter("version", "3; drop");
            assertThat(typed("grade", "A")).as("never a version that is none").doesNotContainKey("version");
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
        assertThat(typed("grade", "A")).as("no request, no version").doesNotContainKey("version");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> typed(Object... namesAndValues) {
        var redirect = new RedirectAttributesModelMap();
        Flash.typed(redirect, "formTyped", namesAndValues);
        return (Map<String, String>) redirect.getFlashAttributes().get("formTyped");
    }
}
