package com.lead2cash.sop.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/sop-rules.md}, the product's own description of its SOP rules, says what the rule
 * catalogue says — the same ids, defaults and sources — and every class it names exists, with tests
 * named after the rule.
 */
class SopRulesDocumentTest {

    static final Path DOCUMENT = Path.of("docs/sop-rules.md");
    static final Path MAIN = Path.of("src/main/java/com/lead2cash");
    static final Path TEST = Path.of("src/test/java/com/lead2cash");
    static final String NOT_BUILT = "not built yet";
    static final Pattern FILE = Pattern.compile("`([\\w/]+\\.java)`");

    /** One row of the document's table. */
    record Row(String id, String rule, String defaults, String source, String enforcedIn, String testedBy) {
    }

    static Map<String, Row> rows() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOCUMENT)) {
            if (!line.matches("\\| [A-Z]\\d+ \\|.*")) {
                continue;
            }
            String[] cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip)
                    .toArray(String[]::new);
            assertThat(cells).as(line).hasSize(6);
            assertThat(rows.put(cells[0], new Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5])))
                    .as("rule " + cells[0] + " described twice").isNull();
        }
        return rows;
    }

    @Test
    void theDocumentDescribesExactlyTheRulesOfTheCatalogue() throws IOException {
        assertThat(rows().keySet()).containsExactlyElementsOf(RuleCatalog.all().stream().map(RuleCatalog.RuleDef::id)
                .toList());
    }

    @Test
    void everyDefaultAndSourceIsTheCataloguesOwn() throws IOException {
        Map<String, Row> rows = rows();
        for (RuleCatalog.RuleDef rule : RuleCatalog.all()) {
            Row row = rows.get(rule.id());
            String defaults = rule.params().isEmpty() ? "—" : rule.params().stream()
                    .map(p -> p.name() + "=" + p.type().format(p.defaultValue())).collect(Collectors.joining("; "));
            assertThat(row.defaults()).as(rule.id() + " defaults").isEqualTo(defaults);
            String sources = rule.sources().stream().map(s -> s.equals("COMMON") ? "common practice" : s)
                    .collect(Collectors.joining(", "));
            assertThat(row.source()).as(rule.id() + " source").isEqualTo(sources);
            assertThat(row.rule()).as(rule.id() + " rule").isNotBlank();
        }
    }

    @Test
    void exactlyTheRulesTheDocumentSaysAreNotBuiltAreNotInForce() throws IOException {
        assertThat(RuleCatalog.all().stream().filter(r -> !r.inForce()).map(RuleCatalog.RuleDef::id))
                .containsExactlyElementsOf(rows().values().stream().filter(r -> r.enforcedIn().equals(NOT_BUILT))
                        .map(Row::id).toList())
                .contains("T1", "T7", "E1", "E3");
    }

    @Test
    void everyBuiltRuleNamesTheClassThatDecidesItAndTestsNamedAfterIt() throws IOException {
        for (Row row : rows().values()) {
            if (row.enforcedIn().equals(NOT_BUILT)) {
                assertThat(row.testedBy()).as(row.id()).isEqualTo(NOT_BUILT);
                continue;
            }
            List<String> enforcing = files(row.enforcedIn());
            List<String> tests = files(row.testedBy());
            assertThat(enforcing).as(row.id() + " enforced in").isNotEmpty()
                    .allSatisfy(f -> assertThat(MAIN.resolve(f)).as(row.id()).exists());
            assertThat(tests).as(row.id() + " tested by").isNotEmpty()
                    .allSatisfy(f -> assertThat(TEST.resolve(f)).as(row.id()).exists());
            boolean named = false;
            for (String test : tests) {
                named |= Files.readString(TEST.resolve(test)).contains("void " + row.id() + "_");
            }
            assertThat(named).as(row.id() + ": a test whose name starts with the rule id").isTrue();
        }
    }

    private static List<String> files(String cell) {
        Matcher m = FILE.matcher(cell);
        List<String> files = new java.util.ArrayList<>();
        while (m.find()) {
            files.add(m.group(1));
        }
        return files;
    }
}
