package com.lead2cash.platform.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.repository.support.Repositories;

/**
 * Every field the audit trail records of an aggregate (every aggregate with a repository, the fields the audit listener
 * records of it) has its label on the audit screen, in both languages, and every code of a field that holds one its
 * label: a new field or a new code without one would show as the word in the code. So has each field of the lines a
 * creation records line by line (a quote's lines, an approval's steps), and each of its codes. And every kind of event
 * the code records (an export, a sign-in, a decision taken) has its action's label, and each key its detail is written
 * as its message: a new kind without one would show as its code.
 */
@IntegrationTest
class AuditedFieldLabelsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Autowired ApplicationContext app;
    @Autowired RelationalMappingContext mapping;
    @Autowired AggregateAuditListener listener;

    /** All bundle files of one language merged: en is the files without a suffix, zh-CN those ending _zh. */
    private static Properties bundles(boolean chinese) throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".properties")
                    && !f.getFileName().toString().startsWith("application")
                    && f.getFileName().toString().endsWith("_zh.properties") == chinese).toList()) {
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    all.load(r);
                }
            }
        }
        return all;
    }

    private record Audited(String type, RelationalPersistentProperty property, String of) {

        Audited(String type, RelationalPersistentProperty property) {
            this(type, property, "");
        }

        /** The field as the screen reads it: its name, or a line's field by its path ({@code lines.unitPrice}). */
        String field() {
            return of + property.getName();
        }
    }

    private List<Audited> audited() {
        List<Audited> fields = new ArrayList<>();
        new Repositories(app).forEach(type -> {
            RelationalPersistentEntity<?> entity = mapping.getRequiredPersistentEntity(type);
            listener.audited(entity).forEach(p -> fields.add(new Audited(type.getSimpleName(), p)));
        });
        return fields;
    }

    /**
     * The fields of the lines a creation records line by line (a quote's lines, an approval's steps): each as the
     * path the screen reads it by ({@code lines.unitPrice}).
     */
    private List<Audited> lineFields() {
        List<Audited> fields = new ArrayList<>();
        audited().forEach(f -> {
            RelationalPersistentEntity<?> line = listener.lines(f.property());
            if (line != null) {
                listener.audited(line).forEach(p -> fields.add(new Audited(f.type(), p, f.property().getName() + ".")));
            }
        });
        return fields;
    }

    private static boolean labelled(Properties bundle, String key) {
        String label = bundle.getProperty(key, "");
        return !label.isBlank() && !label.contains("{0");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyAuditedFieldHasItsLabelInBothLanguages(boolean chinese) throws IOException {
        Properties bundle = bundles(chinese);
        List<Audited> fields = audited();
        assertThat(fields).as("the aggregates the trail records").hasSizeGreaterThan(100)
                .anyMatch(f -> f.type().equals("Approval") && f.property().getName().equals("steps"));
        List<Audited> lines = lineFields();
        assertThat(lines).as("the fields of the lines a creation records line by line")
                .anyMatch(f -> f.type().equals("Quote") && f.field().equals("lines.unitPrice"))
                .anyMatch(f -> f.type().equals("Approval") && f.field().equals("steps.mode"));
        List<String> missing = Stream.concat(fields.stream(), lines.stream())
                .filter(f -> AuditWords.labelKeys(f.type(), f.field()).stream().noneMatch(key -> labelled(bundle, key)))
                .map(f -> f.type() + "." + f.field()).toList();
        assertThat(missing).as(chinese ? "zh-CN" : "en").isEmpty();
    }

    /** A field's label as the screen shows it: its first key the bundle labels, else its own name. */
    private static String label(Properties bundle, Audited f) {
        return AuditWords.labelKeys(f.type(), f.field()).stream().filter(key -> labelled(bundle, key))
                .map(bundle::getProperty).findFirst().orElse(f.property().getName());
    }

    /**
     * No two fields of one kind of record (nor of one kind of its lines) share a label in either language: a lead's
     * region as entered and its administrative division read "Region" twice in English.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theFieldsOfOneKindOfRecordHaveDistinctLabelsInBothLanguages(boolean chinese) throws IOException {
        Properties bundle = bundles(chinese);
        Map<String, Map<String, List<String>>> byLabel = new TreeMap<>();
        Stream.concat(audited().stream(), lineFields().stream()).forEach(f -> byLabel
                .computeIfAbsent(f.type() + (f.of().isEmpty() ? "" : "." + f.of()), t -> new TreeMap<>())
                .computeIfAbsent(label(bundle, f), l -> new ArrayList<>()).add(f.field()));
        assertThat(byLabel.get("Lead")).as("a lead's fields by their labels").isNotNull()
                .containsKey(chinese ? "区域" : "Region");
        List<String> shared = new ArrayList<>();
        byLabel.forEach((type, labels) -> labels.forEach((label, fields) -> {
            if (fields.size() > 1) {
                shared.add(type + " " + fields + " = " + label);
            }
        }));
        assertThat(shared).as(chinese ? "zh-CN" : "en").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyCodeOfAnAuditedFieldHasItsLabelInBothLanguages(boolean chinese) throws IOException {
        Properties bundle = bundles(chinese);
        List<String> missing = new ArrayList<>();
        for (Audited f : Stream.concat(audited().stream(), lineFields().stream()).toList()) {
            Class<?> type = f.property().getActualType();
            if (!type.isEnum()) {
                continue;
            }
            for (Object code : type.getEnumConstants()) {
                String name = ((Enum<?>) code).name();
                // a grade or a credit rating (A, B, C) is its own word
                if (name.length() > 1 && AuditWords.codeKeyPrefixes(f.type(), f.field()).stream()
                        .noneMatch(prefix -> labelled(bundle, prefix + "." + name))) {
                    missing.add(f.type() + "." + f.field() + "." + name);
                }
            }
        }
        assertThat(missing).as(chinese ? "zh-CN" : "en").isEmpty();
    }

    private static final Path SOURCES = Path.of("src/main/java");
    /** A field or parameter of the audit trail's types: the name its calls are made on. */
    private static final Pattern TRAIL = Pattern.compile("\\b(?:AuditTrail|AuditRecorder)\\s+(\\w+)\\s*[;,)=]");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+");

    /** What the code records: each call's action (its first text) and the message keys its detail is written as. */
    private record Recorded(Set<String> actions, Set<String> detailKeys) {
    }

    private static Recorded recorded() throws IOException {
        Set<String> actions = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f, StandardCharsets.UTF_8);
                Matcher trail = TRAIL.matcher(code);
                Set<String> names = new TreeSet<>();
                while (trail.find()) {
                    names.add(trail.group(1));
                }
                for (String name : names) {
                    Matcher call = Pattern.compile("\\b" + name + "\\.record(?:As|FieldChange|Change)?\\(").matcher(code);
                    while (call.find()) {
                        String args = code.substring(call.end(), code.indexOf(");", call.end()));
                        Matcher literal = LITERAL.matcher(args);
                        if (literal.find()) {
                            actions.add(literal.group(1));
                        }
                        while (literal.find()) {
                            if (KEY.matcher(literal.group(1)).matches()) {
                                keys.add(literal.group(1));
                            }
                        }
                    }
                }
            }
        }
        return new Recorded(actions, keys);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyKindOfEventRecordedHasItsLabelAndItsDetailsKeysTheirMessagesInBothLanguages(boolean chinese)
            throws IOException {
        Properties bundle = bundles(chinese);
        Recorded recorded = recorded();
        assertThat(recorded.actions()).as("the kinds of event the code records")
                .contains("CREATE", "UPDATE", "EXPORT", "IMPORT", "LOGIN", "LOGIN_FAILED", "LOCKED", "LOGOUT",
                        "calendar.settings", "FILE_STORED", "customer.merged");
        assertThat(recorded.detailKeys()).as("the keys details are written as")
                .contains("catalog.audit.exported", "lead.audit.exported", "audit.detail.accessRevoked");
        assertThat(recorded.actions().stream().filter(a -> !labelled(bundle, "audit.action." + a)).toList())
                .as(chinese ? "zh-CN" : "en").isEmpty();
        assertThat(recorded.detailKeys().stream().filter(k -> bundle.getProperty(k, "").isBlank()).toList())
                .as(chinese ? "zh-CN" : "en").isEmpty();
    }
}
