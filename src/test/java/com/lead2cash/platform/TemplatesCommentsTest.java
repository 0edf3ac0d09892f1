package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A comment in a template is for its developers: written as Thymeleaf's parser-level comment ({@code <!--/* … *}{@code /-->})
 * it stays on the server, where a plain HTML comment is sent to every reader — a customer's confirmation page showed
 * one explaining how its links end.
 */
class TemplatesCommentsTest {

    static final Pattern SENT_COMMENT = Pattern.compile("<!--(?!/\\*)");

    @Test
    void noTemplateSendsItsDevelopersCommentsToTheBrowser() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(TemplatesLayoutParametersTest.TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(template, StandardCharsets.UTF_8);
                Matcher m = SENT_COMMENT.matcher(text);
                while (m.find()) {
                    found.add(template + ":" + (text.substring(0, m.start()).lines().count() + 1));
                }
            }
        }
        assertThat(found).as("write <!--/* … */--> instead").isEmpty();
    }
}
