package com.lead2cash.notification.internal;

import com.lead2cash.notification.Notification;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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

    /** A title in the reader's language; its {@link Notification.Words} arguments said in that language too. */
    public String render(String key, List<?> args, Locale locale) {
        Object[] said = args.stream().map(arg -> arg instanceof Notification.Words words
                ? new DefaultMessageSourceResolvable(words.codes().toArray(String[]::new),
                        words.args().isEmpty() ? null : words.args().toArray(), words.fallback())
                : arg).toArray();
        return messages.getMessage(key, said, key, locale);
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
