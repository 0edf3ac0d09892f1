package com.lead2cash.lead.internal.io;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.lead2cash.files.ContentTypes;
import com.lead2cash.files.ContentWords;
import com.lead2cash.files.SpreadsheetFormat;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.lead.internal.domain.LeadDrafts;
import com.lead2cash.platform.BackgroundTasks;
import com.lead2cash.platform.FileAlreadyImported;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.ImportProblem;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.RequestRefusedException;
import com.lead2cash.platform.UploadNames;
import com.lead2cash.region.Regions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lead import (线索导入), the upload side. The file is read as a stream within limits, every row is
 * checked like a lead entered by hand and staged in {@code lead_import_row}; the leads themselves are
 * created in the background by the import's db-scheduler task ({@link LeadImportRun}). ALL_OR_NOTHING
 * stores nothing when any row is refused; VALID_ROWS stores the valid rows and reports the others with
 * line and reason. The same file cannot be imported twice by the same person, and only so many
 * imports may be under way at once.
 */
@Service
public class LeadImports {

    public enum Mode { VALID_ROWS, ALL_OR_NOTHING }

    enum State {
        RECEIVING, QUEUED, RUNNING, DONE, REFUSED, FAILED;

        boolean underWay() {
            return this == RECEIVING || this == QUEUED || this == RUNNING;
        }
    }

    /** One refused row: its line in the file, the field and the reason, in the reader's language. */
    record RowError(int line, String field, String message) {
    }

    /** An imported row whose lead may duplicate existing leads or customers (the codes found). */
    record PossibleDuplicate(int line, UUID leadId, String matches) {
    }

    /** At most this many refused rows and duplicates are listed with the status; the report has all. */
    static final int LISTED = 1000;

    /**
     * {@code warnings}: rows imported as they are but flagged — a region that names no administrative
     * division is kept as entered (never a refusal); {@code possibleDuplicates}: imported rows whose lead
     * may duplicate existing leads or customers.
     */
    public record ImportStatus(UUID id, String fileName, Mode mode, State state, int totalRows, int processed, int imported,
                        int failed, int duplicates, List<RowError> errors, List<PossibleDuplicate> possibleDuplicates,
                        Instant createdAt, Instant finishedAt, List<RowError> warnings) {
        public int percent() {
            return totalRows == 0 ? (state.underWay() ? 0 : 100) : Math.min(100, processed * 100 / totalRows);
        }

        public boolean underWay() {
            return state.underWay();
        }

        /** Whether the list of possible duplicates stops short of them all. */
        public boolean duplicatesTruncated() {
            return duplicates > LISTED;
        }

        public int listed() {
            return LISTED;
        }
    }

    /** The person imported this very file before (and it imported rows, or is still under way). */
    public static final class AlreadyImported extends FileAlreadyImported {
        AlreadyImported(UUID earlier, String fileName, Instant at, ZoneId zone) {
            super("lead.import.alreadyImported", earlier, fileName, at, zone);
        }
    }

