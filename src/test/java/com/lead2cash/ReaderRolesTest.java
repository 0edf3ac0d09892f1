package com.lead2cash;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module says who reads its records twice: as {@code READER_ROLES}, the expression its routes' {@code @PreAuthorize}
 * takes, and as {@code READERS}, the set its pages ask before they show a card or a link. The two must name the same
 * roles, or a page offers what the route refuses (a card "Loading…" for ever) or hides what it would answer.
 */
class ReaderRolesTest {

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    @Test
    void everyModulesReaderRolesAndReadersNameTheSameRoles() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : mainClasses()) {
            Set<String> fields = Arrays.stream(type.getDeclaredFields()).map(Field::getName).collect(Collectors.toSet());
            if (!fields.contains("READER_ROLES") || !fields.contains("READERS")) {
                continue;
            }
            String expression = (String) constant(type, "READER_ROLES");
            Set<Role> fromExpression = EnumSet.noneOf(Role.class);
            Matcher m = ROLE.matcher(expression);
            while (m.find()) {
                fromExpression.add(Role.valueOf(m.group(1)));
            }
            assertThat(expression).as(type.getName()).startsWith("hasAnyRole(");
            assertThat(fromExpression).as(type.getName() + ": READER_ROLES against READERS")
                    .isEqualTo(constant(type, "READERS"));
            checked.add(type.getSimpleName());
        }
        assertThat(checked).as("the modules that say it twice").hasSizeGreaterThanOrEqualTo(8);
    }

    /** The application's own classes, loaded without running their initialisers (read from where Role was loaded). */
    private static List<Class<?>> mainClasses() throws Exception {
        Path root = Path.of(Role.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<Class<?>> classes = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        ReaderRolesTest.class.getClassLoader()));
            }
            return classes;
        }
    }

    private static Object constant(Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }
}
