package com.lead2cash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.internal.db.EmbeddedPostgresConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A benchmark measures writes as the product commits them: its database runs with the product's durability
 * ({@link EmbeddedPostgresConfiguration#DURABILITY}) — the scale benchmark's served by {@code BenchDatabase}, a module
 * benchmark's test database by {@code TestPostgres} under the bench profile's {@code l2c.test.durable} — or it
 * measures nothing.
 */
final class BenchDurability {

    private BenchDurability() {
    }

    /** Asserts the database waits for the disk as the product's does; answers the settings for the printout. */
    static String assertDurable(JdbcClient jdbc) {
        StringBuilder line = new StringBuilder();
        EmbeddedPostgresConfiguration.DURABILITY.keySet().stream().sorted().forEach(setting -> {
            String value = jdbc.sql("select current_setting(?)").param(setting).query(String.class).single();
            assertThat(value).as(setting).isEqualTo(EmbeddedPostgresConfiguration.DURABILITY.get(setting));
            line.append(line.isEmpty() ? "" : ", ").append(setting).append('=').append(value);
        });
        System.out.println("BENCH database: " + line);
        return line.toString();
    }
}
