package com.lead2cash.confirmation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The frozen document a contact is asked to confirm: a title and sections, each a heading with a
 * paragraph, a list or a table — enough for a needs-analysis report, negotiation minutes, a quote or an
 * acceptance form. The owning module renders headings in the recipient's language when it asks; the
 * public page shows exactly this, escaped. Texts are kept in Unicode NFC with {@code \n} line ends, so
 * the same content always has the same {@link #canonicalJson() canonical form} and {@link #sha256() hash}.
 */
public record ConfirmationDocument(String title, List<Section> sections) {

    /** The identifier of the canonical form; a later change of the form gets a new one. */
    public static final String FORMAT = "l2c-confirmation-document/1";

    public ConfirmationDocument {
        title = clean(Objects.requireNonNull(title, "title"));
        sections = List.copyOf(Objects.requireNonNull(sections, "sections"));
    }

    /** One part of the document; the heading may be empty. */
    public sealed interface Section permits Paragraph, Items, Table {
        String heading();

        /** "text", "list" or "table", as in the canonical form. */
        String kind();
    }

    /** A heading with free text (line breaks kept). */
    public record Paragraph(String heading, String text) implements Section {
        public Paragraph {
            heading = clean(heading);
            text = clean(text);
        }

        @Override
        public String kind() {
            return "text";
        }
    }

    /** A heading with a list, numbered when {@code ordered} (ranked pain points). */
    public record Items(String heading, List<String> items, boolean ordered) implements Section {
        public Items {
            heading = clean(heading);
            items = items.stream().map(ConfirmationDocument::clean).toList();
        }

        @Override
        public String kind() {
            return "list";
        }
    }

    /** A heading with a table: column titles and rows of cells (a row as long as the columns). */
    public record Table(String heading, List<String> columns, List<List<String>> rows) implements Section {
        public Table {
            heading = clean(heading);
            columns = columns.stream().map(ConfirmationDocument::clean).toList();
            rows = rows.stream().map(r -> r.stream().map(ConfirmationDocument::clean).toList()).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a table row has " + row.size() + " cells for "
                            + columns.size() + " columns");
                }
            }
        }

        @Override
        public String kind() {
            return "table";
        }
    }

    /**
     * The canonical form that is hashed: compact JSON, keys in a fixed order, strings escaped minimally
     * (quote, backslash, and control characters as a backslash-u escape with four lowercase hex digits),
     * UTF-8.
     */
    public String canonicalJson() {
        StringBuilder out = new StringBuilder();
        out.append("{\"format\":");
        string(out, FORMAT);
        out.append(",\"title\":");
        string(out, title);
        out.append(",\"sections\":[");
        for (int i = 0; i < sections.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Section section = sections.get(i);
            out.append("{\"heading\":");
            string(out, section.heading());
            if (section instanceof Paragraph p) {
                out.append(",\"kind\":\"text\",\"text\":");
                string(out, p.text());
            } else if (section instanceof Items l) {
                out.append(",\"kind\":\"list\",\"ordered\":").append(l.ordered()).append(",\"items\":");
                strings(out, l.items());
            } else if (section instanceof Table t) {
                out.append(",\"kind\":\"table\",\"columns\":");
                strings(out, t.columns());
                out.append(",\"rows\":[");
                for (int r = 0; r < t.rows().size(); r++) {
                    if (r > 0) {
                        out.append(',');
                    }
                    strings(out, t.rows().get(r));
                }
                out.append(']');
            }
            out.append('}');
        }
        return out.append("]}").toString();
    }

    /** SHA-256 of the UTF-8 bytes of the canonical form, lowercase hex. */
    public String sha256() {
        return sha256(canonicalJson());
    }

    public static String sha256(String canonicalJson) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("text with a NUL character");
        }
        return Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    }

    private static void strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        out.append(']');
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
