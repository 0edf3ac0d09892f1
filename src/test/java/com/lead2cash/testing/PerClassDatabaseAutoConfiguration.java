package com.lead2cash.testing;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * In a context on a {@link PerClassDatabase}: its database, named but not yet created, is created as a copy of one
 * this JVM migrated alike ({@link TestPostgres#createMigrated}); Flyway itself then has nothing to read or run.
 */
@AutoConfiguration
@ConditionalOnProperty(name = PerClassDatabase.ENABLED, havingValue = "true")
public class PerClassDatabaseAutoConfiguration {

    @Bean
    FlywayMigrationStrategy migrateFromATemplate() {
        return flyway -> {
            var configuration = flyway.getConfiguration();
            if (!(configuration.getDataSource() instanceof HikariDataSource pool) || pool.isRunning()) {
                throw new IllegalStateException("The per-class database is created before Flyway's migration, "
                        + "so nothing may connect to it earlier");
            }
            String url = pool.getJdbcUrl();
            TestPostgres.createMigrated(url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", ""),
                    configuration);
        };
    }
}