    static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() {
    };
    /** Serialises admission checks across nodes for an instant (pg advisory lock key). */
    private static final long ADMISSION_LOCK = 0x4c3243_494d504fL;
    private static final int STAGE_ROWS = 1000;
    private static final int STAGE_CHARS = 512 * 1024;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Regions regions;
    private final TransactionTemplate tx;
    private final BackgroundTasks background;
    private final LeadImportSettings settings;
    private final MessageSource messages;
    private final ContentTypes contentTypes;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    LeadImports(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Regions regions, TransactionTemplate tx,
                BackgroundTasks background,
                LeadImportSettings settings, MessageSource messages, ContentTypes contentTypes,
                JsonMapper json, Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.contentTypes = contentTypes;
        this.jdbcTemplate = jdbcTemplate;
        this.regions = regions;
        this.tx = tx;
        this.background = background;
        this.settings = settings;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Admits the upload, reads and checks every row and queues the import; refusals of the file itself
     * (format, limits, same file again, too many imports) answer at once and leave nothing behind.
     */
    public UUID start(String fileName, Path file, Mode mode) {
        CurrentUser me = CurrentUser.require();
        long size = size(file);
        if (size == 0) {
            throw new FieldValidationException("file", "lead.import.empty");
        }
        // by the content, not the name: a PDF, a picture or a web page renamed .csv is refused as a whole
        SpreadsheetFormat format = contentTypes.spreadsheet(file)
                .orElseThrow(() -> new FieldValidationException("file", "lead.import.notASpreadsheet",
                        ContentWords.of(contentTypes.detect(file))));
        // as every upload is named: a path cut to its file, a long name shortened to 255 characters, extension kept
        String name = UploadNames.kept(fileName, "import");
        String sha256 = sha256(file);
        UUID id = tx.execute(status -> admit(me, name, mode, sha256, size));
        try {
            tx.executeWithoutResult(status -> stage(id, format, file, mode));
        } catch (RuntimeException e) {
            tx.executeWithoutResult(status -> forget(id));
            throw e;
        }
        return id;
    }

    private UUID admit(CurrentUser me, String fileName, Mode mode, String sha256, long size) {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", ADMISSION_LOCK).query().listOfRows();
        jdbc.sql("""
                select id, file_name, created_at from lead_import
                where created_by = :me and file_sha256 = :sha
                  and (imported > 0 or state in ('RECEIVING', 'QUEUED', 'RUNNING'))
                order by created_at desc limit 1""")
                .param("me", me.id()).param("sha", sha256)
                .query((rs, i) -> new AlreadyImported(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getTimestamp("created_at").toInstant(), zone))
                .optional().ifPresent(earlier -> {
                    throw earlier;
                });
        var underWay = jdbc.sql("""
                select count(*) filter (where created_by = :me) as mine, count(*) as all_
                from lead_import where state in ('RECEIVING', 'QUEUED', 'RUNNING')""")
                .param("me", me.id()).query((rs, i) -> new int[] {rs.getInt("mine"), rs.getInt("all_")}).single();
        if (underWay[0] >= settings.perUser()) {
            throw new RequestRefusedException(429, 30, "lead.import.busy.mine", settings.perUser());
        }
        if (underWay[1] >= settings.total()) {
            throw new RequestRefusedException(429, 30, "lead.import.busy.all", settings.total());
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into lead_import (id, file_name, mode, state, created_by, created_at, file_sha256, file_size, locale)
                values (:id, :name, :mode, 'RECEIVING', :by, :now, :sha, :size, :locale)""")
                .param("id", id).param("name", fileName).param("mode", mode.name()).param("by", me.id())
                .param("now", Timestamp.from(clock.instant())).param("sha", sha256).param("size", size)
                .param("locale", LocaleContextHolder.getLocale().toLanguageTag()).update();
        // should this node die while reading the file, the task ends the import FAILED after the timeout
        background.runAfter(instance(id), settings.uploadTimeout());
        return id;
    }

    /** Reads the rows into {@code lead_import_row}: valid ones PENDING, the others REFUSED with their reasons. */
    private void stage(UUID id, SpreadsheetFormat format, Path file, Mode mode) {
        // the upload-timeout run waits for this lock, so it never fails an import still being read
        jdbc.sql("select id from lead_import where id = :id for update").param("id", id).query(UUID.class).single();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<Object[]> pending = new ArrayList<>();
        int[] counts = new int[2];
        long[] pendingChars = {0};
        LeadImportFile.read(file, "import." + format.extension(), settings.maxRows(), row -> {
            Checked checked = check(row, today);
            List<ImportProblem> errors = checked.errors();
            Map<String, String> cells = new LinkedHashMap<>();
            // jsonb holds no NUL: a cell with one is refused (LeadImportFile.draft) and kept for the report marked
            row.cells().forEach((column, value) -> cells.put(column.name(), value.replace('\u0000', '\uFFFD')));
            String cellsJson = json.writeValueAsString(cells);
            pending.add(new Object[] {id, row.line(), cellsJson, errors.isEmpty() ? "PENDING" : "REFUSED",
                    errors.isEmpty() ? null : json.writeValueAsString(errors),
                    checked.warnings().isEmpty() ? null : json.writeValueAsString(checked.warnings())});
            counts[0]++;
            counts[1] += errors.isEmpty() ? 0 : 1;
            pendingChars[0] += cellsJson.length();
            // rows go to the database in small groups: what is held here stays small whatever the file holds
            if (pending.size() == STAGE_ROWS || pendingChars[0] > STAGE_CHARS) {
                insertRows(pending);
                pendingChars[0] = 0;
            }
        });
        insertRows(pending);
        if (counts[0] == 0) {
            throw new FieldValidationException("file", "lead.import.empty");
        }
        boolean refused = mode == Mode.ALL_OR_NOTHING && counts[1] > 0;
        jdbc.sql("""
                update lead_import set state = :state, total_rows = :total, failed = :failed, processed = :processed,
                    finished_at = :finished where id = :id""")
                .param("state", refused ? State.REFUSED.name() : State.QUEUED.name()).param("total", counts[0])
                .param("failed", counts[1]).param("processed", refused ? counts[0] : counts[1])
                .param("finished", refused ? Timestamp.from(clock.instant()) : null).param("id", id).update();
        if (refused) {
            background.cancel(instance(id));
        } else {
            background.runSoon(instance(id));
        }
    }

    private void insertRows(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    insert into lead_import_row (import_id, line, cells, state, errors, warnings)
                    values (?, ?, cast(? as jsonb), ?, cast(? as jsonb), cast(? as jsonb))""", rows);
            rows.clear();
        }
    }

