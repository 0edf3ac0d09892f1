package com.lead2cash.platform;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Items named in running text, as an argument of a refusal's message: joined by the reader's {@code list.separator}
 * (", " in English, "、" in Chinese) when the message is resolved in the request's locale, so a refusal built
 * before anyone knows the reader's language still reads right in it.
 */
public record ListText(List<String> items) implements MessageSourceResolvable, Serializable {

    private static final DefaultMessageSourceResolvable SEPARATOR = new DefaultMessageSourceResolvable("list.separator");

    public ListText {
        items = List.copyOf(items);
    }

    public static ListText of(Collection<String> items) {
        return new ListText(new ArrayList<>(items));
    }

    @Override
    public String[] getCodes() {
        return null;
    }

    /** The separator first, then the items. */
    @Override
    public Object[] getArguments() {
        Object[] args = new Object[items.size() + 1];
        args[0] = SEPARATOR;
        for (int i = 0; i < items.size(); i++) {
            args[i + 1] = items.get(i);
        }
        return args;
    }

    /** "{1}{0}{2}{0}{3}": the items ({1}…) between separators ({0}), as the message source formats a default message. */
    @Override
    public String getDefaultMessage() {
        StringBuilder pattern = new StringBuilder();
        for (int i = 1; i <= items.size(); i++) {
            pattern.append(i > 1 ? "{0}" : "").append('{').append(i).append('}');
        }
        return pattern.toString();
    }

    @Override
    public String toString() {
        return String.join(", ", items);
    }
}
