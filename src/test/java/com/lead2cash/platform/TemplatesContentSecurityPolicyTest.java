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
 * The pages' Content-Security-Policy allows scripts only from files of the server: a template with an
 * inline script, an inline event handler or a {@code javascript:} link would be refused by the browser,
 * so none may have one (behaviour goes into {@code static/js/app.js}).
 */
class TemplatesContentSecurityPolicyTest {

    static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    static final Pattern INLINE_HANDLER = Pattern.compile(
            "(?<![\\w-])(th:)?on[a-z]+\\s*=|th:attr=\"[^\"]*\\bon[a-z]+\\s*=|javascript:|hx-on|x-on:|@click");

    @Test
    void noTemplateHasAnInlineScriptOrEventHandler() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template, StandardCharsets.UTF_8);
                for (Pattern forbidden : List.of(INLINE_SCRIPT, INLINE_HANDLER)) {
                    Matcher m = forbidden.matcher(html);
                    while (m.find()) {
                        found.add(template + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
