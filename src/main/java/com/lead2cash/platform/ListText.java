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
 *
 * <p>The items come from the caller's input (a file's header, a request's ids), so the text names at most
 * {@link #SHOWN} of them, each cut to {@link #ITEM_CHARS} characters, and counts the rest ({@code list.andMore}):
 * a header of 20 000 unknown columns is refused in one line, not a 189 KB answer (and MessageFormat cannot
 * format more than 10 000 arguments at all).
 *
 * @param items the items named, at most {@link #SHOWN}
 * @param more  how many more there are, not named
 */
public record ListText(List<String> items, int more) implements MessageSourceResolvable, Serializable {

    /** The items a refusal names; the rest are counted. */
    public static final int SHOWN = 10;

    /** The characters shown of one item; a longer one ends with "…". */
    public static final int ITEM_CHARS = 60;

    private static final DefaultMessageSourceResolvable SEPARATOR = new DefaultMessageSourceResolvable("list.separator");

    public ListText {
        items = List.copyOf(items);
        if (items.size() > SHOWN || more < 0) {
            throw new IllegalArgumentException("at most " + SHOWN + " items named, and a count of the rest");
        }
    }

    public static ListText of(Collection<String> items) {
        List<String> shown = new ArrayList<>(Math.min(items.size(), SHOWN));
        for (String item : items) {
            if (shown.size() == SHOWN) {
                break;
            }
            shown.add(shortened(item));
        }
        return new ListText(shown, items.size() - shown.size());
    }

    private static String shortened(String item) {
        if (item.codePointCount(0, item.length()) <= ITEM_CHARS) {
            return item;
        }
        return item.substring(0, item.offsetByCodePoints(0, ITEM_CHARS - 1)) + "…";
    }

    @Override
    public String[] getCodes() {
        return null;
    }

    /** The separator first, then the items, then "and N more" when some are not named. */
    @Override
    public Object[] getArguments() {
        Object[] args = new Object[items.size() + (more > 0 ? 2 : 1)];
        args[0] = SEPARATOR;
        for (int i = 0; i < items.size(); i++) {
            args[i + 1] = items.get(i);
        }
        if (more > 0) {
            args[items.size() + 1] = new DefaultMessageSourceResolvable(new String[] {"list.andMore"}, new Object[] {more});
        }
        return args;
    }

    /**
     * "{1}{0}{2}{0}{3}": the items ({1}…) between separators ({0}), as the message source formats a default
     * message; then "{4}", the count of the rest, when some are not named.
     */
    @Override
    public String getDefaultMessage() {
        return joined(items.size()) + (more > 0 ? "{" + (items.size() + 1) + "}" : "");
    }

    /** "{1}{0}{2}{0}{3}": {@code count} arguments from {1} on, between separators ({0}). */
    static String joined(int count) {
        StringBuilder pattern = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            pattern.append(i > 1 ? "{0}" : "").append('{').append(i).append('}');
        }
        return pattern.toString();
    }

    @Override
    public String toString() {
        return String.join(", ", items) + (more > 0 ? " and " + more + " more" : "");
    }
}
