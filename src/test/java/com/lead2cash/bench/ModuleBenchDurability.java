package com.lead2cash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.internal.db.EmbeddedPostgresConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module benchmark measures writes as the product commits them: its test database runs with the product's
 * durability (the bench profile's {@code l2c.test.durable}, read by {@code TestPostgres}), or it measures nothing.
 */
final class ModuleBenchDurability {

    private ModuleBenchDurability() {
    }

    /** Asserts the database waits for the disk as the product's does; answers the settings for the printout. */
    static String assertDurable(JdbcClient jdbc) {
        StringBuilder line = new StringBuilder();
        EmbeddedPostgresConfiguration.DURABILITY.keySet().stream().sorted().forEach(setting -> {
            String value = jdbc.sql("select current_setting('" + setting + "')").query(String.class).single();
            assertThat(value).as(setting).isEqualTo(EmbeddedPostgresConfiguration.DURABILITY.get(setting));
            line.append(line.isEmpty() ? "" : ", ").append(setting).append('=').append(value);
        });
        System.out.println("BENCH database: " + line);
        return line.toString();
    }
}
