package com.lead2cash.confirmation.internal;

import com.lead2cash.confirmation.ConfirmationDocument;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a stored document back from its canonical form, to show it. */
public final class DocumentCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DocumentCodec() {
    }

    static ConfirmationDocument parse(String canonicalJson) {
        JsonNode root = JSON.readTree(canonicalJson);
        if (!ConfirmationDocument.FORMAT.equals(root.path("format").asString())) {
            throw new IllegalStateException("unknown document format " + root.path("format"));
        }
        List<ConfirmationDocument.Section> sections = new ArrayList<>();
        for (JsonNode s : root.path("sections")) {
            String heading = s.path("heading").asString();
            switch (s.path("kind").asString()) {
                case "text" -> sections.add(new ConfirmationDocument.Paragraph(heading, s.path("text").asString()));
                case "list" -> sections.add(new ConfirmationDocument.Items(heading, strings(s.path("items")),
                        s.path("ordered").asBoolean()));
                case "table" -> {
                    List<List<String>> rows = new ArrayList<>();
                    s.path("rows").forEach(r -> rows.add(strings(r)));
                    sections.add(new ConfirmationDocument.Table(heading, strings(s.path("columns")), rows));
                }
                default -> throw new IllegalStateException("unknown section kind " + s.path("kind"));
            }
        }
        return new ConfirmationDocument(root.path("title").asString(), sections);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
