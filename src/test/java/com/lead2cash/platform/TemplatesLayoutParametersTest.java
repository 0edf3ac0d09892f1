package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A page is rendered inside its layout ({@code fragments/layout :: layout(title, content)}, the public pages'
 * {@code page(title, content)}), where the layout's parameters are local variables that hide the model's
 * attributes of the same names: a page reading {@code ${title}} gets the page heading, not what the
 * controller put there (the contract form showed "Draft contract" as the contract's title). So no page
 * reads a variable named like a layout's parameter.
 */
class TemplatesLayoutParametersTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern LAYOUT = Pattern.compile("th:fragment=\"[\\w-]+\\(([^)]*)\\)\"");

    @Test
    void noPageReadsAVariableNamedLikeItsLayoutsParameters() throws IOException {
        Set<String> parameters = new LinkedHashSet<>();
        List<Path> layouts = List.of(TEMPLATES.resolve("fragments/layout.html"),
                TEMPLATES.resolve("confirmation/public-layout.html"));
        for (Path layout : layouts) {
            Matcher m = LAYOUT.matcher(Files.readString(layout, StandardCharsets.UTF_8));
            assertThat(m.find()).as(layout + " declares its parameters").isTrue();
            for (String name : m.group(1).split(",")) {
                parameters.add(name.strip());
            }
        }
        assertThat(parameters).contains("title", "content");
        Pattern read = Pattern.compile("[$*]\\{\\s*(" + String.join("|", parameters) + ")\\b");
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html") && !layouts.contains(p)).toList()) {
                Matcher m = read.matcher(Files.readString(template, StandardCharsets.UTF_8));
                while (m.find()) {
                    found.add(template + ": " + m.group());
                }
            }
        }
        assertThat(found).as("name the model attribute otherwise (contractTitle, not title)").isEmpty();
    }
}
