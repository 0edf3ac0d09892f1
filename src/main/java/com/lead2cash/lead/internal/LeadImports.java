package com.lead2cash.lead.internal;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.region.Regions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lead import (线索导入). Every row is checked first. ALL_OR_NOTHING stores nothing when any row is
 * refused, else every lead in one transaction; VALID_ROWS stores the valid rows in batches (a row is
 * whole or absent, never half) and reports the others with line and reason. Runs in the background
 * with its progress in {@code lead_import}.
 */
@Service
class LeadImports implements DisposableBean {

    enum Mode { VALID_ROWS, ALL_OR_NOTHING }

    enum State { RUNNING, DONE, REFUSED, FAILED }

    static final int MAX_ROWS = 50_000;
    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(LeadImports.class);

    /** One refused row: its line in the file, the field and the reason, in the uploader's language. */
    record RowError(int line, String field, String message) {
    }

    /**
     * {@code warnings}: rows imported as they are but flagged — a region that names no administrative
     * division is kept as entered (never a refusal).
     */
    record ImportStatus(UUID id, String fileName, Mode mode, State state, int totalRows, int processed, int imported,
                        int failed, List<RowError> errors, Instant createdAt, Instant finishedAt,
                        List<RowError> warnings) {
        public int percent() {
            return totalRows == 0 ? (state == State.RUNNING ? 0 : 100) : processed * 100 / totalRows;
        }
    }

