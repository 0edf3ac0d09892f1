package com.lead2cash.customer.internal.io;

import com.lead2cash.customer.CompanyKeys;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.customer.internal.CustomerService;
import com.lead2cash.customer.internal.DuplicateCheck;
import com.lead2cash.customer.internal.HoldingCheck;
import com.lead2cash.customer.internal.contact.ContactService;
import com.lead2cash.customer.internal.domain.CompanySize;
import com.lead2cash.customer.internal.domain.ContactDetails;
import com.lead2cash.customer.internal.domain.CustomerProfile;
import com.lead2cash.customer.internal.domain.CustomerSource;
import com.lead2cash.customer.internal.domain.GradeFactors;
import com.lead2cash.customer.internal.jobs.CustomerScheduling;
import com.lead2cash.files.ContentTypes;
import com.lead2cash.platform.FileAlreadyImported;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DeferredInserts;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.ImportColumns;
import com.lead2cash.platform.ImportProblem;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.UploadNames;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customer import (客户导入), the lead import's guarantees: every row is checked first (profile, owner
 * within the uploader's team, grade, first contact, duplicates against existing customers and within
 * the file); ALL_OR_NOTHING stores nothing when any row is refused, else everything in one transaction;
 * VALID_ROWS stores the valid rows in batches (a row is whole or absent, never half) and reports the
 * others with line and reason in the uploader's language (a row beyond its owner's C7 limit too). The
 * upload is stored and run as a db-scheduler task, as the uploader, so it survives a restart and its
 * audit entries are theirs.
 *
 * <p>Every row goes the whole registration path of {@link CustomerService#register}; what a batch of
 * {@value #BATCH} rows would ask row by row is asked once for the batch, as the lead import does: the
 * duplicate look-up (under the locks of the batch's names and credit codes, taken before it in one statement, so a
 * registration of the same company at the same time waits and finds it, as one by hand does), the code numbers, the
 * owners' C7 lock and count, and the new rows — customer, contact, history, follow-up deadline, audit — sent as
 * multi-row inserts just before the batch commits.
 */
@Service
public class CustomerImports implements CustomerScheduling.ImportRunner {

    public enum Mode { VALID_ROWS, ALL_OR_NOTHING }

    public enum State { QUEUED, RUNNING, DONE, REFUSED, FAILED }

    static final int MAX_ROWS = 20_000;
    static final int MAX_BYTES = 10 << 20;
    static final int BATCH = 500;
    private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() {
    };
    /** What a status shows; never the uploaded file, which stays stored until the import ends. */
    private static final String STATUS_COLUMNS = "id, file_name, mode, state, total_rows, processed, imported, failed,"
            + " errors, created_at, finished_at";
    private static final Logger log = LoggerFactory.getLogger(CustomerImports.class);

    /** Size labels as people write them in a sheet. */
    private static final Map<String, CompanySize> SIZES = Map.of("微型", CompanySize.MICRO, "小型", CompanySize.SMALL,
            "中型", CompanySize.MEDIUM, "大型", CompanySize.LARGE);

    public record CustomerImportRowError(int line, String field, String message) {
    }

    /**
     * An import's status: {@code errors} lists its first {@value ImportProblem#SHOWN} problems, as its page does (a
     * file of garbage must not answer with every one), {@code problemCount} counts them all, and {@code report} is
     * where they all are: the refused rows with their reasons, as an .xlsx (null when there is no problem).
     */
    public record CustomerImportStatus(UUID id, String fileName, Mode mode, State state, int totalRows, int processed,
                                       int imported, int failed, List<CustomerImportRowError> errors, int problemCount,
                                       String report, Instant createdAt, Instant finishedAt) {
        public int percent() {
            return totalRows == 0 ? (state == State.RUNNING || state == State.QUEUED ? 0 : 100) : processed * 100 / totalRows;
        }

        public boolean finished() {
            return state != State.QUEUED && state != State.RUNNING;
        }
    }

    /** A row checked and ready to store. */
    private record Ready(int line, CustomerProfile profile, CustomerGrade grade, UUID owner, ContactDetails contact) {
        /** What the duplicate check matches the row on. */
        CompanyKeys keys() {
            return CompanyKeys.of(profile.name(), profile.uscc(), contact == null ? null : contact.phone(),
                    contact == null ? null : contact.email());
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final CustomerService customers;
    private final ContactService contacts;
    private final DuplicateCheck duplicates;
    private final HoldingCheck holding;
    private final DeferredInserts inserts;
    private final CustomerAccess access;
    private final OrgDirectory directory;
    private final CustomerScheduling.ImportQueue scheduler;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final ContentTypes contentTypes;
    private final ZoneId zone;

    CustomerImports(JdbcClient jdbc, JdbcTemplate jdbcTemplate, CustomerService customers, ContactService contacts,
                    DuplicateCheck duplicates,
                    HoldingCheck holding, DeferredInserts inserts, CustomerAccess access, OrgDirectory directory,
                    CustomerScheduling.ImportQueue scheduler, TransactionTemplate tx, MessageSource messages,
                    JsonMapper json, Clock clock, ContentTypes contentTypes, @Value("${l2c.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.customers = customers;
        this.contacts = contacts;
        this.duplicates = duplicates;
        this.holding = holding;
        this.inserts = inserts;
        this.access = access;
        this.directory = directory;
        this.scheduler = scheduler;
        this.tx = tx;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.contentTypes = contentTypes;
        this.zone = zone;
    }

    /** The person imported this very file before (and it imported rows, or is still under way). */
    public static final class AlreadyImported extends FileAlreadyImported {
        AlreadyImported(UUID earlier, String fileName, Instant at, ZoneId zone) {
            super("customer.import.alreadyImported", earlier, fileName, at, zone);
        }
    }

    /**
     * Reads the file (a file that cannot be read answers at once), stores it and schedules the import. The same file
     * (by its SHA-256) imported again by the same person while the earlier import is under way, or after it imported
     * customers, is refused at once naming the earlier import ({@link AlreadyImported}), as the lead import refuses
     * it: uploads of one person are admitted one at a time, so the same file sent twice at once is found by the
     * second.
     */
    public UUID start(String fileName, byte[] content, Mode mode, Locale locale) {
        CurrentUser me = CurrentUser.require();
        if (content == null || content.length == 0) {
            throw new FieldValidationException("file", "customer.import.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new FieldValidationException("file", "customer.import.tooLarge", MAX_BYTES >> 20);
        }
        String sha256 = sha256(content);
        // told before the file is read, and again below under the person's lock before anything is stored
        refuseImportedBefore(me, sha256);
        int rows = CustomerImportFile.read(content, MAX_ROWS, contentTypes).size();
        UUID id = Ids.newId();
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", "customer-import:" + me.id()).query().listOfRows();
            refuseImportedBefore(me, sha256);
            jdbc.sql("""
                    insert into customer_import (id, file_name, mode, state, total_rows, content, locale, created_by,
                        created_at, file_sha256)
                    values (:id, :name, :mode, 'QUEUED', :total, :content, :locale, :by, :now, :sha)""")
                    .param("id", id).param("name", UploadNames.kept(fileName, "import")).param("mode", mode.name())
                    .param("total", rows).param("content", content).param("locale", locale.toLanguageTag())
                    .param("by", me.id()).param("now", Timestamp.from(clock.instant())).param("sha", sha256).update();
            scheduler.scheduleImport(id);
        });
        return id;
    }

    /** Refuses the file when {@code me} imported it before and that import is under way or imported customers. */
    private void refuseImportedBefore(CurrentUser me, String sha256) {
        jdbc.sql("""
                select id, file_name, created_at from customer_import
                where created_by = :me and file_sha256 = :sha
                  and (imported > 0 or state in ('QUEUED', 'RUNNING'))
                order by created_at desc limit 1""")
                .param("me", me.id()).param("sha", sha256)
                .query((rs, i) -> new AlreadyImported(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getTimestamp("created_at").toInstant(), zone))
                .optional().ifPresent(earlier -> {
                    throw earlier;
                });
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The db-scheduler task: runs a queued import once (a second execution finds it no longer queued). */
    @Override
    public void run(UUID id) {
        record Queued(String fileName, Mode mode, byte[] content, UUID uploader) {
        }
        Queued q = jdbc.sql("""
                update customer_import set state = 'RUNNING' where id = :id and state = 'QUEUED'
                returning file_name, mode, content, created_by""").param("id", id)
                .query((rs, i) -> new Queued(rs.getString("file_name"), Mode.valueOf(rs.getString("mode")),
                        rs.getBytes("content"), rs.getObject("created_by", UUID.class))).optional().orElse(null);
        if (q == null) {
            return;
        }
        OrgDirectory.Person person = directory.person(q.uploader()).orElse(null);
        if (person == null || !person.active()) {
            finish(id, State.FAILED, List.of(ImportProblem.of(0, "file", "customer.import.uploaderGone")));
            return;
        }
        CurrentUser uploader = CurrentUser.of(person);
        try {
            actAs(uploader, () -> {
                process(id, q.fileName(), q.content(), q.mode());
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Customer import {} failed", id, e);
            finish(id, State.FAILED, List.of(ImportProblem.of(0, "file", "customer.import.failed")));
        }
    }

    private void process(UUID id, String fileName, byte[] content, Mode mode) {
        Map<String, OrgDirectory.Person> people = owners();
        // the uploader's team, read once for the whole file
        Scope scope = access.scope();
        List<CustomerImportFile.ImportRow> rows = CustomerImportFile.read(content, MAX_ROWS, contentTypes);
        List<List<Checked>> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Checked> checked = new ArrayList<>();
            for (CustomerImportFile.ImportRow row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                checked.add(check(row, people, scope));
            }
            batches.add(checked);
        }
        if (mode == Mode.ALL_OR_NOTHING) {
            allOrNothing(id, rows, batches);
        } else {
            validRows(id, rows, batches);
        }
    }

    /**
     * ALL_OR_NOTHING: the whole file in one transaction, which holds the keys of all its rows from before their
     * duplicate look-up until it commits ({@link DuplicateCheck#lockKeys}, one statement), so a registration of a company
     * of the file sent meanwhile waits and then finds it, and one committed before is found. A file refused whatever
     * its duplicates (a row refused on its own) holds nothing: its duplicates are only listed.
     */
    private void allOrNothing(UUID id, List<CustomerImportFile.ImportRow> rows, List<List<Checked>> batches) {
        List<Checked> all = batches.stream().flatMap(List::stream).toList();
        List<ImportProblem> errors = new ArrayList<>();
        List<Ready> ready = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Integer imported;
        if (all.stream().anyMatch(c -> !c.problems().isEmpty())) {
            batches.forEach(batch -> judge(batch, seen, errors, ready));
            imported = null;
        } else {
            try {
                imported = tx.execute(status -> {
                    duplicates.lockKeys(keys(all));
                    batches.forEach(batch -> judge(batch, seen, errors, ready));
                    if (!errors.isEmpty()) {
                        // nothing written yet: the commit only lets the keys go
                        return null;
                    }
                    for (int from = 0; from < ready.size(); from += BATCH) {
                        List<Ready> batch = ready.subList(from, Math.min(ready.size(), from + BATCH));
                        customers.prepareBatch(batch.size(), owners(batch));
                        batch.forEach(this::store);
                        // one transaction for the whole file: what it queued goes out batch by batch
                        inserts.flush();
                    }
                    return ready.size();
                });
            } catch (DomainException e) {
                // a rule only the store can check (the holding limit) refused a row: nothing is stored
                progress(id, rows.size(), 0, rows.size());
                finish(id, State.REFUSED, List.of(ImportProblem.of(0, "file", e)));
                return;
            }
        }
        if (imported == null) {
            progress(id, rows.size(), 0, refusedRows(errors));
            finish(id, State.REFUSED, errors, rows);
            return;
        }
        progress(id, rows.size(), imported, 0);
        finish(id, State.DONE, errors, rows);
    }

    /**
     * VALID_ROWS: each batch in its own transaction, which holds the keys of the batch's rows from before their
     * duplicate look-up until it commits ({@link DuplicateCheck#lockKeys}, one statement a batch), so a registration of
     * a company of the batch sent meanwhile waits and then finds it, and one committed before refuses the row.
     */
    private void validRows(UUID id, List<CustomerImportFile.ImportRow> rows, List<List<Checked>> batches) {
        List<ImportProblem> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int imported = 0;
        int refused = 0;
        for (List<Checked> checked : batches) {
            List<ImportProblem> problems = new ArrayList<>();
            List<Ready> ready = new ArrayList<>();
            List<ImportProblem> beyondLimit = new ArrayList<>();
            try {
                imported += tx.execute(status -> {
                    duplicates.lockKeys(keys(checked));
                    judge(checked, seen, problems, ready);
                    return ready.isEmpty() ? 0 : storeBatch(ready, beyondLimit);
                });
                problems.addAll(beyondLimit);
            } catch (DomainException batchRefused) {
                // a row of the batch was refused by a rule no check before could see: store the others one by one,
                // each checked again as it is stored, and say which
                for (Ready r : ready) {
                    try {
                        ImportProblem duplicate = tx.execute(status -> storeAlone(r));
                        if (duplicate == null) {
                            imported++;
                        } else {
                            problems.add(duplicate);
                        }
                    } catch (DomainException e) {
                        problems.add(ImportProblem.of(r.line(), "row", e));
                    }
                }
            }
            errors.addAll(problems);
            refused += refusedRows(problems);
            progress(id, imported + refused, imported, refused);
        }
        progress(id, rows.size(), imported, refused);
        errors.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        finish(id, State.DONE, errors, rows);
    }

    /**
     * The rows of a batch against existing customers (one look-up for the batch) and the rows above them in the file,
     * judged in file order: their problems go to {@code errors}, the rows with none to {@code ready}.
     */
    private void judge(List<Checked> batch, Set<String> seen, List<ImportProblem> errors, List<Ready> ready) {
        Map<CompanyKeys, List<DuplicateCheck.Match>> found = duplicates.findAll(keys(batch));
        for (Checked c : batch) {
            if (c.keys() != null) {
                duplicatesOf(c, found.get(c.keys()), seen);
            }
            errors.addAll(c.problems());
            if (c.problems().isEmpty()) {
                ready.add(c.ready());
            }
        }
    }

    private static List<CompanyKeys> keys(List<Checked> rows) {
        return rows.stream().map(Checked::keys).filter(Objects::nonNull).toList();
    }

    private static int refusedRows(List<ImportProblem> problems) {
        return (int) problems.stream().mapToInt(ImportProblem::line).distinct().count();
    }

    /**
     * One row stored in the current transaction as a registration is: its keys held, then looked up. Answers the
     * duplicate that refuses it, or null when it is stored.
     */
    private ImportProblem storeAlone(Ready r) {
        CompanyKeys keys = r.keys();
        duplicates.lockKeys(List.of(keys));
        ImportProblem duplicate = duplicate(r.line(), duplicates.findAll(List.of(keys)).get(keys));
        if (duplicate == null) {
            store(r);
        }
        return duplicate;
    }

    /**
     * Stores a batch of checked rows in the current transaction: a row whose owner has no room left (C7)
     * is reported in {@code beyondLimit} and left out, the others stored whole. Answers how many were stored.
     */
    private int storeBatch(List<Ready> batch, List<ImportProblem> beyondLimit) {
        customers.prepareBatch(batch.size(), owners(batch));
        int stored = 0;
        for (Ready r : batch) {
            try {
                holding.checkRoomFor(r.owner(), 1);
            } catch (DomainException e) {
                beyondLimit.add(ImportProblem.of(r.line(), "row", e));
                continue;
            }
            store(r);
            stored++;
        }
        return stored;
    }

    private static Set<UUID> owners(List<Ready> batch) {
        Set<UUID> owners = new HashSet<>();
        batch.forEach(r -> owners.add(r.owner()));
        return owners;
    }

    /** A row as checked so far: its problems, what it would store, and its company keys (null without a valid profile). */
    private record Checked(List<ImportProblem> problems, Ready ready, CompanyKeys keys) {
    }

    /** The refusal of an owner the uploader may not give customers to, in the words of the uploader's scope. */
    private static String ownerRefusal(Scope scope) {
        return switch (scope.kind()) {
            case SELF -> "customer.import.owner.notYou";
            case TEAM -> "customer.import.owner.unknown";
            case ALL -> "customer.import.owner.unknownAnywhere";
        };
    }

    /** Everything about a row that needs no other row and no database: profile, grade, owner, contact. */
    private Checked check(CustomerImportFile.ImportRow row, Map<String, OrgDirectory.Person> people, Scope scope) {
        List<ImportProblem> problems = new ArrayList<>();
        Map<CustomerImportFile.Column, String> refused = ImportColumns.refusedCells(row.cells(), row.formulas());
        if (!refused.isEmpty()) {
            // text the API refuses, and a formula whose value the file does not hold, never reach the checks below nor
            // the database
            refused.forEach((column, key) -> problems.add(ImportProblem.of(row.line(), CustomerImportFile.field(column),
                    key, InputRules.MAX_TEXT)));
            return new Checked(problems, null, null);
        }
        CustomerProfile profile = null;
        try {
            profile = CustomerProfile.validated(row.get(CustomerImportFile.Column.NAME), row.get(CustomerImportFile.Column.USCC),
                    row.get(CustomerImportFile.Column.INDUSTRY), size(row, problems), row.get(CustomerImportFile.Column.REGION),
                    null, row.get(CustomerImportFile.Column.ADDRESS), row.get(CustomerImportFile.Column.WEBSITE),
                    source(row, problems));
        } catch (FieldValidationException e) {
            e.errors().forEach(f -> problems.add(ImportProblem.of(row.line(), f.field(), f.messageKey(), f.args())));
        }
        CustomerGrade grade = CustomerGrade.C;
        String g = row.get(CustomerImportFile.Column.GRADE);
        if (g != null) {
            String letter = g.strip().toUpperCase(Locale.ROOT).replace("级", "").replace("类", "");
            try {
                grade = CustomerGrade.valueOf(letter);
            } catch (IllegalArgumentException e) {
                problems.add(ImportProblem.of(row.line(), "grade", "customer.import.grade.unknown", g));
            }
        }
        UUID owner = CurrentUser.require().id();
        String username = row.get(CustomerImportFile.Column.OWNER);
        if (username != null) {
            OrgDirectory.Person p = people.get(username.strip().toLowerCase(Locale.ROOT));
            if (p == null || !scope.covers(p.id())) {
                // one answer for a name unknown and one outside the team: an import is no way to learn who exists;
                // worded by the uploader's scope (a rep imports for themselves only, a manager for their team)
                problems.add(ImportProblem.of(row.line(), "owner", ownerRefusal(scope), username));
            } else {
                owner = p.id();
            }
        }
        ContactDetails contact = null;
        String contactName = row.get(CustomerImportFile.Column.CONTACT_NAME);
        if (contactName != null || row.get(CustomerImportFile.Column.CONTACT_PHONE) != null
                || row.get(CustomerImportFile.Column.CONTACT_EMAIL) != null) {
            try {
                contact = ContactDetails.validated(contactName, row.get(CustomerImportFile.Column.CONTACT_TITLE), null,
                        row.get(CustomerImportFile.Column.CONTACT_PHONE), row.get(CustomerImportFile.Column.CONTACT_EMAIL),
                        null, null, null, null);
            } catch (FieldValidationException e) {
                e.errors().forEach(f -> problems.add(ImportProblem.of(row.line(), "contact." + f.field(), f.messageKey(),
                        f.args())));
            }
        }
        Ready ready = new Ready(row.line(), profile, grade, owner, contact);
        return new Checked(problems, ready, profile == null ? null : ready.keys());
    }

    /**
     * The row against existing customers ({@code found}: its possible duplicates, the first one reported)
     * and against the rows above it in the file (same name or credit code).
     */
    private static void duplicatesOf(Checked row, List<DuplicateCheck.Match> found, Set<String> seen) {
        int line = row.ready().line();
        CompanyKeys keys = row.keys();
        ImportProblem duplicate = duplicate(line, found);
        if (duplicate != null) {
            row.problems().add(duplicate);
        }
        boolean repeated = !seen.add("n:" + keys.name()) | (keys.uscc() != null && !seen.add("u:" + keys.uscc()));
        if (repeated) {
            row.problems().add(ImportProblem.of(line, "name", "customer.import.repeated"));
        }
    }

    /** The row's first possible duplicate as its problem, or null when it has none. */
    private static ImportProblem duplicate(int line, List<DuplicateCheck.Match> found) {
        if (found.isEmpty()) {
            return null;
        }
        DuplicateCheck.Match m = found.get(0);
        return m.visible() ? ImportProblem.of(line, "name", "customer.import.duplicate", m.code() + " " + m.name())
                // no owner named: unowned, or matched only on a field hidden from the uploader (decision 0022)
                : m.ownerName() == null ? ImportProblem.of(line, "name", "customer.import.duplicateOtherTeamUnnamed")
                : ImportProblem.of(line, "name", "customer.import.duplicateOtherTeam", m.ownerName());
    }

    /** One row the whole customer SOP path: registered (C7, code, cadence and its deadline, history, audit), with its contact. */
    private void store(Ready r) {
        var registered = customers.register(r.profile(), null, r.grade(), GradeFactors.UNKNOWN, null,
                CustomerStatus.PROSPECT, r.owner(), CurrentUser.require().id());
        if (r.contact() != null) {
            contacts.addFirstTo(registered.customer().id(), r.contact());
        }
    }

    private CompanySize size(CustomerImportFile.ImportRow row, List<ImportProblem> problems) {
        String s = row.get(CustomerImportFile.Column.SIZE);
        if (s == null) {
            return null;
        }
        CompanySize size = SIZES.get(s.strip());
        if (size == null) {
            size = CustomerImportFile.SIZES.code(s, messages).map(CompanySize::valueOf).orElse(null);
            if (size == null) {
                problems.add(ImportProblem.of(row.line(), "size", "customer.import.size.unknown", s,
                        CustomerImportFile.SIZES.labels()));
            }
        }
        return size;
    }

    /**
     * A source as a code or as its label in either language; anything else is a row problem listing the sources a row
     * may name (as a lead import's is), never taken as OTHER.
     */
    private CustomerSource source(CustomerImportFile.ImportRow row, List<ImportProblem> problems) {
        String s = row.get(CustomerImportFile.Column.SOURCE);
        if (s == null) {
            return null;
        }
        CustomerSource source = CustomerImportFile.SOURCES.code(s, messages).map(CustomerSource::valueOf).orElse(null);
        if (source == null) {
            problems.add(ImportProblem.of(row.line(), "source", "customer.import.source.unknown", s,
                    CustomerImportFile.SOURCES.labels()));
        }
        return source;
    }

    /** Active people who may own customers, by username. */
    private Map<String, OrgDirectory.Person> owners() {
        Map<String, OrgDirectory.Person> people = new HashMap<>();
        for (Role role : List.of(Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_MANAGER, Role.REGIONAL_MANAGER,
                Role.SALES_DIRECTOR, Role.SALES_ASSISTANT)) {
            directory.activeWithRole(role).forEach(p -> people.put(p.username().toLowerCase(Locale.ROOT), p));
        }
        return people;
    }

    private void progress(UUID id, int processed, int imported, int failed) {
        jdbc.sql("update customer_import set processed = :p, imported = :i, failed = :f where id = :id")
                .param("p", processed).param("i", imported).param("f", failed).param("id", id).update();
    }

    /** Ends the import and keeps the cells of the rows it refused, for the report: the file itself is dropped. */
    private void finish(UUID id, State state, List<ImportProblem> errors, List<CustomerImportFile.ImportRow> rows) {
        Set<Integer> refused = new HashSet<>();
        errors.forEach(p -> refused.add(p.line()));
        List<Object[]> kept = new ArrayList<>();
        for (CustomerImportFile.ImportRow row : rows) {
            if (refused.contains(row.line())) {
                Map<String, String> cells = new LinkedHashMap<>();
                // jsonb holds no NUL: a cell with one was refused for it, and is kept marked
                row.cells().forEach((column, value) -> cells.put(column.name(), value.replace('\u0000', '\uFFFD')));
                kept.add(new Object[] {id, row.line(), json.writeValueAsString(cells)});
            }
        }
        tx.executeWithoutResult(status -> {
            jdbcTemplate.batchUpdate("insert into customer_import_row (import_id, line, cells) values (?, ?, cast(? as jsonb))",
                    kept);
            finish(id, state, errors);
        });
    }

    private void finish(UUID id, State state, List<ImportProblem> errors) {
        jdbc.sql("update customer_import set state = :s, errors = :e, finished_at = :now, content = null where id = :id")
                .param("s", state.name()).param("e", json.writeValueAsString(errors))
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** One of my imports, its first problems said in the reader's language. */
    public CustomerImportStatus status(UUID id) {
        Locale reader = LocaleContextHolder.getLocale();
        Stored stored = stored(id);
        return stored.status(stored.problems().stream().limit(ImportProblem.SHOWN)
                .map(p -> new CustomerImportRowError(p.line(), p.field(), p.text(messages, reader))).toList());
    }

    /**
     * One of my imports as its page shows it: the first {@value ImportProblem#SHOWN} problems, each field
     * named as the template's column, and how many more the report holds.
     */
    public CustomerImportPage page(UUID id) {
        Stored stored = stored(id);
        List<ImportProblem> problems = stored.problems();
        List<ImportProblem> first = problems.subList(0, Math.min(problems.size(), ImportProblem.SHOWN));
        return new CustomerImportPage(stored.status(List.of()),
                new ImportProblem.Listing(shown(first), problems.size() - first.size()));
    }

    /** The status of an import as its page shows it, with its problems listed short. */
    public record CustomerImportPage(CustomerImportStatus status, ImportProblem.Listing problems) {
    }

    /**
     * The rows one of my imports refused, for the report file (another's import is not found, before anything is
     * sent): in the template's columns as the file gave them, every reason of the row in the reader's language
     * beside them; the problems of the whole file first, with no cells. A row refused before its cells were kept
     * comes with its reasons only.
     */
    public CustomerImportReport report(UUID id) {
        Locale reader = LocaleContextHolder.getLocale();
        Map<Integer, List<String>> reasons = new TreeMap<>();
        stored(id).problems().forEach(p -> reasons.computeIfAbsent(p.line(), l -> new ArrayList<>())
                .add(p.reportText(messages, reader, CustomerImportFile.fieldLabel(p.field(), messages, reader))));
        Map<Integer, Map<CustomerImportFile.Column, String>> cells = new HashMap<>();
        jdbc.sql("select line, cells from customer_import_row where import_id = :id").param("id", id).query(rs -> {
            Map<CustomerImportFile.Column, String> row = new EnumMap<>(CustomerImportFile.Column.class);
            json.readValue(rs.getString("cells"), CELLS).forEach((k, v) -> row.put(CustomerImportFile.Column.valueOf(k), v));
            cells.put(rs.getInt("line"), row);
        });
        List<CustomerImportFile.ReportRow> rows = new ArrayList<>(reasons.size());
        reasons.forEach((line, texts) -> rows.add(new CustomerImportFile.ReportRow(line,
                cells.getOrDefault(line, Map.of()), ImportProblem.reasons(texts))));
        return out -> CustomerImportFile.reportXlsx(rows, out);
    }

    /** The report, written as an .xlsx while it is sent. */
    public interface CustomerImportReport {
        void writeTo(OutputStream out);
    }

    private List<ImportProblem.Shown> shown(List<ImportProblem> problems) {
        Locale reader = LocaleContextHolder.getLocale();
        return problems.stream().map(p -> new ImportProblem.Shown(p.line(),
                CustomerImportFile.fieldLabel(p.field(), messages, reader), p.text(messages, reader))).toList();
    }

    public List<CustomerImportStatus> mine() {
        return jdbc.sql("select " + STATUS_COLUMNS + " from customer_import where created_by = :me order by created_at desc limit 10")
                .param("me", CurrentUser.require().id()).query((rs, i) -> stored(rs).status(List.of())).list();
    }

    /** An import as stored: its counts and its problems, not yet said in any language. */
    private record Stored(UUID id, String fileName, Mode mode, State state, int totalRows, int processed, int imported,
                          int failed, List<ImportProblem> problems, Instant createdAt, Instant finishedAt) {
        CustomerImportStatus status(List<CustomerImportRowError> errors) {
            return new CustomerImportStatus(id, fileName, mode, state, totalRows, processed, imported, failed, errors,
                    problems.size(), problems.isEmpty() ? null : "/api/v1/customers/imports/" + id + "/report.xlsx",
                    createdAt, finishedAt);
        }
    }

    /** One of my imports (another's is not found). */
    private Stored stored(UUID id) {
        UUID me = CurrentUser.require().id();
        return jdbc.sql("select " + STATUS_COLUMNS + " from customer_import where id = :id and created_by = :me")
                .param("id", id).param("me", me)
                .query((rs, i) -> stored(rs)).optional().orElseThrow(() -> new RecordNotFoundException("Import", id));
    }

    private Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        String errors = rs.getString("errors");
        // problems stored before keys were: {line, field, message}, read as text
        List<ImportProblem> list = errors == null ? List.of() : List.of(json.readValue(errors, ImportProblem[].class));
        return new Stored(rs.getObject("id", UUID.class), rs.getString("file_name"),
                Mode.valueOf(rs.getString("mode")), State.valueOf(rs.getString("state")), rs.getInt("total_rows"),
                rs.getInt("processed"), rs.getInt("imported"), rs.getInt("failed"), list,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());
    }

    /**
     * Runs work on this thread as the uploader and restores the thread's identity after, so the audit
     * trail and the customers' history name them (the same as the platform's acting-as for imports).
     */
    private static <T> T actAs(CurrentUser user, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated((CurrentUser.HasCurrentUser) () -> user,
                null, user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        SecurityContextHolder.setContext(acting);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** The import template (.xlsx: the header row with its dropdowns, and its instructions in the reader's language). */
    public byte[] template(Locale locale) {
        return CustomerImportFile.templateXlsx(messages, locale);
    }
}
