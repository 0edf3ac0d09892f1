package com.lead2cash.lead.internal.io;

import com.lead2cash.lead.internal.capture.DuplicateFinder;
import com.lead2cash.lead.internal.capture.LeadCapture;
import com.lead2cash.lead.internal.domain.CaptureChannel;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.lead.internal.domain.LeadDrafts;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DeferredInserts;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.ImportProblem;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.NewAggregateInserts;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.region.Regions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The background run of a lead import: the db-scheduler task {@value #TASK}, one execution per import
 * (instance = the import's id), creating the staged rows' leads through the lead SOP's own capture —
 * duplicate check, grading, screening, routing, notification, deadlines, audit — as the uploader.
 *
 * <p>VALID_ROWS works batch by batch, each batch one transaction that creates its leads and marks its
 * rows IMPORTED with their lead: a run cut short by a crash is revived by db-scheduler and resumes
 * after the last committed batch, and rows are taken with {@code SKIP LOCKED}, so even two runs of one
 * import never create a row's lead twice. ALL_OR_NOTHING is one transaction: cut short, it starts
 * over. A run revived too often, or failing again and again, ends the import FAILED with its report.
 */
@Component
public class LeadImportRun {

    static final String TASK = "lead-import";
    private static final Logger log = LoggerFactory.getLogger(LeadImportRun.class);

    /** A row the SOP refused while its lead was being created (ALL_OR_NOTHING stops there). */
    private static final class RowRefused extends RuntimeException {
        final int line;
        final List<ImportProblem> errors;

        RowRefused(int line, List<ImportProblem> errors) {
            super(null, null, false, false);
            this.line = line;
            this.errors = errors;
        }
    }

    private record Header(LeadImports.State state, LeadImports.Mode mode, UUID createdBy, Locale locale) {
    }

    private record Staged(int line, LeadImportFile.ImportRow row) {
    }

    private final LeadCapture leads;
    private final LeadImports imports;
    private final HumanCodes codes;
    private final Regions regions;
    private final DuplicateFinder duplicates;
    private final DeferredInserts inserts;
    private final OrgDirectory directory;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate tx;
    private final TransactionTemplate separately;
    private final LeadImportSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    LeadImportRun(LeadCapture leads, LeadImports imports, HumanCodes codes, Regions regions, DuplicateFinder duplicates,
                  DeferredInserts inserts,
                  OrgDirectory directory, JdbcClient jdbc,
                  JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, LeadImportSettings settings,
                  JsonMapper json, Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.leads = leads;
        this.imports = imports;
        this.codes = codes;
        this.regions = regions;
        this.duplicates = duplicates;
        this.inserts = inserts;
        this.directory = directory;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.tx = new TransactionTemplate(transactions);
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    /** One execution of the import's task. */
    void run(UUID id) {
        Header header = header(id);
        if (header == null || !header.state().underWay()) {
            return;
        }
        if (header.state() == LeadImports.State.RECEIVING) {
            // waits for the upload's row lock: only an upload that died stays RECEIVING
            int failed = tx.execute(s -> end(id, LeadImports.State.RECEIVING, LeadImports.State.FAILED,
                    fileError("lead.import.uploadInterrupted")));
            if (failed == 1) {
                return;
            }
            run(id);
            return;
        }
        Integer attempt = tx.execute(s -> jdbc.sql("""
                        update lead_import set attempts = attempts + 1, state = 'RUNNING'
                        where id = :id and state in ('QUEUED', 'RUNNING') returning attempts""")
                .param("id", id).query(Integer.class).optional().orElse(null));
        if (attempt == null) {
            return;
        }
        if (attempt > settings.maxAttempts()) {
            giveUp(id, "lead.import.interruptedRepeatedly");
            return;
        }
        CurrentUser uploader = directory.person(header.createdBy())
                .map(CurrentUser::of)
                .orElse(null);
        if (uploader == null) {
            giveUp(id, "lead.import.uploaderGone");
            return;
        }
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(header.locale());
        try {
            uploader.actAs(() -> {
                if (header.mode() == LeadImports.Mode.ALL_OR_NOTHING) {
                    allOrNothing(id, uploader.id());
                } else {
                    validRows(id, uploader.id());
                }
                return null;
            });
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }

    /** Ends the import FAILED with a file-level reason (after repeated failures or revivals). */
    void giveUp(UUID id, String reasonKey) {
        Header header = header(id);
        if (header != null && header.state().underWay()) {
            tx.executeWithoutResult(s -> end(id, header.state(), LeadImports.State.FAILED, fileError(reasonKey)));
        }
    }

    // ---- VALID_ROWS ------------------------------------------------------------------------------

    private void validRows(UUID id, UUID uploader) {
        // rows another run holds are skipped; a last pass waits for them, in case that run dies
        boolean skipLocked = true;
        while (true) {
            int taken;
            boolean skipping = skipLocked;
            try {
                taken = tx.execute(s -> batch(id, uploader, null, skipping));
            } catch (RuntimeException e) {
                if (!refusedByTheSop(e)) {
                    throw e;
                }
                // a row the SOP refuses spoils its batch: take the batch one row at a time to find it
                taken = rowByRow(id, uploader);
            }
            if (taken == 0 && !skipLocked) {
                break;
            }
            skipLocked = taken > 0;
        }
        tx.executeWithoutResult(s -> end(id, LeadImports.State.RUNNING, LeadImports.State.DONE, null));
    }

    private int rowByRow(UUID id, UUID uploader) {
        List<Integer> lines = jdbc.sql("""
                        select line from lead_import_row where import_id = :id and state = 'PENDING'
                        order by line limit :n""")
                .param("id", id).param("n", settings.batchSize()).query(Integer.class).list();
        for (int line : lines) {
            try {
                tx.execute(s -> batch(id, uploader, line, true));
            } catch (RuntimeException e) {
                if (!refusedByTheSop(e)) {
                    throw e;
                }
                List<ImportProblem> errors = List.of(reason(line, e));
                tx.executeWithoutResult(s -> {
                    refuse(id, line, errors);
                    counts(id, 1, 0, 1, 0);
                });
            }
        }
        return lines.size();
    }

    /** Imports the next batch of pending rows (or the one line given); answers how many rows it took. */
    private int batch(UUID id, UUID uploader, Integer onlyLine, boolean skipLocked) {
        List<Staged> rows = pending(id, onlyLine == null ? 0 : onlyLine - 1, onlyLine == null ? settings.batchSize() : 1,
                skipLocked);
        if (onlyLine != null && (rows.isEmpty() || rows.get(0).line() != onlyLine)) {
            return 0;
        }
        prepare(rows);
        Outcome outcome = new Outcome();
        for (Staged staged : rows) {
            importRow(staged, uploader, outcome);
        }
        outcome.write(id);
        counts(id, rows.size(), outcome.imported.size(), outcome.refused, outcome.duplicates);
        return rows.size();
    }

    // ---- ALL_OR_NOTHING --------------------------------------------------------------------------

    private void allOrNothing(UUID id, UUID uploader) {
        separately.executeWithoutResult(s -> jdbc.sql("update lead_import set processed = 0 where id = :id")
                .param("id", id).update());
        int[] current = {0};
        try {
            tx.executeWithoutResult(s -> {
                int after = 0;
                int processed = 0;
                int imported = 0;
                int duplicates = 0;
                List<Staged> rows;
                while (!(rows = pending(id, after, settings.batchSize(), false)).isEmpty()) {
                    prepare(rows);
                    Outcome outcome = new Outcome();
                    for (Staged staged : rows) {
                        current[0] = staged.line();
                        importRow(staged, uploader, outcome);
                        if (outcome.refused > 0) {
                            throw new RowRefused(staged.line(), outcome.lastErrors);
                        }
                    }
                    outcome.write(id);
                    // one transaction for the whole file: what it queued goes out chunk by chunk, memory stays flat
                    inserts.flush();
                    imported += outcome.imported.size();
                    duplicates += outcome.duplicates;
                    processed += rows.size();
                    after = rows.get(rows.size() - 1).line();
                    int done = processed;
                    // progress in a transaction of its own, so the page sees it while this one runs (which
                    // therefore leaves the import's row alone until its end)
                    separately.executeWithoutResult(p -> jdbc.sql("update lead_import set processed = :p where id = :id")
                            .param("p", done).param("id", id).update());
                }
                jdbc.sql("update lead_import set processed = total_rows, imported = :i, duplicates = :d where id = :id")
                        .param("i", imported).param("d", duplicates).param("id", id).update();
                end(id, LeadImports.State.RUNNING, LeadImports.State.DONE, null);
            });
        } catch (RuntimeException e) {
            RowRefused refused = e instanceof RowRefused r ? r
                    : refusedByTheSop(e) ? new RowRefused(current[0], List.of(reason(current[0], e))) : null;
            if (refused == null) {
                throw e;
            }
            tx.executeWithoutResult(s -> {
                refuse(id, refused.line, refused.errors);
                jdbc.sql("update lead_import set processed = total_rows, imported = 0, duplicates = 0, failed = failed + 1 where id = :id")
                        .param("id", id).update();
                end(id, LeadImports.State.RUNNING, LeadImports.State.REFUSED, null);
            });
        }
    }

    // ---- one row ---------------------------------------------------------------------------------

    /**
     * What the batch's captures will ask for one row at a time — code numbers, duplicate candidates —
     * fetched for all its rows at once; each capture still does every step of the SOP itself.
     */
    private void prepare(List<Staged> rows) {
        // the batch only links its rows to their leads: the leads can go in with the other deferred inserts
        NewAggregateInserts.deferNewAggregates();
        codes.reserve(LeadCapture.CODE_SEQUENCE, rows.size());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<LeadDraft> drafts = new ArrayList<>();
        for (Staged staged : rows) {
            List<LeadImportFile.RowProblem> problems = new ArrayList<>();
            LeadDraft draft = LeadImportFile.draft(staged.row(), problems);
            try {
                drafts.add(LeadDrafts.validate(draft, today, regions));
            } catch (com.lead2cash.platform.FieldValidationException refused) {
                // checked and reported row by row
            }
        }
        duplicates.prefetch(drafts);
    }

    /** What a batch did: the rows it imported (with their lead and possible duplicates) and those it refused. */
    private final class Outcome {
        record Imported(int line, UUID leadId, String duplicateOf) {
        }

        record Refused(int line, String errors) {
        }

        final List<Imported> imported = new ArrayList<>();
        final List<Refused> refusedRows = new ArrayList<>();
        int refused;
        int duplicates;
        List<ImportProblem> lastErrors;

        /** Marks the rows in the batch's transaction: a row has its lead exactly when the lead exists. */
        void write(UUID id) {
            if (!imported.isEmpty()) {
                jdbcTemplate.batchUpdate("""
                        update lead_import_row set state = 'IMPORTED', lead_id = ?, duplicate_of = ?
                        where import_id = ? and line = ?""",
                        imported.stream().map(r -> new Object[] {r.leadId(), r.duplicateOf(), id, r.line()}).toList());
            }
            if (!refusedRows.isEmpty()) {
                jdbcTemplate.batchUpdate("""
                        update lead_import_row set state = 'REFUSED', errors = cast(? as jsonb)
                        where import_id = ? and line = ?""",
                        refusedRows.stream().map(r -> new Object[] {r.errors(), id, r.line()}).toList());
            }
        }
    }

    /**
     * Checks the row again (a day may have passed since the upload) and captures its lead as a lead
     * entered by hand is captured; possible duplicates are kept and listed, as the API does.
     */
    private void importRow(Staged staged, UUID uploader, Outcome outcome) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<ImportProblem> errors = imports.check(staged.row(), today).errors();
        if (!errors.isEmpty()) {
            outcome.refused++;
            outcome.lastErrors = errors;
            outcome.refusedRows.add(new Outcome.Refused(staged.line(), json.writeValueAsString(errors)));
            return;
        }
        LeadDraft draft = LeadImportFile.draft(staged.row(), new ArrayList<>());
        LeadCapture.Captured captured = leads.capture(draft, CaptureChannel.IMPORT, uploader, null);
        String duplicateOf = captured.duplicates().isEmpty() ? null : json.writeValueAsString(captured.duplicates().stream()
                .map(d -> named(staged.line(), d)).distinct().limit(5).toList());
        if (duplicateOf != null) {
            outcome.duplicates++;
        }
        outcome.imported.add(new Outcome.Imported(staged.line(), captured.lead().id(), duplicateOf));
    }

    /**
     * A possible duplicate as the report names it, stored as its message's key, so that every reader reads it in
     * their language: its code when the uploader may see it, else only that a record of another team matches, on
     * what, and whose it is.
     */
    private static ImportProblem named(int line, DuplicateFinder.Duplicate d) {
        if (d.inScope()) {
            return ImportProblem.of(line, "lead", "lead.import.duplicate.record", d.code());
        }
        List<Object> on = d.matchedOn().stream().map(m -> (Object) Label.of("lead.duplicates.match", m)).toList();
        return d.ownerName() == null ? ImportProblem.of(line, "lead", "lead.import.duplicate.otherTeam", List.<Object>of(on))
                : ImportProblem.of(line, "lead", "lead.import.duplicate.otherTeamOwner", d.ownerName(), on);
    }

    private List<Staged> pending(UUID id, int afterLine, int limit, boolean skipLocked) {
        List<Staged> rows = jdbc.sql("""
                        select line, cells from lead_import_row
                        where import_id = :id and state = 'PENDING' and line > :after
                        order by line limit :n for update""" + (skipLocked ? " skip locked" : ""))
                .param("id", id).param("after", afterLine).param("n", limit)
                .query((rs, i) -> {
                    Map<LeadImportFile.Column, String> cells = new EnumMap<>(LeadImportFile.Column.class);
                    json.readValue(rs.getString("cells"), LeadImports.CELLS)
                            .forEach((k, v) -> cells.put(LeadImportFile.Column.valueOf(k), v));
                    return new Staged(rs.getInt("line"), new LeadImportFile.ImportRow(rs.getInt("line"), cells));
                }).list();
        return rows;
    }

    private void refuse(UUID id, int line, List<ImportProblem> errors) {
        jdbc.sql("update lead_import_row set state = 'REFUSED', errors = cast(:e as jsonb) where import_id = :id and line = :line")
                .param("e", json.writeValueAsString(errors)).param("id", id).param("line", line).update();
    }

    private void counts(UUID id, int processed, int imported, int failed, int duplicates) {
        jdbc.sql("""
                        update lead_import set processed = processed + :p, imported = imported + :i, failed = failed + :f,
                            duplicates = duplicates + :d where id = :id""")
                .param("p", processed).param("i", imported).param("f", failed).param("d", duplicates).param("id", id)
                .update();
    }

    private int end(UUID id, LeadImports.State from, LeadImports.State to, String fileErrors) {
        return jdbc.sql("""
                        update lead_import set state = :to, finished_at = :now, errors = coalesce(:errors, errors)
                        where id = :id and state = :from""")
                .param("to", to.name()).param("now", Timestamp.from(clock.instant())).param("errors", fileErrors)
                .param("id", id).param("from", from.name()).update();
    }

    private String fileError(String key) {
        return json.writeValueAsString(List.of(ImportProblem.of(0, "file", key)));
    }

    private Header header(UUID id) {
        return jdbc.sql("select state, mode, created_by, locale from lead_import where id = :id").param("id", id)
                .query((rs, i) -> new Header(LeadImports.State.valueOf(rs.getString("state")),
                        LeadImports.Mode.valueOf(rs.getString("mode")), rs.getObject("created_by", UUID.class),
                        LeadImports.locale(rs.getString("locale"))))
                .optional().orElse(null);
    }

    /** A refusal by a business rule or a constraint, about the row itself: report it, go on with the others. */
    private static boolean refusedByTheSop(Throwable e) {
        return e instanceof DomainException || e instanceof DataIntegrityViolationException;
    }

    private static ImportProblem reason(int line, RuntimeException e) {
        if (e instanceof DomainException d) {
            return ImportProblem.of(line, "lead", d);
        }
        log.warn("Import row refused by the database", e);
        return ImportProblem.of(line, "lead", "lead.import.rowRefused");
    }
}