    private final Executor executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lead-import");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.ExecutorService batches = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "lead-import-batch");
        t.setDaemon(true);
        return t;
    });
    private final LeadCapture leads;
    private final JdbcClient jdbc;
    private final Regions regions;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    LeadImports(LeadCapture leads, JdbcClient jdbc, Regions regions, TransactionTemplate tx, MessageSource messages,
                JsonMapper json, Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.leads = leads;
        this.jdbc = jdbc;
        this.regions = regions;
        this.tx = tx;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    /** Reads the file (format errors answer at once) and starts the import in the background. */
    UUID start(String fileName, byte[] content, Mode mode) {
        CurrentUser me = CurrentUser.require();
        if (content == null || content.length == 0) {
            throw new FieldValidationException("file", "lead.import.empty");
        }
        List<LeadImportFile.ImportRow> rows = LeadImportFile.read(fileName, content);
        if (rows.isEmpty()) {
            throw new FieldValidationException("file", "lead.import.empty");
        }
        if (rows.size() > MAX_ROWS) {
            throw new FieldValidationException("file", "lead.import.tooManyRows", MAX_ROWS);
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into lead_import (id, file_name, mode, state, total_rows, created_by, created_at)
                values (:id, :name, :mode, 'RUNNING', :total, :by, :now)
                """).param("id", id).param("name", fileName == null ? "import" : fileName).param("mode", mode.name())
                .param("total", rows.size()).param("by", me.id()).param("now", Timestamp.from(clock.instant())).update();
        SecurityContext security = SecurityContextHolder.getContext();
        var locale = LocaleContextHolder.getLocale();
        executor.execute(() -> {
            SecurityContextHolder.setContext(security);
            LocaleContextHolder.setLocale(locale);
            try {
                run(id, rows, mode, me.id());
            } catch (RuntimeException e) {
                log.error("Lead import {} failed", id, e);
                finish(id, State.FAILED, List.of(new RowError(0, "file", e.getClass().getSimpleName())), List.of());
            } finally {
                SecurityContextHolder.clearContext();
                LocaleContextHolder.resetLocaleContext();
            }
        });
        return id;
    }

    private void run(UUID id, List<LeadImportFile.ImportRow> rows, Mode mode, UUID uploader) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<RowError> errors = new ArrayList<>();
        List<RowError> warnings = new ArrayList<>();
        List<LeadDraft> valid = new ArrayList<>();
        for (LeadImportFile.ImportRow row : rows) {
            List<LeadImportFile.RowProblem> problems = new ArrayList<>();
            LeadDraft draft = LeadImportFile.draft(row, problems);
            problems.forEach(p -> errors.add(new RowError(p.line(), p.field(), text(p.messageKey(), p.args()))));
            try {
                LeadDraft checked = LeadDrafts.validate(draft, today, regions);
                if (problems.isEmpty()) {
                    valid.add(checked);
                    if (checked.region() != null && checked.regionCode() == null) {
                        warnings.add(new RowError(row.line(), "region",
                                text("lead.import.regionUnresolved", List.of(checked.region()))));
                    }
                }
            } catch (FieldValidationException e) {
                e.errors().forEach(f -> errors.add(new RowError(row.line(), f.field(), text(f.messageKey(), f.args()))));
            }
        }
        int refusedRows = (int) errors.stream().mapToInt(RowError::line).distinct().count();
        if (mode == Mode.ALL_OR_NOTHING && !errors.isEmpty()) {
            progress(id, rows.size(), 0, refusedRows);
            finish(id, State.REFUSED, errors, warnings);
            return;
        }
        int imported = 0;
        if (mode == Mode.ALL_OR_NOTHING) {
            imported = tx.execute(status -> {
                int n = 0;
                for (LeadDraft d : valid) {
                    leads.capture(d, CaptureChannel.IMPORT, uploader, null);
                    if (++n % BATCH == 0) {
                        progressOutside(id, n, n, 0);
                    }
                }
                return n;
            });
        } else {
            // batches are independent transactions: two at a time keep both cores and the database busy
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            SecurityContext security = SecurityContextHolder.getContext();
            var locale = LocaleContextHolder.getLocale();
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int from = 0; from < valid.size(); from += BATCH) {
                List<LeadDraft> batch = valid.subList(from, Math.min(valid.size(), from + BATCH));
                running.add(batches.submit(() -> {
                    SecurityContextHolder.setContext(security);
                    LocaleContextHolder.setLocale(locale);
                    try {
                        tx.executeWithoutResult(status -> batch.forEach(d -> leads.capture(d, CaptureChannel.IMPORT, uploader, null)));
                        int n = done.addAndGet(batch.size());
                        progress(id, n + refusedRows, n, refusedRows);
                    } finally {
                        SecurityContextHolder.clearContext();
                        LocaleContextHolder.resetLocaleContext();
                    }
                }));
            }
            for (var future : running) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            imported = done.get();
        }
        progress(id, rows.size(), imported, refusedRows);
        finish(id, State.DONE, errors, warnings);
    }

    /** Progress written in its own transaction, so the page sees it while a long transaction runs. */
    private void progressOutside(UUID id, int processed, int imported, int failed) {
        Thread t = new Thread(() -> progress(id, processed, imported, failed), "lead-import-progress");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void progress(UUID id, int processed, int imported, int failed) {
        jdbc.sql("update lead_import set processed = :p, imported = :i, failed = :f where id = :id")
                .param("p", processed).param("i", imported).param("f", failed).param("id", id).update();
    }

    private void finish(UUID id, State state, List<RowError> errors, List<RowError> warnings) {
        jdbc.sql("update lead_import set state = :s, errors = :e, warnings = :w, finished_at = :now where id = :id")
                .param("s", state.name()).param("e", json.writeValueAsString(errors))
                .param("w", json.writeValueAsString(warnings))
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    private String text(String key, List<Object> args) {
        return messages.getMessage(key, args.toArray(), key, LocaleContextHolder.getLocale());
    }

    ImportStatus status(UUID id) {
        UUID me = CurrentUser.require().id();
        return jdbc.sql("select * from lead_import where id = :id and created_by = :me").param("id", id).param("me", me)
                .query((rs, i) -> status(rs)).optional().orElseThrow(() -> new RecordNotFoundException("Import", id));
    }

    List<ImportStatus> mine() {
        return jdbc.sql("select * from lead_import where created_by = :me order by created_at desc limit 10")
                .param("me", CurrentUser.require().id()).query((rs, i) -> status(rs)).list();
    }

    private ImportStatus status(java.sql.ResultSet rs) throws java.sql.SQLException {
        String errors = rs.getString("errors");
        List<RowError> list = errors == null ? List.of()
                : List.of(json.readValue(errors, RowError[].class));
        String warnings = rs.getString("warnings");
        List<RowError> flagged = warnings == null ? List.of() : List.of(json.readValue(warnings, RowError[].class));
        return new ImportStatus(rs.getObject("id", UUID.class), rs.getString("file_name"),
                Mode.valueOf(rs.getString("mode")), State.valueOf(rs.getString("state")), rs.getInt("total_rows"),
                rs.getInt("processed"), rs.getInt("imported"), rs.getInt("failed"), list,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(), flagged);
    }

    @Override
    public void destroy() {
        ((java.util.concurrent.ExecutorService) executor).shutdown();
        batches.shutdown();
    }
}
