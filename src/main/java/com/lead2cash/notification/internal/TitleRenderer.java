package com.lead2cash.notification.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a stored title (bundle key and arguments) into text in a reader's language, at the moment
 * it is shown or sent — so a later translation fix reaches old notifications too.
 */
@Component
public class TitleRenderer {

    private final MessageSource messages;

    TitleRenderer(MessageSource messages) {
        this.messages = messages;
    }

    public String render(String key, List<String> args, Locale locale) {
        return messages.getMessage(key, args.toArray(), key, locale);
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
