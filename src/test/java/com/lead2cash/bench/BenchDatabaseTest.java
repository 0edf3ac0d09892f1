package com.lead2cash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's embedded database is filled fast, and measured as the product runs: a generated data set,
 * fresh or restored, is served with the product's durability settings, so a capture's commit waits for its
 * log on disk in the benchmark as it does in production.
 */
class BenchDatabaseTest {

    @TempDir Path data;

    @Test
    void aGeneratedDataSetIsServedWithTheProductsDurability() throws Exception {
        BenchSettings settings = settings(true);
        try (BenchDatabase db = BenchDatabase.open(settings, BenchSize.S)) {
            assertThat(setting(db, "fsync")).as("an empty database is filled without syncing").isEqualTo("off");
            db.markGenerated(LocalDate.of(2026, 12, 1), "test");
            assertDurable(db);
        }
        try (BenchDatabase restored = BenchDatabase.open(settings, BenchSize.S)) {
            assertThat(restored.generatedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertDurable(restored);
        }
        assertThat(data.resolve("S").resolve("pristine")).isDirectory();
    }

    @Test
    void withoutAPristineCopyARunGoesOnWithTheDatabaseTheLastOneLeft() throws Exception {
        BenchSettings settings = settings(false);
        try (BenchDatabase interrupted = BenchDatabase.open(settings, BenchSize.S)) {
            JdbcClient.create(interrupted.dataSource()).sql("create table half_loaded (id int)").update();
        }
        try (BenchDatabase db = BenchDatabase.open(settings, BenchSize.S)) {
            assertThat(tableExists(db, "half_loaded")).as("an interrupted load begins again").isFalse();
            db.markGenerated(LocalDate.of(2026, 12, 1), "test");
            assertDurable(db);
            JdbcClient.create(db.dataSource()).sql("create table written_by_a_run (id int)").update();
        }
        try (BenchDatabase next = BenchDatabase.open(settings, BenchSize.S)) {
            assertThat(next.generatedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(tableExists(next, "written_by_a_run")).as("what the last run wrote is still there").isTrue();
            assertDurable(next);
        }
        assertThat(data.resolve("S").resolve("pristine")).doesNotExist();
    }

    private BenchSettings settings(boolean pristine) {
        return new BenchSettings(List.of(BenchSize.S), data, data.resolve("results"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, 10, 1, 1, 0, List.of(), 7L, false, pristine, null, null, null);
    }

    private static boolean tableExists(BenchDatabase db, String table) {
        return JdbcClient.create(db.dataSource()).sql("select to_regclass(?) is not null").param(table)
                .query(Boolean.class).single();
    }

    private static void assertDurable(BenchDatabase db) {
        BenchDurability.assertDurable(JdbcClient.create(db.dataSource()));
    }

    private static String setting(BenchDatabase db, String name) {
        return JdbcClient.create(db.dataSource()).sql("select current_setting(?)").param(name).query(String.class)
                .single();
    }
}
