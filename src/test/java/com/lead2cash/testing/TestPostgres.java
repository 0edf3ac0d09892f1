package com.lead2cash.testing;

import com.lead2cash.platform.internal.db.EmbeddedPostgresConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** One real PostgreSQL per test JVM; every test class gets a database of its own on it. */
public final class TestPostgres {

    static final String DURABLE = "l2c.test.durable";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;
    /** Migrated databases to copy, by what they were migrated with ({@link #templateKey}). */
    private static final Map<String, String> TEMPLATES = new ConcurrentHashMap<>();

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("l2c-test-pg"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("timezone", "UTC")
                        .setRegisterShutdownHook(false);
                durability().forEach(builder::setServerConfig);
                server = builder.start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the temporary data directory goes with the machine's tmp
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /**
     * Tests need not wait for the disk. The bench profile sets {@value #DURABLE}: its module benchmarks measure
     * writes as the product commits them (a commit waits for its log on disk).
     */
    static Map<String, String> durability() {
        return Boolean.getBoolean(DURABLE) ? EmbeddedPostgresConfiguration.DURABILITY
                : EmbeddedPostgresConfiguration.DURABILITY.keySet().stream().collect(Collectors.toMap(s -> s, s -> "off"));
    }

    /** A fresh, empty database; returns its JDBC URL. */
    public static String newDatabase(String hint) {
        String name = name(hint);
        execute("create database " + name);
        return server().getJdbcUrl("postgres", name);
    }

    /** The JDBC URL a database of this name will have, before {@link #createMigrated} creates it. */
    static String reserveDatabase(String hint) {
        return server().getJdbcUrl("postgres", name(hint));
    }

    /**
     * Creates the database {@code name} as a copy of the template this JVM migrated with this Flyway configuration,
     * migrating the template first if there is none yet (the first class of a JVM proves the migrations on an empty
     * database): copying takes a fraction of running or even validating the migrations again.
     */
    static void createMigrated(String name, Configuration configuration) {
        // file by file: the default (WAL_LOG) writes every page of the copy to the log, which tests need not keep
        execute("create database " + name + " template " + template(configuration) + " strategy file_copy");
    }

    /**
     * Copies {@code database} as {@code snapshot}, a template no one connects to. A copy needs its source to
     * have no connection, so none may open while it is taken; those open are idle ones of a suspended pool.
     */
    static void snapshot(String database, String snapshot) {
        execute("alter database " + database + " allow_connections false");
        try {
            execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            execute("create database " + snapshot + " template " + database + " strategy file_copy");
        } finally {
            execute("alter database " + database + " allow_connections true");
        }
    }

    /** Replaces {@code database} by a fresh copy of {@code snapshot}, ending any connection to the old one. */
    static void restore(String database, String snapshot) {
        execute("drop database " + database + " with (force)");
        execute("create database " + database + " template " + snapshot + " strategy file_copy");
    }

    /** A new database name, unique in this JVM. */
    static String newName(String hint) {
        return name(hint);
    }

    /**
     * Once per JVM and Flyway configuration: a database migrated from empty, not used by any context; Flyway has
     * closed its connections when this returns, as a copy requires.
     */
    private static synchronized String template(Configuration configuration) {
        String key = templateKey(configuration);
        String template = TEMPLATES.get(key);
        if (template == null) {
            template = name("template");
            execute("create database " + template);
            Flyway.configure(configuration.getClassLoader()).configuration(configuration)
                    .dataSource(server().getJdbcUrl("postgres", template), "postgres", "postgres")
                    .load().migrate();
            TEMPLATES.put(key, template);
        }
        return template;
    }

    /**
     * What makes two migrated databases alike: the placeholders (a test may run in another zone) and the Java
     * migrations, which are beans (a module test has only its modules').
     */
    private static String templateKey(Configuration configuration) {
        return new TreeMap<>(configuration.getPlaceholders()) + " " + Arrays.stream(configuration.getJavaMigrations())
                .map(migration -> migration.getClass().getName()).sorted().toList();
    }

    private static String name(String hint) {
        return "t" + COUNTER.incrementAndGet() + "_" + hint.toLowerCase().replaceAll("[^a-z0-9]", "").substring(0,
                Math.min(20, hint.replaceAll("[^A-Za-z0-9]", "").length()));
    }

    private static void execute(String statement) {
        try (Connection c = server().getPostgresDatabase().getConnection()) {
            c.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