    /**
     * A row checked as a lead entered by hand is checked: what is wrong with it (refused), and what is
     * only flagged (a region that names no administrative division, kept as entered).
     */
    record Checked(List<ImportProblem> errors, List<ImportProblem> warnings) {
    }

    Checked check(LeadImportFile.ImportRow row, LocalDate today) {
        List<ImportProblem> errors = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        List<LeadImportFile.RowProblem> problems = new ArrayList<>();
        LeadDraft draft = LeadImportFile.draft(row, problems);
        problems.forEach(p -> errors.add(ImportProblem.of(row.line(), p.field(), p.messageKey(), p.args())));
        try {
            LeadDraft checked = LeadDrafts.validate(draft, today, regions);
            if (checked.region() != null && checked.regionCode() == null) {
                warnings.add(ImportProblem.of(row.line(), "region", "lead.import.regionUnresolved", checked.region()));
            }
        } catch (FieldValidationException e) {
            // a cell that could not be read (an unknown source) is reported once, not again as missing
            Set<String> unread = problems.stream().map(LeadImportFile.RowProblem::field).collect(Collectors.toSet());
            e.errors().stream().filter(f -> !unread.contains(f.field()))
                    .forEach(f -> errors.add(ImportProblem.of(row.line(), f.field(), f.messageKey(), f.args())));
        }
        return new Checked(errors, errors.isEmpty() ? warnings : List.of());
    }

    /** An upload refused while it was read leaves no import behind. */
    private void forget(UUID id) {
        background.cancel(instance(id));
        jdbc.sql("delete from lead_import where id = :id").param("id", id).update();
    }

    static TaskInstance<Void> instance(UUID id) {
        return new TaskInstance<>(LeadImportRun.TASK, id.toString());
    }

    public ImportStatus status(UUID id) {
        UUID me = CurrentUser.require().id();
        return jdbc.sql("select * from lead_import where id = :id and created_by = :me").param("id", id).param("me", me)
                .query((rs, i) -> status(rs, true)).optional().orElseThrow(() -> new RecordNotFoundException("Import", id));
    }

    public List<ImportStatus> mine() {
        return jdbc.sql("select * from lead_import where created_by = :me order by created_at desc limit 10")
                .param("me", CurrentUser.require().id()).query((rs, i) -> status(rs, false)).list();
    }

    /**
     * The rows of one of my imports that did not come in, as a file to correct and upload again: the
     * refused ones with their reasons and, when the import ended FAILED, the rows it never got to.
     */
    public byte[] errorReport(UUID id) {
        ImportStatus status = status(id);
        Locale reader = LocaleContextHolder.getLocale();
        String notReached = status.state() != State.FAILED ? null
                : messages.getMessage("lead.import.notReached", null, reader);
        List<LeadImportFile.ReportRow> rows = new ArrayList<>();
        jdbc.sql("select line, cells, errors from lead_import_row where import_id = :id"
                        + " and (errors is not null or (:failed and state = 'PENDING')) order by line")
                .param("id", id).param("failed", notReached != null).query(rs -> {
                    Map<LeadImportFile.Column, String> cells = new java.util.EnumMap<>(LeadImportFile.Column.class);
                    json.readValue(rs.getString("cells"), CELLS).forEach((k, v) -> cells.put(LeadImportFile.Column.valueOf(k), v));
                    String reasons = rs.getString("errors") == null ? notReached : ImportProblem.reasons(
                            problems(rs.getString("errors"), 0).stream().map(p -> p.reportText(messages, reader,
                                    LeadImportFile.fieldLabel(p.field(), messages, reader))).toList());
                    rows.add(new LeadImportFile.ReportRow(rs.getInt("line"), cells, reasons));
                });
        return LeadImportFile.errorReportXlsx(rows);
    }

