package com.lead2cash.sop.internal.policy;

import com.lead2cash.platform.MoneyText;
import com.lead2cash.sop.DeadlineWindow;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A policy value as the policy screens show it (the rule list, a version's changes, the rule form, the replay): a
 * duration in words ("30 分钟（工作时间）"), a weekday by its name in the reader's language, a switch as it reads, a list
 * of choices (roles, departments, severities) by their labels, an amount as every screen shows one ("100,000.00",
 * {@link MoneyText}); other values as stored. The rule form's inputs keep the stored text, a plain number to edit. The stored text stays
 * canonical, as the API answers it; this is for reading only.
 */
@Component
public class PolicyValueWords {

    private final MessageSource messages;

    PolicyValueWords(MessageSource messages) {
        this.messages = messages;
    }

    /** A change of one parameter as the screens say it: the rule, the parameter's name, old and new value in words. */
    public record ChangeWords(String rule, String parameter, String oldValue, String newValue) {
    }

    /** A stored change (a version's, or a proposal's) in the reader's words; the version page and proposals alike. */
    public ChangeWords change(String ruleId, String parameter, String oldText, String newText, Locale locale) {
        RuleCatalog.ParamDef param = RuleCatalog.find(ruleId).flatMap(r -> r.param(parameter)).orElse(null);
        return new ChangeWords(ruleId, messages.getMessage("policy.param." + parameter, null, parameter, locale),
                of(param, oldText, locale), of(param, newText, locale));
    }

    /** The change on one line, where a list shows it: "L9 时限：2 小时（工作时间） → 5 小时（工作时间）". */
    public String line(ChangeWords change, Locale locale) {
        return messages.getMessage("policy.changeLine", new Object[] {change.rule(), change.parameter(),
                change.oldValue(), change.newValue()}, locale);
    }

    public String of(RuleCatalog.ParamDef param, String text, Locale locale) {
        if (param == null || text == null || text.isBlank()) {
            return text;
        }
        if (param.type() == ParamType.DURATION) {
            return duration(text, locale);
        }
        if (param.type() == ParamType.WEEKDAY) {
            try {
                return DayOfWeek.valueOf(text.strip().toUpperCase(Locale.ROOT)).getDisplayName(TextStyle.FULL, locale);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
        if (param.type() == ParamType.MONEY) {
            try {
                return MoneyText.of((BigDecimal) ParamType.MONEY.parse(text, null));
            } catch (ParamType.InvalidValue e) {
                return text;
            }
        }
        if (param.type() == ParamType.BOOLEAN) {
            // a switch's stored text, "true" or "false", said as the switch reads
            return messages.getMessage("policy.switch." + text.strip().toLowerCase(Locale.ROOT), null, text, locale);
        }
        if (param.type() == ParamType.LIST && param.choiceLabels() != null) {
            return Arrays.stream(text.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                    .map(c -> messages.getMessage(param.choiceLabels() + "." + c, null, c, locale))
                    .collect(Collectors.joining(", "));
        }
        return text;
    }

    /** "30m business" as "30 minutes (working time)"; a text that is no duration stays as it was stored. */
    private String duration(String text, Locale locale) {
        DeadlineWindow w;
        try {
            w = (DeadlineWindow) ParamType.DURATION.parse(text, null);
        } catch (ParamType.InvalidValue e) {
            return text;
        }
        return messages.getMessage("policy.duration." + w.duration().unit(), new Object[] {w.duration().amount(),
                messages.getMessage("policy.basis." + w.basis(), null, locale)}, locale);
    }

    /** The seven days, Monday first, each by its stored name and its name in the reader's language. */
    Map<String, String> weekdays(Locale locale) {
        Map<String, String> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name(), day.getDisplayName(TextStyle.FULL, locale));
        }
        return days;
    }
}
