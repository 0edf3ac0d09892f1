package com.lead2cash.testing;

import java.util.List;
import java.util.Map;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Every test context hashes passwords at bcrypt's lowest strength (4 instead of the product's 10). Tests
 * create people and sign them in by the hundred, and on the test JVMs (C1 only) one hash of strength 10
 * cost a quarter of a small test class's time; what a hash proves does not depend on its strength.
 */
public class CheapPasswordHashes implements ContextCustomizerFactory {

    static final int STRENGTH = 4;

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testPasswordHashes",
                    Map.of("l2c.security.password-hash-strength", STRENGTH)));
        }

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
