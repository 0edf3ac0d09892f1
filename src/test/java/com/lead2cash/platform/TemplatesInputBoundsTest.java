package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A date, date-time or month field tells the browser the years a record can have through one short name,
 * {@code @inputBounds} ({@code platform.internal.web.InputBounds}), not the class's full name repeated in every
 * template (it was written some 40 times). The pages' tests check the values the fields carry.
 */
class TemplatesInputBoundsTest {

    @Test
    void templatesReadTheYearsOfARecordThroughInputBounds() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(TemplatesLayoutParametersTest.TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("T(com.lead2cash.platform.InputRules)")) {
                        found.add(template + ":" + (i + 1));
                    }
                }
            }
        }
        assertThat(found).as("write ${@inputBounds.firstDate} (lastDate, firstDateTime, firstMonth, …)").isEmpty();
    }
}
