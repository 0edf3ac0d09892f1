package com.lead2cash.bench;

import com.lead2cash.bench.dataset.DataGenerator;
import com.lead2cash.platform.internal.db.EmbeddedPostgresConfiguration;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * The database a benchmark size runs on: an embedded PostgreSQL 18 with its data under
 * {@code <bench.data>/<size>/}, tuned as a DBA would tune a server of this machine, or an external one.
 * A generated embedded database is kept as a pristine copy and every run starts from it, so runs
 * compare like with like however many leads the previous run created.
 */
public final class BenchDatabase implements AutoCloseable {

    static final String DATABASE = "lead2cash";

    /**
     * The machine's memory. PostgreSQL gets a quarter of it as its own cache (shared_buffers) and is told
     * three quarters may hold its files, the usual first tuning of a database server. At 512 MB, a run
     * at L evicted the pages the raw twin had just read before the product read them again (a
     * two-character search reads 250–900 pages), and each came back from disk at 20–40 µs.
     */
    static final long MEMORY = ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();

    private final BenchSettings settings;
    private final BenchSize size;
    private final Path dir;
    private EmbeddedPostgres postgres;
    private HikariDataSource dataSource;
    private HikariDataSource rawDataSource;
    private String url;

    private BenchDatabase(BenchSettings settings, BenchSize size) {
        this.settings = settings;
        this.size = size;
        this.dir = settings.data().resolve(size.name());
    }

    /**
     * Opens the size's database: from its pristine copy when one was generated (without copies: the generated
     * database as it stands), else empty.
     */
    public static BenchDatabase open(BenchSettings settings, BenchSize size) throws IOException, SQLException {
        BenchDatabase db = new BenchDatabase(settings, size);
        if (settings.external()) {
            db.url = settings.jdbcUrl();
        } else {
            Path pg = db.dir.resolve("pg");
            boolean generated;
            if (settings.pristine()) {
                delete(pg);
                generated = Files.isDirectory(db.pristine());
                if (generated) {
                    System.out.printf("BENCH %s: restoring the generated database from %s%n", size, db.pristine());
                    copy(db.pristine(), pg);
                }
            } else {
                // the one copy: kept once a data set was generated into it, else (an interrupted load) begun again
                generated = Files.exists(db.generatedMark());
                if (generated) {
                    System.out.printf("BENCH %s: no pristine copy, the database in %s as the last run left it%n", size, pg);
                } else {
                    delete(pg);
                }
            }
            db.start(generated);
        }
        db.connect();
        return db;
    }

    /**
     * The day the data set of this size and seed was generated on (its "today"), or null when the
     * database holds none.
     */
    public LocalDate generatedOn() {
        try (Connection c = dataSource.getConnection()) {
            var rs = c.createStatement().executeQuery("select count(*) from information_schema.tables "
                    + "where table_schema = 'bench' and table_name = 'dataset'");
            rs.next();
            if (rs.getInt(1) == 0) {
                return null;
            }
            var st = c.prepareStatement("select anchor from bench.dataset where seed = ? and size = ?");
            st.setLong(1, settings.seed());
            st.setString(2, size.name());
            var r = st.executeQuery();
            return r.next() ? r.getObject(1, LocalDate.class) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * After generation: records the data set in the database, vacuums it and (embedded) keeps a pristine copy
     * of it.
     */
    public void markGenerated(LocalDate anchor, String description) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("create schema if not exists bench");
            c.createStatement().execute("create table if not exists bench.dataset (seed bigint, size text, "
                    + "anchor date, description text, generated_at timestamptz default now())");
            var st = c.prepareStatement("insert into bench.dataset (seed, size, anchor, description) values (?, ?, ?, ?)");
            st.setLong(1, settings.seed());
            st.setString(2, size.name());
            st.setObject(3, anchor);
            st.setString(4, description);
            st.executeUpdate();
            // now that nothing else runs: what the load's last steps wrote (the read models the triggers keep,
            // filled while the product ran beside the generator) becomes visible to index-only scans, as the
            // years of autovacuum of a running database would have left it
            c.createStatement().execute("vacuum (analyze)");
        }
        keepForLaterRuns();
    }

