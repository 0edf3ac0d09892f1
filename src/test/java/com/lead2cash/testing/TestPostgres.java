package com.lead2cash.testing;

import com.lead2cash.platform.internal.db.EmbeddedPostgresConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** One real PostgreSQL per test JVM; every test class gets a database of its own on it. */
public final class TestPostgres {

    static final String DURABLE = "l2c.test.durable";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

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
        String name = "t" + COUNTER.incrementAndGet() + "_" + hint.toLowerCase().replaceAll("[^a-z0-9]", "").substring(0,
                Math.min(20, hint.replaceAll("[^A-Za-z0-9]", "").length()));
        try (Connection c = server().getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
