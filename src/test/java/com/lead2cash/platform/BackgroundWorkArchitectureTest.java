package com.lead2cash.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Background work has one mechanism, db-scheduler tasks on the node's one scheduler
 * (docs/decisions/0005-background-work.md): no Spring timer, no executor or thread pool of a module's
 * own, whose work would die with its node and run on every node.
 */
class BackgroundWorkArchitectureTest {

    private final JavaClasses product = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.lead2cash");

    @Test
    void noTimerOrAsyncMethodRunsWorkOutsideTheScheduler() {
        noMethods().should().beAnnotatedWith("org.springframework.scheduling.annotation.Scheduled")
                .orShould().beAnnotatedWith("org.springframework.scheduling.annotation.Async")
                .check(product);
        noClasses().should().beAnnotatedWith("org.springframework.scheduling.annotation.EnableScheduling")
                .orShould().beAnnotatedWith("org.springframework.scheduling.annotation.EnableAsync")
                .orShould().implement("org.springframework.scheduling.annotation.SchedulingConfigurer")
                .check(product);
    }

    @Test
    void noModuleStartsAThreadPoolOfItsOwn() {
        noClasses().should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a factory method of java.util.concurrent.Executors",
                        call -> call.getTargetOwner().isEquivalentTo(java.util.concurrent.Executors.class)))
                .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.ExecutorService.class)
                .check(product);
    }
}
