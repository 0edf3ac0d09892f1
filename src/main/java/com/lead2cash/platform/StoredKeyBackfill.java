package com.lead2cash.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewrites a stored key derived from one column (a company-name key) after the rule that derives it
 * changed, in Java — the same code new rows use — a batch of rows per transaction, in id order. The
 * progress (the last id done, per rule version) is kept in the module's own progress table, written
 * in each batch's transaction, so a restart goes on where it stopped and two nodes take turns on the
 * progress row instead of doing a batch twice. Only rows whose key changes are written; a finished
 * version costs one primary-key read. A million rows are about a thousand short transactions.
 *
 * @param progressTable {@code (rule_version int primary key, last_id uuid, finished_at timestamptz)}
 * @param table         the rows, with a uuid {@code id}
 * @param sourceColumn  what the key is derived from
 * @param keyColumn     the stored key
 * @param ruleVersion   the version of the rule {@code key} applies
 */
public record StoredKeyBackfill(String progressTable, String table, String sourceColumn, String keyColumn,
                                int ruleVersion, UnaryOperator<String> key) {

    private static final int BATCH = 1000;

    /** Rewrites what is left of this version's keys; answers how many rows changed. */
    public int run(JdbcClient jdbc, TransactionTemplate tx) {
        int changed = 0;
        Integer done;
        do {
            done = tx.execute(status -> batch(jdbc));
            changed += done == null || done < 0 ? 0 : done;
        } while (done != null && done >= 0);
        return changed;
    }

    /** One batch: the rows changed, or -1 when this version is finished. */
    private int batch(JdbcClient jdbc) {
        jdbc.sql("insert into " + progressTable + " (rule_version) values (:v) on conflict do nothing")
                .param("v", ruleVersion).update();
        record Progress(UUID lastId, boolean finished) {
        }
        Progress progress = jdbc.sql("select last_id, finished_at is not null as finished from " + progressTable
                        + " where rule_version = :v for update")
                .param("v", ruleVersion)
                .query((rs, i) -> new Progress(rs.getObject("last_id", UUID.class), rs.getBoolean("finished")))
                .single();
        if (progress.finished()) {
            return -1;
        }
        record Row(UUID id, String source, String key) {
        }
        JdbcClient.StatementSpec select = jdbc.sql("select id, " + sourceColumn + " as source, " + keyColumn + " as key from "
                + table + (progress.lastId() == null ? "" : " where id > :last") + " order by id limit " + BATCH);
        if (progress.lastId() != null) {
            select = select.param("last", progress.lastId());
        }
        List<Row> rows = select
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("key")))
                .list();
        List<Row> changed = new ArrayList<>();
        for (Row r : rows) {
            String now = key.apply(r.source());
            if (!Objects.equals(now, r.key())) {
                changed.add(new Row(r.id(), r.source(), now));
            }
        }
        for (Row r : changed) {
            // a row renamed meanwhile has its key by the current rule already
            jdbc.sql("update " + table + " set " + keyColumn + " = :key where id = :id and " + sourceColumn
                            + " is not distinct from :source")
                    .param("key", r.key()).param("id", r.id()).param("source", r.source()).update();
        }
        jdbc.sql("update " + progressTable + " set last_id = :last, finished_at = "
                        + (rows.size() < BATCH ? "now()" : "null") + " where rule_version = :v")
                .param("last", rows.isEmpty() ? progress.lastId() : rows.get(rows.size() - 1).id())
                .param("v", ruleVersion).update();
        return changed.size();
    }
}
