package com.lead2cash.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A problem an import found (导入问题) in a row, or in the whole file (line 0): the field and its message's key and
 * arguments, stored so that it is said in the language of whoever reads the result — the page, the API's
 * Accept-Language, the report — not frozen in the uploader's. Problems stored before keep their text
 * ({@code message}, no key). Arguments are stored as JSON: numbers and texts as they are, a label
 * ({@link Label}) as {@code {"label": key}}, a list of labels as {@code {"labels": [key, …]}} (said joined by the
 * reader's {@code list.separator}), anything else as its text.
 */
public record ImportProblem(int line, String field, String key, List<Object> args, String message) {

    /** How many problems a result page lists; the rest are counted and downloaded as a report. */
    public static final int SHOWN = 100;

    public ImportProblem {
        args = args == null ? List.of() : args;
    }

    public static ImportProblem of(int line, String field, String key, Object... args) {
        return of(line, field, key, List.of(args));
    }

    public static ImportProblem of(int line, String field, String key, List<Object> args) {
        List<Object> stored = new ArrayList<>(args.size());
        for (Object arg : args) {
            stored.add(arg == null || arg instanceof Number || arg instanceof String ? arg
                    : arg instanceof MessageSourceResolvable label && label.getCodes() != null
                    ? Map.of("label", label.getCodes()[0])
                    : arg instanceof List<?> labels ? Map.of("labels", labels.stream().map(ImportProblem::labelKey).toList())
                    : String.valueOf(arg));
        }
        return new ImportProblem(line, field, key, stored, null);
    }

    /** A refusal of the domain as a problem of the row. */
    public static ImportProblem of(int line, String field, DomainException refusal) {
        return of(line, field, refusal.messageKey(), refusal.args());
    }

    public ImportProblem atLine(int line) {
        return new ImportProblem(line, field, key, args, message);
    }

    /**
     * A row's reasons for a report's cell, one a line: each is a sentence with its own full stop in the reader's
     * language, and no list separator reads right between sentences ("统一社会信用代码为18位。; 未知的等级").
     */
    public static String reasons(List<String> texts) {
        return String.join("\n", texts);
    }

    /** The reason in the reader's language (a problem stored as text before: that text). */
    public String text(MessageSource messages, Locale locale) {
        if (key == null) {
            return message;
        }
        Object[] resolved = args.stream().map(ImportProblem::argument).toArray();
        return messages.getMessage(key, resolved, key, locale);
    }

    /**
     * The reason as a report's reason column says it, where no column of its own names the field: a refusal of the
     * input rules every field shares ({@code error.input.*}: a control character, a second line in a name, a date out
     * of range) says nothing of the field by itself, so it is said with the column's label before it ("公司名称：文本中
     * 含有控制字符…") — a cell whose NUL the report shows as U+FFFD (a spreadsheet holds no NUL) is named as the one
     * refused. So is a formula with no saved result ({@link ImportColumns#FORMULA_WITHOUT_RESULT}: "此单元格是公式…"),
     * whose formula the report shows in its cell. Other reasons name their field already ("请填写公司名称。").
     */
    public String reportText(MessageSource messages, Locale locale, String fieldLabel) {
        String text = text(messages, locale);
        boolean saysNoField = key != null
                && (key.startsWith("error.input.") || key.equals(ImportColumns.FORMULA_WITHOUT_RESULT));
        if (!saysNoField || fieldLabel == null || fieldLabel.isBlank()) {
            return text;
        }
        return messages.getMessage("import.reason.inField", new Object[] {fieldLabel, text}, locale);
    }

    private static String labelKey(Object label) {
        return label instanceof MessageSourceResolvable l && l.getCodes() != null ? l.getCodes()[0] : String.valueOf(label);
    }

    private static Object argument(Object stored) {
        if (stored instanceof Map<?, ?> map && map.get("label") instanceof String label) {
            return new DefaultMessageSourceResolvable(label);
        }
        if (stored instanceof Map<?, ?> map && map.get("labels") instanceof List<?> labels) {
            return new Labels(labels.stream().map(String::valueOf).toList());
        }
        // JSON gives a decimal back as a double: said as it was written
        return stored instanceof Double d ? BigDecimal.valueOf(d) : stored;
    }

    /**
     * Labels named together ("same company name, phone"), joined by the reader's {@code list.separator}: the
     * separator is argument {0}, the labels {1}… of the default message "{1}{0}{2}", as {@link ListText} does.
     */
    private record Labels(List<String> keys) implements MessageSourceResolvable {

        @Override
        public String[] getCodes() {
            return null;
        }

        @Override
        public Object[] getArguments() {
            Object[] args = new Object[keys.size() + 1];
            args[0] = new DefaultMessageSourceResolvable("list.separator");
            for (int i = 0; i < keys.size(); i++) {
                args[i + 1] = new DefaultMessageSourceResolvable(new String[] {keys.get(i)}, null, keys.get(i));
            }
            return args;
        }

        @Override
        public String getDefaultMessage() {
            return ListText.joined(keys.size());
        }
    }

    /** A problem as a result page lists it: the line, the column as the template names it, the reason. */
    public record Shown(int line, String field, String reason) {
    }

    /** The first {@link #SHOWN} problems as a page lists them, and how many more the report holds. */
    public record Listing(List<Shown> shown, int more) {
    }
}
