package com.lead2cash.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A rendered form read back as the browser would fill it in: what an input, a text area or a choice shows
 * (by the element's id), to prove a form given back after a refusal holds what was typed.
 */
public final class FormHtml {

    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");

    private FormHtml() {
    }

    /** The value the input shows ("" when it has none). */
    public static String inputValue(String html, String id) {
        Matcher input = Pattern.compile("<input\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(input.find()).as("input #" + id).isTrue();
        Matcher value = VALUE.matcher(input.group());
        return value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : "";
    }

    /** The text of the refusal shown beside a field: the element of that id ({@code workEnd-error}). */
    public static String errorText(String html, String id) {
        Matcher error = Pattern.compile("<div[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</div>", Pattern.DOTALL)
                .matcher(html);
        assertThat(error.find()).as("#" + id).isTrue();
        return HtmlUtils.htmlUnescape(error.group(1)).strip();
    }

    /** Whether the checkbox shows ticked. */
    public static boolean checked(String html, String id) {
        Matcher input = Pattern.compile("<input\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(input.find()).as("checkbox #" + id).isTrue();
        return Pattern.compile("\\bchecked\\b").matcher(input.group()).find();
    }

    /** The text the text area shows. */
    public static String textareaText(String html, String id) {
        Matcher area = Pattern.compile("<textarea\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</textarea>",
                Pattern.DOTALL).matcher(html);
        assertThat(area.find()).as("textarea #" + id).isTrue();
        return HtmlUtils.htmlUnescape(area.group(1));
    }

    /** The values the select offers, in order. */
    public static List<String> options(String html, String id) {
        List<String> values = new ArrayList<>();
        Matcher option = OPTION.matcher(select(html, id));
        while (option.find()) {
            Matcher value = VALUE.matcher(option.group(1));
            values.add(value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : "");
        }
        return values;
    }

    /** The value the select shows chosen: the one marked selected, else its first (null when it offers none). */
    public static String selected(String html, String id) {
        Matcher option = OPTION.matcher(select(html, id));
        String first = null;
        while (option.find()) {
            Matcher value = VALUE.matcher(option.group(1));
            String v = value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : "";
            if (option.group(1).contains("selected")) {
                return v;
            }
            first = first == null ? v : first;
        }
        return first;
    }

    private static String select(String html, String id) {
        Matcher select = Pattern.compile("<select\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</select>",
                Pattern.DOTALL).matcher(html);
        assertThat(select.find()).as("select #" + id).isTrue();
        return select.group(1);
    }
}
