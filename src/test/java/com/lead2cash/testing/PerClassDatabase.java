package com.lead2cash.testing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every test class that starts a Spring context its own fresh database, so each class starts
 * from clean data: a copy of a database this JVM migrated from empty (proving the migrations), created when the
 * context's Flyway would migrate ({@link PerClassDatabaseAutoConfiguration}).
 */
public class PerClassDatabase implements ContextCustomizerFactory {

    static final String ENABLED = "l2c.test.per-class-database";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer(testClass.getName());
    }

    private static final class Customizer implements ContextCustomizer {

        private final String testClass;

        Customizer(String testClass) {
            this.testClass = testClass;
        }

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     MergedContextConfiguration config) {
            String url = TestPostgres.reserveDatabase(testClass.substring(testClass.lastIndexOf('.') + 1));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
                    ENABLED, "true",
                    "spring.datasource.url", url,
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "postgres",
                    // the shared server may stop before a context at JVM exit: don't wait 30 s for a connection then
                    "spring.datasource.hikari.connection-timeout", "5000")));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Customizer other && other.testClass.equals(testClass);
        }

        @Override
        public int hashCode() {
            return Objects.hash(testClass);
        }
    }
}
