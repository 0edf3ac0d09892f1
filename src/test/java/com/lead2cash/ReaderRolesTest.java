package com.lead2cash;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.lead2cash")) {
            if (!type.tryGetField("READER_ROLES").isPresent() || !type.tryGetField("READERS").isPresent()) {
                continue;
            }
            Class<?> loaded = type.reflect();
            String expression = (String) constant(loaded, "READER_ROLES");
            Set<Role> fromExpression = EnumSet.noneOf(Role.class);
            Matcher m = ROLE.matcher(expression);
            while (m.find()) {
                fromExpression.add(Role.valueOf(m.group(1)));
            }
            assertThat(expression).as(loaded.getName()).startsWith("hasAnyRole(");
            assertThat(fromExpression).as(loaded.getName() + ": READER_ROLES against READERS")
                    .isEqualTo(constant(loaded, "READERS"));
            checked.add(loaded.getSimpleName());
        }
        assertThat(checked).as("the modules that say it twice").hasSizeGreaterThanOrEqualTo(8);
    }

    private static Object constant(Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }
}