    /** Migrations applied so far (0 before the product first started on the database). */
    public int migrations() {
        try (Connection c = dataSource.getConnection()) {
            var rs = c.createStatement().executeQuery("select count(*) from information_schema.tables "
                    + "where table_name = 'flyway_schema_history'");
            rs.next();
            if (rs.getInt(1) == 0) {
                return 0;
            }
            var r = c.createStatement().executeQuery("select count(*) from flyway_schema_history where success");
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * After the product migrated a generated database (a new column filled for a million leads): vacuumed
     * and kept as the new pristine copy, so later runs start from the migrated data, as a running
     * installation would after its upgrade.
     */
    public void keepMigrated() throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("vacuum (analyze)");
            c.createStatement().execute("checkpoint");
        }
        keepForLaterRuns();
    }

    /**
     * Embedded: the database as it stands becomes the copy every later run starts from (without a pristine copy:
     * the one every later run goes on with), served from now on with the product's durability.
     */
    private void keepForLaterRuns() throws IOException, SQLException {
        if (!settings.external()) {
            stop();
            if (settings.pristine()) {
                delete(pristine());
                copy(dir.resolve("pg"), pristine());
            } else {
                Files.writeString(generatedMark(), "generated with seed " + settings.seed() + "\n");
            }
            start(true);
            connect();
        }
    }

    public String url() {
        return url;
    }

    public String user() {
        return settings.external() ? settings.jdbcUser() : "postgres";
    }

    public String password() {
        return settings.external() ? settings.jdbcPassword() : "postgres";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Connections for the raw side of the driver: as a role of its own where the database allows it,
     * so the database's statement statistics tell the product's statements from the raw ones.
     */
    public DataSource rawDataSource() {
        if (rawDataSource == null) {
            String user = user();
            if (!settings.external()) {
                try (Connection c = dataSource.getConnection()) {
                    var rs = c.createStatement().executeQuery("select 1 from pg_roles where rolname = 'bench_raw'");
                    if (!rs.next()) {
                        c.createStatement().execute("create role bench_raw login superuser password 'bench_raw'");
                    }
                    user = "bench_raw";
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            rawDataSource = new HikariDataSource();
            rawDataSource.setJdbcUrl(url);
            rawDataSource.setUsername(user);
            rawDataSource.setPassword("bench_raw".equals(user) ? "bench_raw" : password());
            rawDataSource.setMaximumPoolSize(16);
            rawDataSource.setPoolName("bench-raw-" + size);
        }
        return rawDataSource;
    }

    private Path pristine() {
        return dir.resolve("pristine");
    }

    /** Without a pristine copy: says that {@code pg} holds a whole generated data set. */
    private Path generatedMark() {
        return dir.resolve("generated");
    }

    /**
     * Starts the embedded server. {@code durable}: with the product's own durability settings
     * ({@link EmbeddedPostgresConfiguration#DURABILITY}: a commit waits for its log on disk), as every
     * measurement runs; without them (zonky's {@code -F} and asynchronous commit) only while an empty database
     * is filled, which a crash would have to start again anyway.
     */
    private void start(boolean durable) throws IOException, SQLException {
        Path pg = dir.resolve("pg");
        Files.createDirectories(pg);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pg)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                // a big database after an unclean stop replays its WAL first
                .setPGStartupWait(java.time.Duration.ofMinutes(10))
                .setServerConfig("timezone", "UTC")
                .setServerConfig("shared_buffers", megabytes(MEMORY / 4))
                .setServerConfig("effective_cache_size", megabytes(MEMORY * 3 / 4))
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("random_page_cost", "1.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("track_io_timing", "on")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        if (durable) {
            EmbeddedPostgresConfiguration.DURABILITY.forEach(builder::setServerConfig);
        }
        postgres = builder.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                c.createStatement().execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        }
        url = postgres.getJdbcUrl("postgres", DATABASE);
    }

    private static String megabytes(long bytes) {
        return (bytes >> 20) + "MB";
    }

    private void connect() {
        if (dataSource != null) {
            dataSource.close();
        }
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user());
        dataSource.setPassword(password());
        // a COPY stream a bulk table while the generator writes, and a few for its own reads
        dataSource.setMaximumPoolSize(DataGenerator.BULK_TABLES.size() + 4);
        dataSource.setPoolName("bench-" + size);
    }

    private void stop() throws IOException {
        if (rawDataSource != null) {
            rawDataSource.close();
            rawDataSource = null;
        }
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                // with its permissions: PostgreSQL refuses a data directory others may read
                Files.copy(d, to.resolve(from.relativize(d)), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                try {
                    // the server's lock file and pid belong to the running instance, not the data
                    if (!file.getFileName().toString().equals("postmaster.pid")) {
                        Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
