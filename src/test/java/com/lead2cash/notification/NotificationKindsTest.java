package com.lead2cash.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of notification the code sends has its heading, label and description on the preferences page, in both
 * languages: the senders outside the notification module can only name a {@link NotificationKind}, and every kind
 * there has its bundle texts.
 */
class NotificationKindsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

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

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyKindHasItsHeadingLabelAndDescriptionInBothLanguages(boolean chinese) throws IOException {
        Properties bundle = bundles(chinese);
        List<String> missing = Arrays.stream(NotificationKind.values())
                .flatMap(k -> Stream.of(k.groupKey(), k.labelKey(), k.descriptionKey()))
                .filter(key -> bundle.getProperty(key, "").isBlank()).distinct().toList();
        assertThat(missing).as(chinese ? "zh-CN" : "en").isEmpty();
        assertThat(bundle.getProperty("notification.group.other", "")).isNotBlank();
    }

    @Test
    void everyKindHasOneNameThatCanBeMutedAndFoundAgain() {
        assertThat(Arrays.stream(NotificationKind.values()).map(NotificationKind::key))
                .doesNotHaveDuplicates().allMatch(k -> k.matches("[a-z]+\\.[a-zA-Z0-9.]+"));
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(NotificationKind.of(kind.key())).contains(kind);
        }
        assertThat(NotificationKind.of("no.such.kind")).isEmpty();
    }

    @Test
    void noModuleSendsAKindByAStringOfItsOwn() {
        JavaClasses product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.lead2cash");
        noClasses().that().resideOutsideOfPackage("com.lead2cash.notification..")
                .should().callCodeUnitWhere(DescribedPredicate.describe(
                        "a Notification made with a kind that is not a NotificationKind",
                        call -> call.getTargetOwner().isEquivalentTo(Notification.class)
                                && (call.getName().equals(JavaConstructor.CONSTRUCTOR_NAME)
                                || call.getName().equals("of")
                                && call.getTarget().getRawParameterTypes().get(1).isEquivalentTo(String.class))))
                .check(product);
    }

    @Test
    void aKindSaysItsGroupAndKeys() {
        assertThat(NotificationKind.RECEIVABLE_DUE_DATE_MOVED.group()).isEqualTo("receivable");
        assertThat(NotificationKind.AFTERSALES_COMPLAINT_LEVEL_ONE.labelKey())
                .isEqualTo("notification.kind.aftersales.complaint.levelOne");
        assertThat(NotificationKind.LEAD_CONTEST_MOVED.descriptionKey())
                .isEqualTo("notification.kind.lead.contest.moved.description");
    }
}