    private ImportStatus status(ResultSet rs, boolean withReport) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Locale reader = LocaleContextHolder.getLocale();
        List<RowError> errors = new ArrayList<>();
        String fileErrors = rs.getString("errors");
        if (fileErrors != null) {
            problems(fileErrors, 0).forEach(p -> errors.add(new RowError(p.line(), p.field(), p.text(messages, reader))));
        }
        List<PossibleDuplicate> duplicates = new ArrayList<>();
        List<RowError> warnings = new ArrayList<>();
        if (withReport) {
            jdbc.sql("""
                    select line, errors, warnings, lead_id, duplicate_of from lead_import_row
                    where import_id = :id and (errors is not null or warnings is not null or duplicate_of is not null)
                    order by line limit :n""")
                    .param("id", id).param("n", LISTED).query(r -> {
                        int line = r.getInt("line");
                        problems(r.getString("errors"), line).forEach(p ->
                                errors.add(new RowError(line, p.field(), p.text(messages, reader))));
                        problems(r.getString("warnings"), line).forEach(w ->
                                warnings.add(new RowError(line, w.field(), w.text(messages, reader))));
                        if (r.getString("duplicate_of") != null) {
                            duplicates.add(new PossibleDuplicate(r.getInt("line"), r.getObject("lead_id", UUID.class),
                                    duplicates(r.getString("duplicate_of"), reader)));
                        }
                    });
        }
        return new ImportStatus(id, rs.getString("file_name"), Mode.valueOf(rs.getString("mode")),
                State.valueOf(rs.getString("state")), rs.getInt("total_rows"), rs.getInt("processed"),
                rs.getInt("imported"), rs.getInt("failed"), rs.getInt("duplicates"), errors, duplicates,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(), warnings);
    }

    /**
     * One of my imports as its page shows it: its file's problems and the first of its rows', up to
     * {@value ImportProblem#SHOWN}, each field named as the template's column, and how many more the report holds.
     */
    public ImportProblem.Listing problems(UUID id) {
        String fileErrors = jdbc.sql("select errors from lead_import where id = :id and created_by = :me")
                .param("id", id).param("me", CurrentUser.require().id()).query((rs, i) -> Optional.ofNullable(rs.getString(1)))
                .optional().orElseThrow(() -> new RecordNotFoundException("Import", id)).orElse(null);
        List<ImportProblem> fileProblems = problems(fileErrors, 0);
        List<ImportProblem> problems = new ArrayList<>(fileProblems);
        // a refused row has at least one problem: the first rows so many are enough
        jdbc.sql("""
                select line, errors from lead_import_row where import_id = :id and errors is not null
                order by line limit :n""")
                .param("id", id).param("n", ImportProblem.SHOWN)
                .query(r -> {
                    problems.addAll(problems(r.getString("errors"), r.getInt("line")));
                });
        int rowProblems = jdbc.sql("""
                select coalesce(sum(jsonb_array_length(errors)), 0) from lead_import_row
                where import_id = :id and errors is not null""").param("id", id).query(Integer.class).single();
        Locale reader = LocaleContextHolder.getLocale();
        List<ImportProblem.Shown> shown = problems.stream().limit(ImportProblem.SHOWN)
                .map(p -> new ImportProblem.Shown(p.line(), LeadImportFile.fieldLabel(p.field(), messages, reader),
                        p.text(messages, reader))).toList();
        return new ImportProblem.Listing(shown, fileProblems.size() + rowProblems - shown.size());
    }

    /**
     * A row's possible duplicates in the reader's language; those stored before as text, in the uploader's language
     * (never a JSON list: a code or a sentence), read as they were.
     */
    private String duplicates(String stored, Locale reader) {
        if (!stored.startsWith("[")) {
            return stored;
        }
        return String.join(", ", problems(stored, 0).stream().map(p -> p.text(messages, reader)).toList());
    }

    /** Problems as stored (those stored before keys were, {field, message}, read as text), on their row's line. */
    private List<ImportProblem> problems(String stored, int line) {
        if (stored == null) {
            return List.of();
        }
        return java.util.Arrays.stream(json.readValue(stored, ImportProblem[].class))
                .map(p -> line > 0 ? p.atLine(line) : p).toList();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Locale locale(String tag) {
        return tag == null ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(tag);
    }
}
