package com.lead2cash.sop.internal.policy;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A policy value as the policy screens show it: a weekday by its name in the reader's language, a list of choices
 * (roles, departments, severities) by their labels; other values as stored. The stored text stays canonical; this is
 * for reading only.
 */
@Component
class PolicyValueWords {

    private final MessageSource messages;

    PolicyValueWords(MessageSource messages) {
        this.messages = messages;
    }

    String of(RuleCatalog.ParamDef param, String text, Locale locale) {
        if (param == null || text == null || text.isBlank()) {
            return text;
        }
        if (param.type() == ParamType.WEEKDAY) {
            try {
                return DayOfWeek.valueOf(text.strip().toUpperCase(Locale.ROOT)).getDisplayName(TextStyle.FULL, locale);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
        if (param.type() == ParamType.LIST && param.choiceLabels() != null) {
            return Arrays.stream(text.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                    .map(c -> messages.getMessage(param.choiceLabels() + "." + c, null, c, locale))
                    .collect(Collectors.joining(", "));
        }
        return text;
    }
}
