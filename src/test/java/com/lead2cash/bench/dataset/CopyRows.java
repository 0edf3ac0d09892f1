package com.lead2cash.bench.dataset;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into PostgreSQL with {@code COPY … FROM STDIN}, one connection and one transaction per
 * table, so the database parses one table while the generator produces the next rows. Nothing is
 * visible until {@link #commit()}.
 */
public final class CopyRows implements Rows, AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 20;

    private final DataSource dataSource;
    private final Map<String, Stream> streams = new LinkedHashMap<>();

    public CopyRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final class Stream {
        final Connection connection;
        final List<String> columns;
        final CopyIn copy;
        final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
        long rows;

        Stream(Connection connection, List<String> columns, CopyIn copy) {
            this.connection = connection;
            this.columns = columns;
            this.copy = copy;
        }
    }

    @Override
    public void insert(String table, List<String> columns, Object... values) {
        Stream s = streams.computeIfAbsent(table, t -> open(t, columns));
        if (!s.columns.equals(columns) || values.length != columns.size()) {
            throw new IllegalArgumentException("rows of " + table + " must all have the columns " + s.columns);
        }
        StringBuilder b = s.buffer;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            append(b, values[i]);
        }
        b.append('\n');
        s.rows++;
        if (b.length() >= FLUSH_BYTES / 2) {
            flush(s);
        }
    }

    /** Rows written so far, per table. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        streams.forEach((t, s) -> counts.put(t, s.rows));
        return counts;
    }

    public void commit() throws SQLException {
        for (Stream s : streams.values()) {
            flush(s);
            s.copy.endCopy();
            s.connection.commit();
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (Stream s : streams.values()) {
            try {
                if (s.copy.isActive()) {
                    s.copy.cancelCopy();
                }
                s.connection.close();
            } catch (SQLException e) {
                failure = e;
            }
        }
        streams.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private Stream open(String table, List<String> columns) {
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            c.createStatement().execute("set synchronous_commit = off");
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin");
            return new Stream(c, List.copyOf(columns), copy);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot COPY into " + table, e);
        }
    }

    private static void flush(Stream s) {
        if (s.buffer.length() == 0) {
            return;
        }
        byte[] bytes = s.buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            s.copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed", e);
        }
        s.buffer.setLength(0);
    }

    /** COPY text format: \N for null, backslash escapes for tab, newline, carriage return and backslash. */
    static void append(StringBuilder b, Object value) {
        if (value == null) {
            b.append("\\N");
        } else if (value instanceof String s) {
            escape(b, s);
        } else if (value instanceof Instant || value instanceof UUID || value instanceof LocalDate
                || value instanceof Integer || value instanceof Long) {
            b.append(value);
        } else if (value instanceof java.sql.Timestamp t) {
            b.append(t.toInstant());
        } else if (value instanceof BigDecimal d) {
            b.append(d.toPlainString());
        } else if (value instanceof Boolean bool) {
            b.append(bool ? 't' : 'f');
        } else if (value instanceof Enum<?> e) {
            b.append(e.name());
        } else if (value instanceof Object[] items) {
            append(b, java.util.Arrays.asList(items));
        } else if (value instanceof Collection<?> items) {
            // a PostgreSQL array literal, each element quoted (its quotes and backslashes escaped), then the
            // whole escaped for COPY's text format
            StringBuilder literal = new StringBuilder("{");
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    literal.append(',');
                }
                first = false;
                literal.append('"').append(item.toString().replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            escape(b, literal.append('}').toString());
        } else {
            escape(b, value.toString());
        }
    }

    private static void escape(StringBuilder b, String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) != '\\' && s.charAt(i) >= ' ') {
            i++;
        }
        if (i == s.length()) {
            b.append(s);
            return;
        }
        for (i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }
}
