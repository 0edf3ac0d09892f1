package com.lead2cash.sop.internal.calendar;

import com.lead2cash.platform.PerTransaction;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.BadRequestException;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.ListText;
import com.lead2cash.sop.DeadlineUncountableException;
import com.lead2cash.sop.internal.policy.PolicyService;
import com.lead2cash.sop.internal.policy.WindowsOnCalendar;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.DayKind;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.WorkingCalendar;
import com.lead2cash.sop.internal.CalendarFileParser;
import com.lead2cash.sop.internal.ChinaPublicHolidays;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The persisted working calendar. Each {@link #current()} reads the settings row's revision (one
 * primary-key lookup) and rebuilds the cached {@link WorkingCalendar} only when some node changed
 * the calendar since; the whole calendar is a few hundred dated rows at most.
 */
@Service
public class CalendarService implements BusinessCalendar {

    /** The calendar's settings as stored. */
    public record Settings(ZoneId zone, LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> workingWeekdays,
                           long revision) {
    }

    /** One dated exception as listed. */
    public record DatedException(LocalDate day, DayKind kind, String note, String source) {
    }

    /** What an import did. */
    public record ImportResult(int imported, int holidays, int workdays) {
    }

    /**
     * The years a calendar file, or a single day, may set, counted from the calendar's today: last year (to correct it) to this many
     * years ahead — the official schedule is published a year ahead, a company's own closures a few years at most.
     * A date of another year in a file is its line's error; nothing is imported.
     */
    public static final int IMPORT_YEARS_BACK = 1;
    public static final int IMPORT_YEARS_AHEAD = 5;

    /** An import refused because of invalid lines; nothing was stored. */
    public static class ImportRefused extends RuntimeException {
        private final List<CalendarFileParser.LineError> errors;
        private final int unreported;

        ImportRefused(List<CalendarFileParser.LineError> errors, int unreported) {
            super("calendar.import.refused", null, false, false);
            this.errors = List.copyOf(errors);
            this.unreported = unreported;
        }

        /** The first bad lines ({@link CalendarFileParser#REPORTED_ERRORS} at most). */
        public List<CalendarFileParser.LineError> errors() {
            return errors;
        }

        /** How many more bad lines the file has. */
        public int unreported() {
            return unreported;
        }
    }

    private record Cached(long revision, WorkingCalendar calendar) {
    }

    private static final long SEED_LOCK = 0x50_50_CA_1EL;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private volatile Cached cached;
    private final Object currentInTransaction = new Object();

    private final PolicyService policy;

