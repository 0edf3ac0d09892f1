package com.lead2cash.testing;

import java.util.List;
import java.util.Map;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring context of the tests a database of its own: a copy of a database this JVM migrated from empty
 * (proving the migrations), created when the context's Flyway would migrate
 * ({@link PerClassDatabaseAutoConfiguration}). Test classes alike share a context, and each starts from the data
 * the context started with ({@link FreshDataPerClass}).
 */
public class PerClassDatabase implements ContextCustomizerFactory {

    static final String ENABLED = "l2c.test.per-class-database";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer(testClass.getSimpleName());
    }

    private static final class Customizer implements ContextCustomizer {

        /** Names the database after the first class to use it (a hint when reading the server's log). */
        private final String firstClass;

        Customizer(String firstClass) {
            this.firstClass = firstClass;
        }

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     MergedContextConfiguration config) {
            String url = TestPostgres.reserveDatabase(firstClass);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
                    ENABLED, "true",
                    "spring.datasource.url", url,
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "postgres",
                    // the shared server may stop before a context at JVM exit: don't wait 30 s for a connection then
                    "spring.datasource.hikari.connection-timeout", "5000",
                    // the next class's fresh data is put in place while no connection may be taken
                    "spring.datasource.hikari.allow-pool-suspension", "true")));
        }

        /** Alike whatever the class: the database does not set classes apart, their configuration does. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
