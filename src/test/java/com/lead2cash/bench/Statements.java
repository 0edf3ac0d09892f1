package com.lead2cash.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The database's own account of a run (pg_stat_statements): the statements that took the most time,
 * how often they ran and how long each took — where the product's requests spend their database time.
 * Left out when the server was not started with the extension loaded (an external one may not be).
 */
final class Statements {

    private final DataSource db;
    private final String productUser;
    private final boolean available;

    Statements(DataSource db, String productUser) {
        this.db = db;
        this.productUser = productUser;
        boolean ok;
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("create extension if not exists pg_stat_statements");
            c.createStatement().execute("select pg_stat_statements_reset()");
            ok = true;
        } catch (SQLException e) {
            ok = false;
        }
        this.available = ok;
    }

    void write(Path file, String size) throws IOException, SQLException {
        if (!available) {
            return;
        }
        StringBuilder md = new StringBuilder("# Statements by total time, size " + size
                + " (pg_stat_statements, the product's own statements over the whole run)\n\n"
                + "(blocks read: pages that were not in PostgreSQL's cache, and the time their reads took)\n\n"
                + "| total ms | calls | mean ms | rows | blocks hit | blocks read | read ms | statement |\n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        try (Connection c = db.getConnection(); var st = c.prepareStatement("""
                select total_exec_time, calls, mean_exec_time, rows, query, shared_blks_hit, shared_blks_read,
                       shared_blk_read_time from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                  and userid = (select oid from pg_roles where rolname = ?)
                order by total_exec_time desc limit 40""")) {
            st.setString(1, productUser);
            ResultSet rs = st.executeQuery();
            while (rs.next()) {
                String q = rs.getString(5).replaceAll("\\s+", " ").replace("|", "\\|");
                md.append(String.format(Locale.ROOT, "| %.0f | %d | %.2f | %d | %d | %d | %.0f | `%s` |%n", rs.getDouble(1),
                        rs.getLong(2), rs.getDouble(3), rs.getLong(4), rs.getLong(6), rs.getLong(7), rs.getDouble(8),
                        q.length() > 300 ? q.substring(0, 300) + "…" : q));
            }
        }
        Files.writeString(file, md.toString());
    }
}
