package com.lead2cash.testing;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * In a context on a {@link PerClassDatabase}: its still empty database becomes a copy of one this JVM migrated alike
 * before, if there is one (and the migrations are not read again); otherwise the migrations run and a template is
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
                if (TestPostgres.copyTemplate(url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", ""),
                        configuration)) {
                    // the copy is of a database these migrations made in this JVM: validating them again finds
                    // nothing to do, after reading and checksumming every script (about 0.35 s a context)
                    return;
                }
            }
            flyway.migrate();
            TestPostgres.keepAsTemplate(configuration);
        };
    }
}