    CalendarService(JdbcClient jdbc, Clock clock, AuditTrail audit, TransactionTemplate tx, PolicyService policy) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
    }

    /** The calendar in force; checked once per transaction, as the policy is. */
    @Override
    public WorkingCalendar current() {
        return PerTransaction.get(currentInTransaction, this::latest);
    }

    private WorkingCalendar latest() {
        long revision = jdbc.sql("select revision from sop_calendar_settings where id = 1").query(Long.class).single();
        Cached known = cached;
        if (known != null && known.revision() == revision) {
            return known.calendar();
        }
        Settings s = settings();
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        jdbc.sql("select day, kind from sop_calendar_exception")
                .query(rs -> {
                    exceptions.put(rs.getDate("day").toLocalDate(), DayKind.valueOf(rs.getString("kind")));
                });
        WorkingCalendar calendar = new WorkingCalendar(s.zone(), s.workStart(), s.workEnd(), s.workingWeekdays(),
                exceptions);
        cached = new Cached(s.revision(), calendar);
        return calendar;
    }

    /** Refused (422, {@link DeadlineUncountableException}) for a window the calendar cannot count, never a server error. */
    @Override
    public Instant due(Instant start, DeadlineWindow window) {
        try {
            return current().due(start, window);
        } catch (IllegalArgumentException e) {
            throw new DeadlineUncountableException(null, window);
        }
    }

    /**
     * Refuses the calendar as this transaction changed it (422 naming {@code field}, the transaction rolled back) when a
     * business window of the policy in force could not be counted on it ({@link WindowsOnCalendar}).
     */
    private void requirePolicyWindowsCountable(String field) {
        List<String> uncountable = WindowsOnCalendar.uncountable(policy.current(), current());
        if (!uncountable.isEmpty()) {
            throw new FieldValidationException(field, "calendar.error.policyWindowUncountable",
                    String.join(", ", uncountable));
        }
    }

    public Settings settings() {
        return jdbc.sql("select zone, work_start, work_end, working_weekdays, revision from sop_calendar_settings where id = 1")
                .query((rs, i) -> new Settings(ZoneId.of(rs.getString("zone")), rs.getTime("work_start").toLocalTime(),
                        rs.getTime("work_end").toLocalTime(), weekdays(rs.getString("working_weekdays")),
                        rs.getLong("revision")))
                .single();
    }

    /**
     * The first and the last year the calendar shows: those any date of it may name ({@link InputRules#FIRST_DATE} to
     * {@link InputRules#LAST_DATE}), as its form, its API and an imported file take a day. The official schedule
     * (tyme4j) covers fewer; a year beyond it shows what was entered or imported.
     */
    public static final int FIRST_YEAR = InputRules.FIRST_DATE.getYear();
    public static final int LAST_YEAR = InputRules.LAST_DATE.getYear();

    /**
     * The year the screen and the API show: the one asked for, or this year in the calendar's zone. One outside
     * {@link #FIRST_YEAR}–{@link #LAST_YEAR} is refused as an unreadable parameter (400 naming {@code year}).
     */
    public int yearToShow(Integer requested) {
        if (requested == null) {
            return LocalDate.now(clock.withZone(settings().zone())).getYear();
        }
        if (requested < FIRST_YEAR || requested > LAST_YEAR) {
            throw new BadRequestException("year", "calendar.year.outOfRange", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
        return requested;
    }

    public List<DatedException> exceptions(int year) {
        return jdbc.sql("""
                        select day, kind, note, source from sop_calendar_exception
                        where day >= :from and day < :to order by day""")
                .param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .query((rs, i) -> new DatedException(rs.getDate("day").toLocalDate(), DayKind.valueOf(rs.getString("kind")),
                        rs.getString("note"), rs.getString("source")))
                .list();
    }

    /**
     * From 1 November on: true while next year's official schedule is not loaded. It is loaded when a day of it was
     * seeded from the official schedule the application ships ({@code OFFICIAL}), or when the first days of its
     * statutory holidays that every official schedule has — New Year's Day, the Spring Festival, Labour Day and
     * National Day ({@link ChinaPublicHolidays#landmarks(int)}) — are all holidays on the calendar, as an imported
     * file of the official schedule makes them. A company's own days (an anniversary, a closure) do not load it.
     */
    public boolean nextYearMissing() {
        LocalDate today = LocalDate.now(clock.withZone(settings().zone()));
        if (today.getMonthValue() < 11) {
            return false;
        }
        int year = today.getYear() + 1;
        List<DatedException> days = exceptions(year);
        if (days.stream().anyMatch(e -> "OFFICIAL".equals(e.source()))) {
            return false;
        }
        Set<LocalDate> holidays = days.stream().filter(e -> e.kind() == DayKind.HOLIDAY).map(DatedException::day)
                .collect(Collectors.toSet());
        return !holidays.containsAll(ChinaPublicHolidays.landmarks(year));
    }

    public int nextYear() {
        return LocalDate.now(clock.withZone(settings().zone())).getYear() + 1;
    }

    @Transactional
    public Settings updateSettings(String zone, LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> weekdays) {
        return updateSettings(zone, workStart, workEnd, weekdays, null);
    }

    /** The same, when the calendar is still at {@code expectedRevision} (if given); else 409. */
    @Transactional
    public Settings updateSettings(String zone, LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> weekdays,
                                   Long expectedRevision) {
        Settings previous = settings();
        List<FieldError> errors = new ArrayList<>();
        ZoneId zoneId = null;
        if (zone == null) {
            errors.add(new FieldError("zone", "calendar.error.required"));
        } else {
            try {
                zoneId = ZoneId.of(zone.strip());
            } catch (DateTimeException e) {
                errors.add(new FieldError("zone", "calendar.error.zone", zone));
            }
        }
        if (workStart == null) {
            errors.add(new FieldError("workStart", "calendar.error.required"));
        }
        if (workEnd == null) {
            errors.add(new FieldError("workEnd", "calendar.error.required"));
        }
        if (workStart != null && workEnd != null && !workStart.isBefore(workEnd)) {
            errors.add(new FieldError("workEnd", "calendar.error.hours"));
        }
        if (weekdays == null || weekdays.isEmpty()) {
            errors.add(new FieldError("workingWeekdays", "calendar.error.weekdays"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        int updated = jdbc.sql("""
                        update sop_calendar_settings set zone = :zone, work_start = :start, work_end = :end,
                               working_weekdays = :weekdays, revision = revision + 1, updated_at = :now
                         where id = 1 and (cast(:expected as bigint) is null or revision = :expected)""")
                .param("zone", zoneId.getId()).param("start", Time.valueOf(workStart)).param("end", Time.valueOf(workEnd))
                .param("weekdays", EnumSet.copyOf(weekdays).stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("now", Timestamp.from(clock.instant())).param("expected", expectedRevision).update();
        if (updated == 0) {
            throw new ConflictException("calendar.error.concurrentChange");
        }
        PerTransaction.forget(currentInTransaction);
        requirePolicyWindowsCountable(changedField(previous, workStart, workEnd, weekdays));
        // old → new, as a policy change is recorded: what the settings were is not to be looked for in an older entry
        audit.record("calendar.settings", "WorkingCalendar", 1, "calendar.audit.settingsChanged", previous.zone(),
                previous.workStart(), previous.workEnd(), weekdayKeys(previous.workingWeekdays()), zoneId, workStart,
                workEnd, weekdayKeys(weekdays));
        return settings();
    }

    /** Working weekdays as the audit trail keeps them: each its bundle key, said in the reader's words. */
    private static String weekdayKeys(Set<DayOfWeek> weekdays) {
        return weekdays.isEmpty() ? "" : EnumSet.copyOf(weekdays).stream().map(d -> "calendar.weekday." + d.name())
                .collect(Collectors.joining(", "));
    }

    /**
     * The field a refused settings change names: the working weekdays when they changed, else the start of work when
     * only it changed, else the end of work (the hours, or only the zone, changed).
     */
    private static String changedField(Settings previous, LocalTime workStart, LocalTime workEnd,
                                       Set<DayOfWeek> weekdays) {
        if (!EnumSet.copyOf(weekdays).equals(previous.workingWeekdays())) {
            return "workingWeekdays";
        }
        if (!workStart.equals(previous.workStart()) && workEnd.equals(previous.workEnd())) {
            return "workStart";
        }
        return "workEnd";
    }

    @Transactional
    public void addException(LocalDate day, DayKind kind, String note) {
        addException(day, kind, note, null);
    }

    /** The same, when the calendar is still at {@code expectedRevision} (if given); else 409, nothing changed. */
    @Transactional
    public void addException(LocalDate day, DayKind kind, String note, Long expectedRevision) {
        requireRevision(expectedRevision);
        List<FieldError> errors = new ArrayList<>();
        if (day == null) {
            errors.add(new FieldError("day", "calendar.error.required"));
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "calendar.error.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        requireDatesTaken("day", Map.of(day, kind), yearsTaken());
        upsert(day, kind, note == null || note.isBlank() ? null : note.strip(), "MANUAL");
        bumpRevision();
        requirePolicyWindowsCountable("day");
        audit.record("calendar.exception.added", "WorkingCalendar", day, "calendar.kind." + kind.name());
    }

    @Transactional
    public boolean removeException(LocalDate day) {
        return removeException(day, null);
    }

    /** The same, when the calendar is still at {@code expectedRevision} (if given); else 409, nothing changed. */
    @Transactional
    public boolean removeException(LocalDate day, Long expectedRevision) {
        requireRevision(expectedRevision);
        int removed = jdbc.sql("delete from sop_calendar_exception where day = :day").param("day", Date.valueOf(day)).update();
        if (removed > 0) {
            bumpRevision();
            audit.record("calendar.exception.removed", "WorkingCalendar", day, "");
        }
        return removed > 0;
    }

    /**
     * Imports a calendar file; any invalid line refuses the whole file ({@link ImportRefused}) and stores
     * nothing, as does a file without a single date (empty, or comments only: an upload gone wrong) and a
     * file that is not UTF-8 text at all.
     */
    @Transactional
    public ImportResult importFile(byte[] content) {
        return importFile(content, null);
    }

    /** The same, when the calendar is still at {@code expectedRevision} (if given); else 409, nothing imported. */
    @Transactional
    public ImportResult importFile(byte[] content, Long expectedRevision) {
        requireRevision(expectedRevision);
        YearsTaken years = yearsTaken();
        CalendarFileParser.Result parsed = CalendarFileParser.parse(content == null ? new byte[0] : content,
                years.first(), years.last());
        if (parsed.hasErrors()) {
            throw new ImportRefused(parsed.errors(), parsed.unreported());
        }
        if (parsed.entries().isEmpty()) {
            throw new FieldValidationException("file", "calendar.import.empty");
        }
        requireDatesTaken("file", parsed.entries(), years);
        int holidays = 0;
        int workdays = 0;
        for (var entry : parsed.entries().entrySet()) {
            upsert(entry.getKey(), entry.getValue(), null, "IMPORT");
            if (entry.getValue() == DayKind.HOLIDAY) {
                holidays++;
            } else {
                workdays++;
            }
        }
        if (holidays + workdays > 0) {
            bumpRevision();
            requirePolicyWindowsCountable("file");
            audit.record("calendar.imported", "WorkingCalendar", 1, "calendar.audit.imported", holidays, workdays);
        }
        return new ImportResult(holidays + workdays, holidays, workdays);
    }

    /** The years a dated exception may set, counted from the calendar's today ({@link #IMPORT_YEARS_BACK}, {@link #IMPORT_YEARS_AHEAD}). */
    private record YearsTaken(int first, int last) {
        boolean takes(LocalDate day) {
            return day.getYear() >= first && day.getYear() <= last;
        }
    }

    private YearsTaken yearsTaken() {
        int thisYear = LocalDate.now(clock.withZone(settings().zone())).getYear();
        return new YearsTaken(thisYear - IMPORT_YEARS_BACK, thisYear + IMPORT_YEARS_AHEAD);
    }

    /**
     * The one place deciding which dated exceptions the calendar takes, an imported file's or a single day's: each of
     * {@code years} only, and no month left without a working day. Refused (422 naming {@code field}) before anything
     * is stored. (The import's parser names a date of another year by its line first, with the same years and code.)
     */
    private void requireDatesTaken(String field, Map<LocalDate, DayKind> dates, YearsTaken years) {
        for (LocalDate day : dates.keySet().stream().sorted().toList()) {
            if (!years.takes(day)) {
                throw new FieldValidationException(field, CalendarFileParser.YEAR_NOT_TAKEN, day.toString(),
                        String.valueOf(years.first()), String.valueOf(years.last()));
            }
        }
        List<String> idle = monthsWithoutAWorkingDay(dates);
        if (!idle.isEmpty()) {
            throw new FieldValidationException(field, "calendar.import.no-working-day", ListText.of(idle));
        }
    }

    /**
     * The months of the imported dates that would have no working day at all with them: every deadline in them
     * would run on to the next month with one (a file of nothing but holidays sent a lead's deadline decades ahead).
     * A month needs at least one working day.
     */
    private List<String> monthsWithoutAWorkingDay(Map<LocalDate, DayKind> imported) {
        WorkingCalendar now = current();
        Map<LocalDate, DayKind> exceptions = new HashMap<>(now.exceptions());
        exceptions.putAll(imported);
        WorkingCalendar after = now.withExceptions(exceptions);
        return imported.keySet().stream().map(YearMonth::from).distinct().sorted()
                .filter(month -> month.atDay(1).datesUntil(month.plusMonths(1).atDay(1)).noneMatch(after::isWorkingDay))
                .map(YearMonth::toString).toList();
    }

    /**
     * First start (and every start after a release that knows more years): loads China's official
     * schedule for last year, this year and next year where the library has it, each year once.
     * An advisory lock keeps two nodes starting together from doing it twice.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void seedOfficialHolidays() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", SEED_LOCK).query(Object.class).single();
            int thisYear = LocalDate.now(clock.withZone(settings().zone())).getYear();
            boolean changed = false;
            for (int year = thisYear - 1; year <= thisYear + 1; year++) {
                boolean seeded = jdbc.sql("select count(*) from sop_calendar_seeded_year where year = :y")
                        .param("y", year).query(Integer.class).single() > 0;
                if (seeded || !ChinaPublicHolidays.covers(year)) {
                    continue;
                }
                for (var entry : ChinaPublicHolidays.forYear(year).entrySet()) {
                    jdbc.sql("""
                                    insert into sop_calendar_exception (day, kind, note, source, created_at)
                                    values (:day, :kind, null, 'OFFICIAL', :now) on conflict (day) do nothing""")
                            .param("day", Date.valueOf(entry.getKey())).param("kind", entry.getValue().name())
                            .param("now", Timestamp.from(clock.instant())).update();
                }
                jdbc.sql("insert into sop_calendar_seeded_year (year, seeded_at) values (:y, :now)")
                        .param("y", year).param("now", Timestamp.from(clock.instant())).update();
                changed = true;
            }
            if (changed) {
                bumpRevision();
            }
        });
    }

    private void upsert(LocalDate day, DayKind kind, String note, String source) {
        jdbc.sql("""
                        insert into sop_calendar_exception (day, kind, note, source, created_at)
                        values (:day, :kind, :note, :source, :now)
                        on conflict (day) do update set kind = excluded.kind, note = excluded.note,
                            source = excluded.source, created_at = excluded.created_at""")
                .param("day", Date.valueOf(day)).param("kind", kind.name()).param("note", note)
                .param("source", source).param("now", Timestamp.from(clock.instant())).update();
    }

    /**
     * Refuses a change made on a calendar read at another revision (409, {@code calendar.error.concurrentChange}): the
     * screen's forms carry the revision they were shown at, so that one admin's change is not overwritten unseen.
     * The settings row is locked until the transaction ends, so no other change slips in between.
     */
    private void requireRevision(Long expectedRevision) {
        if (expectedRevision == null) {
            return;
        }
        long stored = jdbc.sql("select revision from sop_calendar_settings where id = 1 for update")
                .query(Long.class).single();
        if (stored != expectedRevision) {
            throw new ConflictException("calendar.error.concurrentChange");
        }
    }

    private void bumpRevision() {
        jdbc.sql("update sop_calendar_settings set revision = revision + 1, updated_at = :now where id = 1")
                .param("now", Timestamp.from(clock.instant())).update();
        PerTransaction.forget(currentInTransaction);
    }

    private static Set<DayOfWeek> weekdays(String stored) {
        return EnumSet.copyOf(Arrays.stream(stored.split(",")).map(String::strip).map(DayOfWeek::valueOf).toList());
    }
}
