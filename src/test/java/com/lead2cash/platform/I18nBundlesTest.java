package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every UI text exists in English and Chinese, and templates use no key that the bundles lack. */
class I18nBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    /** Every bundle the application registers (spring.messages.basename), so a new module's bundle is checked too. */
    static java.util.stream.Stream<String> registeredBundles() throws IOException {
        String line = Files.readAllLines(RESOURCES.resolve("application.yml"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.strip().startsWith("basename:")).findFirst().orElseThrow();
        return java.util.Arrays.stream(line.strip().substring("basename:".length()).split(",")).map(String::strip);
    }

    @ParameterizedTest
    @MethodSource("registeredBundles")
    void englishAndChineseBundlesHaveTheSameKeys(String basename) throws IOException {
        Properties en = load(RESOURCES.resolve(basename + ".properties"));
        Properties zh = load(RESOURCES.resolve(basename + "_zh.properties"));
        assertThat(zh.stringPropertyNames()).as(basename + "_zh vs " + basename)
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        zh.forEach((k, v) -> assertThat(v.toString()).as("zh " + k).isNotBlank());
    }

    /**
     * A text without arguments is shown as written (Spring formats a message only when it has arguments), so
     * an apostrophe doubled for MessageFormat would show doubled: "the buyer''s name".
     */
    @ParameterizedTest
    @MethodSource("registeredBundles")
    void aTextWithoutArgumentsHasNoDoubledApostrophe(String basename) throws IOException {
        for (String suffix : new String[] {"", "_zh"}) {
            Properties bundle = load(RESOURCES.resolve(basename + suffix + ".properties"));
            bundle.forEach((k, v) -> {
                String text = v.toString();
                if (!text.matches("(?s).*\\{\\d+[^}]*}.*")) {
                    assertThat(text).as(basename + suffix + " " + k).doesNotContain("''");
                }
            });
        }
    }

    @Test
    void templatesOnlyUseKeysThatExist() throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".properties") && !f.toString().contains("_zh")
                    && !f.getFileName().toString().startsWith("application")).toList()) {
                all.putAll(load(p));
            }
        }
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][\\w.]*)(\\(|})");
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path t : templates.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literalKey.matcher(Files.readString(t));
                while (m.find()) {
                    assertThat(all).as("key " + m.group(1) + " used in " + t).containsKey(m.group(1));
                }
            }
        }
    }

    private static Properties load(Path path) throws IOException {
        Properties p = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
