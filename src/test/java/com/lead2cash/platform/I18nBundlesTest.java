package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every UI text exists in English and Chinese, and templates use no key that the bundles lack. */
class I18nBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    /** Every bundle the application registers (spring.messages.basename), so a new module's bundle is checked too. */
    static java.util.stream.Stream<String> registeredBundles() throws IOException {
        String line = Files.readAllLines(RESOURCES.resolve("application.yml"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.strip().startsWith("basename:")).findFirst().orElseThrow();
        return java.util.Arrays.stream(line.strip().substring("basename:".length()).split(",")).map(String::strip);
    }

    /** The checks below run over the registered bundles: a bundle file left out of the list would escape them. */
    @Test
    void everyBundleFileIsRegistered() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            assertThat(files.map(f -> RESOURCES.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".properties") && !f.startsWith("application"))
                    .map(f -> f.substring(0, f.length() - ".properties".length()).replaceFirst("_zh$", ""))
                    .distinct().toList())
                    .containsExactlyInAnyOrderElementsOf(registeredBundles().toList());
        }
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

    /** An argument of a text, {0} or {0,number,#}: its index and its format (empty for a plain one). */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)([^}]*)}");
    /** A plain argument, {0}, which a formatted text shows as the argument given. */
    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("\\{(\\d+)}");
    /** What is left of an argument MessageFormat did not fill in. */
    private static final Pattern UNFILLED = Pattern.compile("\\{\\d");

    /**
     * A text with arguments goes through MessageFormat, where a lone apostrophe starts a quoted part: "the
     * catalogue's: {0}" prints "the catalogues: {0}", the argument never filled in. Each such text, in each
     * language, is formatted here as Spring formats it (the application's message-source settings, dummy
     * arguments): every argument must be filled in and every apostrophe kept. A text that takes no arguments
     * is formatted too when {@code spring.messages.always-use-message-format} is on.
     */
    @ParameterizedTest
    @MethodSource("registeredBundles")
    void aFormattedTextFillsEveryArgumentAndKeepsItsApostrophes(String basename) throws IOException {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(basename);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(alwaysUseMessageFormat());
        Properties en = load(RESOURCES.resolve(basename + ".properties"));
        Properties zh = load(RESOURCES.resolve(basename + "_zh.properties"));
        SoftAssertions softly = new SoftAssertions();
        for (String key : en.stringPropertyNames()) {
            String both = en.getProperty(key) + "\n" + zh.getProperty(key, "");
            Matcher m = ARGUMENT.matcher(both);
            int count = 0;
            java.util.Set<Integer> numeric = new java.util.HashSet<>();
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                count = Math.max(count, n + 1);
                if (!m.group(2).isEmpty()) {
                    numeric.add(n); // {0,number,#} and {0,choice,…} take a number
                }
            }
            if (count == 0 && !alwaysUseMessageFormat()) {
                continue; // shown as written: aTextWithoutArgumentsHasNoDoubledApostrophe
            }
            Object[] args = new Object[Math.max(count, 1)];
            for (int i = 0; i < args.length; i++) {
                args[i] = numeric.contains(i) ? (Object) 7 : "‹" + i + "›";
            }
            for (var language : java.util.Map.of(Locale.ENGLISH, en, Locale.CHINESE, zh).entrySet()) {
                String raw = language.getValue().getProperty(key);
                if (raw == null) {
                    continue;
                }
                String where = basename + " " + language.getKey() + " " + key + " = " + raw;
                String shown = source.getMessage(key, args, language.getKey());
                softly.assertThat(shown).as(where).doesNotContainPattern(UNFILLED);
                Matcher simple = PLAIN_ARGUMENT.matcher(raw);
                while (simple.find()) {
                    if (!numeric.contains(Integer.parseInt(simple.group(1)))) {
                        softly.assertThat(shown).as(where).contains("‹" + simple.group(1) + "›");
                    }
                }
                softly.assertThat(apostrophes(shown)).as(where + " → " + shown).isEqualTo(apostrophes(raw.replace("''", "'")));
            }
        }
        softly.assertAll();
    }

    private static long apostrophes(String text) {
        return text.chars().filter(c -> c == '\'').count();
    }

    /** spring.messages.always-use-message-format in application.yml (Spring's default: off). */
    private static boolean alwaysUseMessageFormat() throws IOException {
        return Files.readAllLines(RESOURCES.resolve("application.yml"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> l.startsWith("always-use-message-format:"))
                .anyMatch(l -> l.endsWith("true"));
    }

    /** Every English text of every bundle (the Chinese ones have the same keys, checked above). */
    private static Properties allEnglish() throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".properties") && !f.toString().contains("_zh")
                    && !f.getFileName().toString().startsWith("application")).toList()) {
                all.putAll(load(p));
            }
        }
        return all;
    }

    /** The audit screen names each action in words, and offers each in its filter: every action recorded has one. */
    @Test
    void everyActionTheAuditTrailRecordsHasItsLabel() throws IOException {
        Properties all = allEnglish();
        Pattern recorded = Pattern.compile("audit\\.record\\(\"([^\"]+)\"");
        int found = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = recorded.matcher(Files.readString(source));
                while (m.find()) {
                    found++;
                    assertThat(all).as("audit.action." + m.group(1) + " recorded in " + source)
                            .containsKey("audit.action." + m.group(1));
                }
            }
        }
        assertThat(found).as("the audit calls were found").isGreaterThan(10);
    }

    /**
     * The audit screen names each record type in words, in its rows and its filter: every aggregate saved through a
     * repository (the aggregate listener records it by its class name) and every type an audit call names has one.
     */
    @Test
    void everyRecordTypeTheAuditTrailRecordsHasItsLabel() throws IOException {
        Properties all = allEnglish();
        Pattern aggregate = Pattern.compile("Repository<\\s*([A-Z]\\w*)\\s*,");
        Pattern named = Pattern.compile("audit\\.(?:record|recordFieldChange)\\(\"[^\"]+\",\\s*(\"([^\"]+)\"|[\\w.]+)");
        Pattern constant = Pattern.compile("static final String (\\w+) = \"([^\"]+)\"");
        java.util.Map<String, String> constants = new java.util.HashMap<>();
        java.util.Map<String, String> types = new java.util.TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                String owner = source.getFileName().toString().replace(".java", "");
                java.util.Map<String, String> own = new java.util.HashMap<>();
                for (Matcher m = constant.matcher(text); m.find(); ) {
                    own.put(m.group(1), m.group(2));
                    constants.put(owner + "." + m.group(1), m.group(2));
                }
                for (Matcher m = aggregate.matcher(text); m.find(); ) {
                    types.put(m.group(1), source.toString());
                }
                for (Matcher m = named.matcher(text); m.find(); ) {
                    // a literal, a constant of this class, or another class's constant (resolved below)
                    types.put(m.group(2) != null ? m.group(2) : own.getOrDefault(m.group(1), m.group(1)), source.toString());
                }
            }
        }
        assertThat(types).as("the audited types were found").hasSizeGreaterThan(20);
        SoftAssertions softly = new SoftAssertions();
        types.forEach((type, source) -> {
            String resolved = constants.getOrDefault(type, type);
            softly.assertThat(all.containsKey("record.type." + resolved))
                    .as("record.type." + resolved + " recorded in " + source).isTrue();
        });
        softly.assertAll();
    }

    @Test
    void templatesOnlyUseKeysThatExist() throws IOException {
        Properties all = allEnglish();
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
