package com.lead2cash.platform.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default way to run: a real PostgreSQL, started in-process from binaries shipped through Maven
 * Central, with its data under {@code ./data/} so it survives restarts — and crashes: it runs as durably
 * as any production PostgreSQL (zonky's builder starts it with {@code -F} and asynchronous commit, for
 * tests; both are switched back on here). Setting {@code spring.datasource.url} switches this off and
 * Boot connects to that database instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    static final String DATABASE = "lead2cash";
    /**
     * An acknowledged commit is on disk; a torn page is repaired from the log. Tests may relax these, the product
     * not; the benchmark's database serves with them, so its writes cost what the product's do.
     */
    public static final Map<String, String> DURABILITY = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The server and the lock on its data directory, released after the server has stopped. */
    static final class EmbeddedDatabase implements Closeable {

        private final EmbeddedPostgres postgres;
        private final DataDirectoryGuard guard;
        private final Path dataDir;
        private final Duration shutdownWait;

        EmbeddedDatabase(EmbeddedPostgres postgres, DataDirectoryGuard guard, Path dataDir, Duration shutdownWait) {
            this.postgres = postgres;
            this.guard = guard;
            this.dataDir = dataDir;
            this.shutdownWait = shutdownWait;
        }

        EmbeddedPostgres postgres() {
            return postgres;
        }

        @Override
        public void close() throws IOException {
            try {
                // zonky waits only 5 s for the shutdown checkpoint; the directory is free only once the server is gone
                var postmaster = DataDirectoryGuard.postmaster(dataDir);
                postgres.close();
                postmaster.ifPresent(p -> DataDirectoryGuard.awaitExit(p, shutdownWait));
            } finally {
                guard.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedPostgres(@Value("${l2c.embedded.data-dir}") Path dataDir,
                                      @Value("${l2c.embedded.port}") int port,
                                      @Value("${l2c.embedded.shutdown-wait:60s}") Duration shutdownWait)
            throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        DataDirectoryGuard guard = DataDirectoryGuard.acquire(dir);
        try {
            Files.createDirectories(dir);
            guard.clearLeftovers(dir, shutdownWait);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // Spring closes the server with the context; a JVM hook as well makes every exit wait 30 s
                    .setRegisterShutdownHook(false)
                    // crash recovery after a kill replays the log before the server answers
                    .setPGStartupWait(Duration.ofMinutes(5))
                    .setServerConfig("timezone", "UTC");
            DURABILITY.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {} (fsync, synchronous_commit and "
                    + "full_page_writes on)", postgres.getPort(), dir);
            return new EmbeddedDatabase(postgres, guard, dir, shutdownWait);
        } catch (IOException | RuntimeException e) {
            guard.close();
            throw e;
        }
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) throws SQLException {
        EmbeddedPostgres postgres = database.postgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            boolean exists = c.createStatement()
                    .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next();
            if (!exists) {
                c.createStatement().execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        }
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("lead2cash");
        // as spring.datasource.hikari.data-source-properties sets it for an external database
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        return ds;
    }
}
