package com.lead2cash.sop;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The company's working calendar (工作日历): the time zone, the daily working hours, the working
 * weekdays, and dated exceptions — public holidays (法定节假日) and make-up working days (调休).
 * SOP deadlines such as "within 4 business hours" are computed on it.
 *
 * <p>Working time is, on every working day, the half-open period {@code [workStart, workEnd)} of
 * wall-clock time in {@link #zone()}. A date is a working day when its exception says
 * {@link DayKind#WORKDAY}, or when it has no exception and its weekday is a working weekday.
 *
 * <p>Rules of the arithmetic:
 * <ul>
 *   <li><b>Zero.</b> Adding a zero duration of any unit returns the start unchanged, even when the
 *       start lies outside working time: nothing is to be counted, so nothing moves.</li>
 *   <li><b>Minutes and hours</b> (an hour is 60 working minutes) count only working time. A start
 *       outside working time begins counting at the next working-period start. A result that
 *       lands exactly at the end of a working day stays there: 17:30 + 30 min is 18:00 the same
 *       day, not 09:00 the next working day.</li>
 *   <li><b>Days.</b> "Within N business days" is the same wall-clock time on the N-th following
 *       working day. A start outside working time is first moved to the next working-period
 *       start: Friday 20:00 becomes Monday 09:00, and + 1 business day is Tuesday 09:00. Since
 *       every working day has the same hours, that wall-clock time always lies inside the target
 *       day's hours.</li>
 *   <li><b>Between.</b> {@link #businessTimeBetween(Instant, Instant)} is the working time in
 *       {@code [a, b)}; when {@code b} is before {@code a} it is the negative of the working time
 *       in {@code [b, a)}.</li>
 * </ul>
 *
 * <p>The arithmetic steps whole days, never minutes, so its cost grows with the number of
 * calendar days spanned. Spans of more than {@value #MAX_SPAN_DAYS} days (about a century) are
 * refused with {@link IllegalArgumentException}: such a deadline is a data error, and refusing it
 * keeps a mistyped policy from tying up a thread.
 *
 * @param zone            the zone whose wall clock defines working hours and dates
 * @param workStart       start of the working day, inclusive
 * @param workEnd         end of the working day, exclusive; after {@code workStart}
 * @param workingWeekdays the weekdays that are working days unless an exception says otherwise;
 *                        at least one
 * @param exceptions      dated exceptions, kept in date order
 */
public record WorkingCalendar(
        ZoneId zone,
        LocalTime workStart,
        LocalTime workEnd,
        Set<DayOfWeek> workingWeekdays,
        Map<LocalDate, DayKind> exceptions) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalTime DEFAULT_WORK_START = LocalTime.of(9, 0);
    public static final LocalTime DEFAULT_WORK_END = LocalTime.of(18, 0);
    public static final Set<DayOfWeek> DEFAULT_WORKING_WEEKDAYS =
            Collections.unmodifiableSet(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public static final int MAX_SPAN_DAYS = 36_525;

    public WorkingCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(workStart, "workStart");
        Objects.requireNonNull(workEnd, "workEnd");
        Objects.requireNonNull(workingWeekdays, "workingWeekdays");
        Objects.requireNonNull(exceptions, "exceptions");
        if (!workStart.isBefore(workEnd)) {
            throw new IllegalArgumentException(
                    "Working hours must start before they end: " + workStart + "–" + workEnd);
        }
        if (workingWeekdays.isEmpty()) {
            throw new IllegalArgumentException("At least one weekday must be a working day");
        }
        workingWeekdays = Collections.unmodifiableSet(EnumSet.copyOf(workingWeekdays));
        TreeMap<LocalDate, DayKind> sorted = new TreeMap<>(exceptions);
        if (sorted.containsValue(null)) {
            throw new IllegalArgumentException("Every calendar exception needs a day kind");
        }
        exceptions = Collections.unmodifiableSortedMap(sorted);
    }

    /** Asia/Shanghai, 09:00–18:00, Monday to Friday, no dated exceptions. */
    public static WorkingCalendar standard() {
        return new WorkingCalendar(DEFAULT_ZONE, DEFAULT_WORK_START, DEFAULT_WORK_END,
                DEFAULT_WORKING_WEEKDAYS, Map.of());
    }

    /** This calendar with its dated exceptions replaced by {@code newExceptions}. */
    public WorkingCalendar withExceptions(Map<LocalDate, DayKind> newExceptions) {
        return new WorkingCalendar(zone, workStart, workEnd, workingWeekdays, newExceptions);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayKind exception = exceptions.get(date);
        if (exception != null) {
            return exception == DayKind.WORKDAY;
        }
        return workingWeekdays.contains(date.getDayOfWeek());
    }

    /** {@code instant} itself when it lies in working time, else the start of the next working period. */
    public Instant nextWorkingInstant(Instant instant) {
        LocalDate date = LocalDate.ofInstant(instant, zone);
        if (isWorkingDay(date)) {
            Instant start = periodStart(date);
            if (instant.isBefore(start)) {
                return start;
            }
            if (instant.isBefore(periodEnd(date))) {
                return instant;
            }
        }
        return periodStart(nextWorkingDayAfter(date));
    }

    /**
     * When a deadline window opened at {@code start} ends: business windows count working time on this
     * calendar; calendar windows add plain minutes, hours or days in its zone.
     */
    public Instant due(Instant start, DeadlineWindow window) {
        Objects.requireNonNull(start, "start");
        if (window.basis() == TimeBasis.BUSINESS) {
            return plus(start, window.duration());
        }
        ZonedDateTime from = start.atZone(zone);
        long n = window.duration().amount();
        ZonedDateTime end = switch (window.duration().unit()) {
            case MINUTES -> from.plusMinutes(n);
            case HOURS -> from.plusHours(n);
            case DAYS -> from.plusDays(n);
        };
        return end.toInstant();
    }

    /** The due time of a window of {@code duration} business time opened at {@code start}. */
    public Instant plus(Instant start, BusinessDuration duration) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (duration.amount() == 0) {
            return start;
        }
        return switch (duration.unit()) {
            case MINUTES -> plusWorkingMinutes(start, duration.amount());
            case HOURS -> plusWorkingMinutes(start, Math.min(duration.amount(), Long.MAX_VALUE / 60) * 60);
            case DAYS -> plusWorkingDays(start, duration.amount());
        };
    }

    /**
     * Whether a window of {@code duration} business time opened at any moment is counted within
     * {@value #MAX_SPAN_DAYS} days on this calendar, so that {@link #plus} never refuses it. Decided on
     * an upper bound that holds from every start: the working days to count (one more for a start
     * inside a day), plus one for every dated holiday that falls on a working weekday, need at most
     * that many working weeks and one week more. Make-up working days only shorten it, so they are
     * left out.
     */
    public boolean countable(BusinessDuration duration) {
        Objects.requireNonNull(duration, "duration");
        long amount = duration.amount();
        if (amount == 0) {
            return true;
        }
        long workingDays;
        if (duration.unit() == BusinessUnit.DAYS) {
            if (amount > MAX_SPAN_DAYS) {
                return false;
            }
            workingDays = amount + 1;
        } else {
            long minutes = duration.unit() == BusinessUnit.HOURS ? Math.min(amount, Long.MAX_VALUE / 60) * 60 : amount;
            if (minutes > MAX_SPAN_DAYS * 24L * 60L) {
                return false;
            }
            long dayNanos = Duration.between(workStart, workEnd).toNanos();
            long nanos = Duration.ofMinutes(minutes).toNanos();
            workingDays = (nanos + dayNanos - 1) / dayNanos + 1;
        }
        long holidays = exceptions.entrySet().stream().filter(e -> e.getValue() == DayKind.HOLIDAY
                && workingWeekdays.contains(e.getKey().getDayOfWeek())).count();
        long weeks = (workingDays + holidays + workingWeekdays.size() - 1) / workingWeekdays.size();
        return weeks * 7 + 7 <= MAX_SPAN_DAYS;
    }

    /** Working time from {@code a} to {@code b}; negative when {@code b} is before {@code a}. */
    public Duration businessTimeBetween(Instant a, Instant b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (b.isBefore(a)) {
            return businessTimeBetween(b, a).negated();
        }
        LocalDate first = LocalDate.ofInstant(a, zone);
        LocalDate last = LocalDate.ofInstant(b, zone);
        requireWithinSpan(first, last);
        Duration total = Duration.ZERO;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            Instant from = later(a, periodStart(date));
            Instant to = earlier(b, periodEnd(date));
            if (from.isBefore(to)) {
                total = total.plus(Duration.between(from, to));
            }
        }
        return total;
    }

    private Instant plusWorkingMinutes(Instant start, long minutes) {
        // more minutes than the span has at all cannot fit; refusing early also keeps Duration from overflowing
        if (minutes > MAX_SPAN_DAYS * 24L * 60L) {
            throw new IllegalArgumentException("Business-time arithmetic spans more than " + MAX_SPAN_DAYS
                    + " days: " + minutes + " working minutes");
        }
        Instant cursor = nextWorkingInstant(start);
        LocalDate firstDate = LocalDate.ofInstant(cursor, zone);
        LocalDate date = firstDate;
        Duration remaining = Duration.ofMinutes(minutes);
        while (true) {
            Duration available = Duration.between(cursor, periodEnd(date));
            // "<=" keeps a result that uses up the day exactly at that day's end
            if (remaining.compareTo(available) <= 0) {
                return cursor.plus(remaining);
            }
            remaining = remaining.minus(available);
            date = nextWorkingDayAfter(date);
            requireWithinSpan(firstDate, date);
            cursor = periodStart(date);
        }
    }

    private Instant plusWorkingDays(Instant start, long days) {
        ZonedDateTime from = nextWorkingInstant(start).atZone(zone);
        LocalDate firstDate = from.toLocalDate();
        LocalDate date = firstDate;
        for (long i = 0; i < days; i++) {
            date = nextWorkingDayAfter(date);
            requireWithinSpan(firstDate, date);
        }
        return ZonedDateTime.of(date, from.toLocalTime(), zone).toInstant();
    }

    private LocalDate nextWorkingDayAfter(LocalDate date) {
        // ends: exceptions are finite and at least one weekday is a working day
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private Instant periodStart(LocalDate date) {
        return ZonedDateTime.of(date, workStart, zone).toInstant();
    }

    private Instant periodEnd(LocalDate date) {
        return ZonedDateTime.of(date, workEnd, zone).toInstant();
    }

    private static void requireWithinSpan(LocalDate first, LocalDate last) {
        if (ChronoUnit.DAYS.between(first, last) > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("Business-time arithmetic spans more than "
                    + MAX_SPAN_DAYS + " days, from " + first + " to " + last);
        }
    }

    private static Instant later(Instant x, Instant y) {
        return x.isAfter(y) ? x : y;
    }

    private static Instant earlier(Instant x, Instant y) {
        return x.isBefore(y) ? x : y;
    }

    @Override
    public String toString() {
        // the exception list runs to dozens of dates per year: too long for a log line
        return "WorkingCalendar[" + zone + " " + workStart + "–" + workEnd + " " + workingWeekdays
                + ", " + exceptions.size() + " dated exceptions]";
    }
}
