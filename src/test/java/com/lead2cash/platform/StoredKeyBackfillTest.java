package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Rewriting stored keys after their rule changed: every row, in batches, going on where it stopped. */
@IntegrationTest
class StoredKeyBackfillTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    String rows;
    String progress;
    StoredKeyBackfill backfill;

    @BeforeEach
    void tables() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        rows = "test_backfill_rows_" + suffix;
        progress = "test_backfill_progress_" + suffix;
        jdbc.sql("create table " + rows + " (id uuid primary key, name text not null, name_key text not null)").update();
        jdbc.sql("create table " + progress + " (rule_version int primary key, last_id uuid, finished_at timestamptz)").update();
        // 2 500 rows: three batches, keys by the "old rule" (the name as it is)
        jdbc.sql("insert into " + rows + " select uuidv7(), 'Name ' || i, 'Name ' || i from generate_series(1, 2500) i")
                .update();
        backfill = new StoredKeyBackfill(progress, rows, "name", "name_key", 2, s -> s.toLowerCase());
    }

    @AfterEach
    void drop() {
        jdbc.sql("drop table " + rows).update();
        jdbc.sql("drop table " + progress).update();
    }

    @Test
    void everyRowGetsItsKeyByTheNewRuleAndAFinishedVersionHasNothingLeft() {
        assertThat(backfill.run(jdbc, tx)).isEqualTo(2500);

        assertThat(jdbc.sql("select count(*) from " + rows + " where name_key <> lower(name)").query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select finished_at is not null from " + progress + " where rule_version = 2")
                .query(Boolean.class).single()).isTrue();
        jdbc.sql("update " + rows + " set name_key = name").update();
        assertThat(backfill.run(jdbc, tx)).as("a finished version is not walked again").isZero();
    }

    @Test
    void aRunGoesOnAfterTheLastRowDoneAndOnlyRowsWhoseKeyChangesAreWritten() {
        List<UUID> ids = jdbc.sql("select id from " + rows + " order by id").query(UUID.class).list();
        UUID lastDone = ids.get(1499);
        jdbc.sql("update " + rows + " set name_key = lower(name) where id = :later").param("later", ids.get(2000)).update();
        jdbc.sql("insert into " + progress + " (rule_version, last_id) values (2, :last)").param("last", lastDone).update();

        assertThat(backfill.run(jdbc, tx)).as("the rows after the last one done, less the one already right").isEqualTo(999);
        assertThat(jdbc.sql("select id from " + rows + " where name_key <> lower(name) order by id").query(UUID.class).list())
                .as("the rows up to the last one done are not walked again").isEqualTo(ids.subList(0, 1500));
    }
}
