package com.lead2cash.testing;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * In a context on a {@link PerClassDatabase}: its still empty database becomes a copy of one this JVM migrated alike
 * before, if there is one (the migration then finds nothing to do); otherwise the migrations run and a template is
 * kept for the next test classes.
 */
@AutoConfiguration
@ConditionalOnProperty(name = PerClassDatabase.ENABLED, havingValue = "true")
public class PerClassDatabaseAutoConfiguration {

    @Bean
    FlywayMigrationStrategy migrateFromATemplate() {
        return flyway -> {
            var configuration = flyway.getConfiguration();
            if (configuration.getDataSource() instanceof HikariDataSource pool && !pool.isRunning()) {
                String url = pool.getJdbcUrl();
                TestPostgres.copyTemplate(url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", ""),
                        configuration);
            }
            flyway.migrate();
            TestPostgres.keepAsTemplate(configuration);
        };
    }
}
