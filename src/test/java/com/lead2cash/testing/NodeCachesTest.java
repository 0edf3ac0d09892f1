package com.lead2cash.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * What an application bean keeps between requests, besides the beans it was given, is either a cache of the
 * database the next test class sharing its context must not see ({@link FreshDataPerClass} forgets it) or
 * knowledge of the code, alike for every database — reviewed here, so a new cache cannot slip between.
 */
class NodeCachesTest {

    /** Fields filled from the code or configuration alone, never from the data. */
    private static final Set<String> OF_THE_CODE = Set.of(
            "AggregateAuditListener.auditedByType", // audited properties by aggregate type
            "NewAggregateInserts.inserts", // insert statements by aggregate type
            "SchemaRules.nullableObjects", // schemas of the API document
            // the beans of other modules it was given
            "ContractController.panels", "CustomerMerge.participants", "CustomerTimeline.contributors",
            "JdbcFileStore.readers", "OpenBusinessCheck.modules", "OpportunityController.panels",
            "OpportunityService.signedContracts", "OpportunityService.acceptedQuotes",
            "PolicyReplay.routingReplays", "ShellController.panels", "ShellModelAdvice.navigation",
            "SubjectDirectory.byType", "SubjectLabels.describers");
    /** A cache of the data that is not an AtomicReference or volatile field, forgotten by name. */
    private static final Set<String> FORGOTTEN_BY_NAME = Set.of("SearchKeyStatistics.read");

    @Test
    void everyCacheOfTheDatabaseInAnApplicationBeanIsForgottenBetweenTestClasses() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(true);
        Set<String> forgotten = new TreeSet<>();
        Set<String> unreviewed = new TreeSet<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("com.lead2cash")) {
            Class<?> type = ClassUtils.forName(bean.getBeanClassName(), getClass().getClassLoader());
            for (Class<?> t = type; FreshDataPerClass.isApplication(t); t = t.getSuperclass()) {
                for (Field field : t.getDeclaredFields()) {
                    String name = t.getSimpleName() + "." + field.getName();
                    if (FreshDataPerClass.isNodeCache(field)) {
                        forgotten.add(name);
                    } else if (keepsState(field) && !OF_THE_CODE.contains(name) && !FORGOTTEN_BY_NAME.contains(name)) {
                        unreviewed.add(name);
                    }
                }
            }
        }
        assertThat(unreviewed).as("state of a bean neither forgotten nor reviewed as the code's own").isEmpty();
        assertThat(forgotten).contains("PolicyService.cached", "FieldRuleService.cached", "LeadRouter.known",
                "CalendarService.cached", "ConfirmationLinks.key");
    }

    /** A field a bean may fill while it serves: not static, and mutable or a container it may add to. */
    private static boolean keepsState(Field field) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)) {
            return false;
        }
        return !Modifier.isFinal(modifiers) || Map.class.isAssignableFrom(field.getType())
                || Collection.class.isAssignableFrom(field.getType());
    }
}
