package com.lead2cash.bench.dataset;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Loads big tables the way a DBA would: the indexes and constraints of the tables being filled are
 * taken off before COPY and put back after it (one sort per index instead of a million inserts into
 * it), then the tables are analysed and vacuumed so the planner and index-only scans see them as a
 * database that has been running for years would. Whatever indexes the migrations define come back,
 * so the load follows the schema as it changes.
 */
public final class BulkLoad {

    private record Definition(String table, String name, String sql) {
    }

    private final DataSource dataSource;
    private final Set<String> tables;
    private final List<Definition> keys = new ArrayList<>();
    private final List<Definition> indexes = new ArrayList<>();
    private final List<Definition> foreignKeys = new ArrayList<>();

    public BulkLoad(DataSource dataSource, Set<String> tables) {
        this.dataSource = dataSource;
        this.tables = Set.copyOf(tables);
    }

    /**
     * Drops the indexes and constraints of the tables (and foreign keys pointing at them), remembering them,
     * and switches their triggers off: a read model kept by a row trigger (lead_rep_load: 200 rows, each
     * updated for every one of its rep's leads in the one loading transaction) costs the load time that
     * grows with the square of the rows; the generator rebuilds those read models after the load.
     */
    public void dropIndexes() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String list = "'" + String.join("','", tables) + "'";
            try (ResultSet rs = st.executeQuery("""
                    select con.conrelid::regclass::text as tbl, con.conname, con.contype,
                           pg_get_constraintdef(con.oid) as def
                    from pg_constraint con
                    where con.contype in ('p', 'u', 'f')
                      and (con.conrelid::regclass::text in (%s) or con.confrelid::regclass::text in (%s))
                    order by con.contype, con.conname""".formatted(list, list))) {
                while (rs.next()) {
                    String table = rs.getString("tbl");
                    Definition d = new Definition(table, rs.getString("conname"),
                            "alter table " + table + " add constraint " + rs.getString("conname") + " "
                                    + rs.getString("def"));
                    ("f".equals(rs.getString("contype")) ? foreignKeys : keys).add(d);
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    select i.tablename, i.indexname, i.indexdef from pg_indexes i
                    where i.schemaname = 'public' and i.tablename in (%s)
                      and not exists (select 1 from pg_constraint con where con.conname = i.indexname)
                    order by i.tablename, i.indexname""".formatted(list))) {
                while (rs.next()) {
                    indexes.add(new Definition(rs.getString("tablename"), rs.getString("indexname"),
                            rs.getString("indexdef")));
                }
            }
            for (Definition fk : foreignKeys) {
                st.execute("alter table " + fk.table() + " drop constraint " + fk.name());
            }
            for (Definition key : keys) {
                st.execute("alter table " + key.table() + " drop constraint " + key.name());
            }
            for (Definition index : indexes) {
                st.execute("drop index " + index.name());
            }
            for (String table : tables) {
                st.execute("alter table " + table + " disable trigger user");
            }
        }
    }

    /** Puts keys, indexes, foreign keys and triggers back, then analyses and vacuums the tables. */
    public void restoreIndexes(java.util.function.Consumer<String> progress) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("set maintenance_work_mem = '512MB'");
            for (Definition d : keys) {
                progress.accept(d.name());
                st.execute(d.sql());
            }
            for (Definition d : indexes) {
                progress.accept(d.name());
                st.execute(d.sql());
            }
            for (Definition d : foreignKeys) {
                progress.accept(d.name());
                st.execute(d.sql());
            }
            for (String table : tables) {
                st.execute("alter table " + table + " enable trigger user");
            }
            for (String table : tables) {
                progress.accept("vacuum analyze " + table);
                st.execute("vacuum (analyze) " + table);
            }
        }
    }
}
