package com.lead2cash.sop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.lead2cash.sop.ChinaCalendar.CHINA_2025_2026;
import static com.lead2cash.testing.TestClock.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked examples on China's real 2025–2026 calendar; times are Shanghai wall-clock times. */
class WorkingCalendarTest {

    private final WorkingCalendar calendar = CHINA_2025_2026;

    @ParameterizedTest(name = "{3}: {0} + {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-06T17:50 | 30m | 2026-03-09T09:20 | 30 minutes from 17:50 Friday end 09:20 Monday
            2026-03-03T16:00 | 4h  | 2026-03-04T11:00 | 4 hours from 16:00 end 11:00 the next working day
            2026-03-04T10:00 | 2d  | 2026-03-06T10:00 | 2 business days from Wednesday 10:00 is Friday 10:00
            2026-03-03T17:30 | 30m | 2026-03-03T18:00 | a result exactly at the day's end stays at that end
            2026-03-03T17:30 | 31m | 2026-03-04T09:01 | one minute more carries into the next working day
            2026-03-03T09:00 | 9h  | 2026-03-03T18:00 | a whole working day from its start ends at its end
            2026-03-03T07:00 | 1h  | 2026-03-03T10:00 | a start before working hours counts from 09:00
            2026-03-03T20:00 | 30m | 2026-03-04T09:30 | an evening start counts from the next morning
            2026-03-03T18:00 | 30m | 2026-03-04T09:30 | 18:00 itself is already outside working hours
            2026-03-07T11:00 | 30m | 2026-03-09T09:30 | a Saturday start counts from Monday 09:00
            2026-10-03T10:00 | 30m | 2026-10-08T09:30 | a start on a National Day holiday counts from 8 October
            2026-10-05T10:00 | 1h  | 2026-10-08T10:00 | a Monday inside the National Day holiday is not a working day
            2026-09-30T17:00 | 2h  | 2026-10-08T10:00 | hours left before National Day carry over to 8 October
            2026-09-30T10:00 | 1d  | 2026-10-08T10:00 | the business day after 30 September is 8 October
            2026-10-08T10:00 | 2d  | 2026-10-10T10:00 | make-up Saturday 10 October is the second business day
            2026-10-09T17:30 | 1h  | 2026-10-10T09:30 | hours carry into make-up Saturday 10 October
            2026-09-18T17:00 | 2h  | 2026-09-20T10:00 | make-up Sunday 20 September counts as working
            2026-02-13T17:00 | 2h  | 2026-02-14T10:00 | make-up Saturday 14 February counts as working
            2026-02-14T17:00 | 2h  | 2026-02-24T10:00 | the Spring Festival holiday 15–23 February is skipped
            2025-12-31T17:00 | 2h  | 2026-01-04T10:00 | across New Year into make-up Sunday 4 January
            2026-04-03T15:00 | 1d  | 2026-04-07T15:00 | the Qingming holiday 4–6 April is skipped by business days
            2026-03-06T20:00 | 1d  | 2026-03-10T09:00 | Friday 20:00 moves to Monday 09:00, one day later is Tuesday 09:00
            2026-03-07T11:00 | 0m  | 2026-03-07T11:00 | adding zero minutes leaves a weekend start unchanged
            2026-03-03T20:00 | 0d  | 2026-03-03T20:00 | adding zero days leaves an evening start unchanged
            """)
    void addsBusinessTime(String start, String duration, String expected, String rule) {
        assertThat(calendar.plus(shanghai(start), BusinessDuration.parse(duration)))
                .isEqualTo(shanghai(expected));
    }

    @Test
    void aTimestampGivenInUtcIsReadOnTheShanghaiWallClock() {
        Instant mondayNineShanghai = Instant.parse("2026-03-02T01:00:00Z");

        assertThat(calendar.nextWorkingInstant(Instant.parse("2026-03-02T00:30:00Z")))
                .isEqualTo(mondayNineShanghai);
        assertThat(calendar.plus(mondayNineShanghai, BusinessDuration.ofMinutes(30)))
                .isEqualTo(Instant.parse("2026-03-02T01:30:00Z"));
        // 10:00 UTC is 18:00 in Shanghai: the working day there is over
        assertThat(calendar.plus(Instant.parse("2026-03-02T09:30:00Z"), BusinessDuration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-03-03T01:30:00Z"));
    }

    @ParameterizedTest(name = "{3}: {0} → {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-09-30T09:00 | 2026-10-08T18:00 | PT18H  | the National Day week contributes nothing
            2026-10-01T00:00 | 2026-10-07T23:59 | PT0S   | no working time inside the National Day holiday
            2026-10-09T09:00 | 2026-10-12T09:00 | PT18H  | make-up Saturday 10 October is a full working day
            2026-03-03T12:00 | 2026-03-03T12:00 | PT0S   | nothing lies between an instant and itself
            2026-03-03T08:00 | 2026-03-03T20:00 | PT9H   | only the hours 09:00–18:00 count
            2026-03-06T17:50 | 2026-03-09T09:20 | PT30M  | the weekend counts nothing
            2026-03-09T09:20 | 2026-03-06T17:50 | -PT30M | reversed instants give the negative
            """)
    void measuresBusinessTimeBetween(String from, String to, Duration expected, String rule) {
        assertThat(calendar.businessTimeBetween(shanghai(from), shanghai(to))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{2}: {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-03T12:00 | 2026-03-03T12:00 | an instant in working hours is its own next working instant
            2026-03-03T09:00 | 2026-03-03T09:00 | the working day's start is working time
            2026-03-03T18:00 | 2026-03-04T09:00 | the working day's end is not working time
            2026-03-03T08:59 | 2026-03-03T09:00 | before hours the same day's start is next
            2026-10-10T08:00 | 2026-10-10T09:00 | a make-up Saturday starts at 09:00
            2026-10-01T12:00 | 2026-10-08T09:00 | from inside the National Day holiday to its first working day
            2026-02-13T18:30 | 2026-02-14T09:00 | from Friday evening to the make-up Saturday
            """)
    void findsTheNextWorkingInstant(String instant, String expected, String rule) {
        assertThat(calendar.nextWorkingInstant(shanghai(instant))).isEqualTo(shanghai(expected));
    }

    @ParameterizedTest(name = "{0} working: {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-09 | true  | an ordinary Monday
            2026-03-07 | false | an ordinary Saturday
            2026-10-05 | false | a Monday inside the National Day holiday
            2026-10-10 | true  | a make-up Saturday
            2026-01-04 | true  | a make-up Sunday
            2027-01-04 | true  | a Monday of a year with no schedule loaded
            """)
    void tellsWorkingDays(LocalDate date, boolean working, String rule) {
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    @Test
    void addsTenThousandsOfBusinessHoursByWholeDays() {
        WorkingCalendar weekdays = WorkingCalendar.standard();
        Instant mondayMorning = shanghai("2026-03-02T09:00");

        Instant due = weekdays.plus(mondayMorning, BusinessDuration.ofHours(100_000));

        // 6 000 000 minutes = 11 111 days of 540 minutes + 60: the 11 112th working day at 10:00,
        // which is 2 222 weeks and one weekday after the first
        LocalDate expectedDay = LocalDate.of(2026, 3, 2).plusWeeks(2_222).plusDays(1);
        assertThat(due).isEqualTo(expectedDay.atTime(10, 0).atZone(WorkingCalendar.DEFAULT_ZONE).toInstant());
        assertThat(weekdays.businessTimeBetween(mondayMorning, due)).isEqualTo(Duration.ofHours(100_000));
    }

    @Test
    void refusesArithmeticSpanningMoreThanACentury() {
        Instant start = shanghai("2026-03-02T09:00");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar.plus(start, BusinessDuration.ofDays(30_000)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar.plus(start, BusinessDuration.ofMinutes(Long.MAX_VALUE)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar.plus(start, BusinessDuration.ofHours(Long.MAX_VALUE)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar.businessTimeBetween(start, shanghai("2127-03-02T09:00")));
    }

    @Test
    void theStandardCalendarIsShanghaiNineToSixMondayToFriday() {
        WorkingCalendar standard = WorkingCalendar.standard();

        assertThat(standard.zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(standard.workStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(standard.workEnd()).isEqualTo(LocalTime.of(18, 0));
        assertThat(standard.workingWeekdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(standard.exceptions()).isEmpty();
    }

    @Test
    void ownWorkingHoursWeekdaysAndZoneAreHonoured() {
        WorkingCalendar sixDayUtc = new WorkingCalendar(ZoneOffset.UTC, LocalTime.of(8, 30), LocalTime.of(12, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), Map.of());

        assertThat(sixDayUtc.plus(Instant.parse("2026-03-06T11:00:00Z"), BusinessDuration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-07T09:30:00Z"));
        assertThat(sixDayUtc.plus(Instant.parse("2026-03-07T11:00:00Z"), BusinessDuration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-09T09:30:00Z"));
    }

    @Test
    void withExceptionsReplacesTheDatedExceptions() {
        WorkingCalendar onlyOneHoliday = calendar.withExceptions(Map.of(LocalDate.of(2026, 3, 9), DayKind.HOLIDAY));

        assertThat(onlyOneHoliday.exceptions()).containsExactly(Map.entry(LocalDate.of(2026, 3, 9), DayKind.HOLIDAY));
        assertThat(onlyOneHoliday.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(onlyOneHoliday.isWorkingDay(LocalDate.of(2026, 10, 5))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isTrue();
    }

    @Test
    void keepsItsOwnCopiesOfWeekdaysAndExceptions() {
        Set<DayOfWeek> weekdays = EnumSet.of(DayOfWeek.MONDAY);
        Map<LocalDate, DayKind> exceptions = new HashMap<>(Map.of(LocalDate.of(2026, 3, 2), DayKind.HOLIDAY));
        WorkingCalendar mondaysOnly = new WorkingCalendar(WorkingCalendar.DEFAULT_ZONE, LocalTime.of(9, 0),
                LocalTime.of(18, 0), weekdays, exceptions);

        weekdays.add(DayOfWeek.TUESDAY);
        exceptions.clear();

        assertThat(mondaysOnly.isWorkingDay(LocalDate.of(2026, 3, 3))).isFalse();
        assertThat(mondaysOnly.isWorkingDay(LocalDate.of(2026, 3, 2))).isFalse();
        assertThatThrownBy(() -> mondaysOnly.exceptions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> mondaysOnly.workingWeekdays().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void exceptionsAreListedInDateOrder() {
        Map<LocalDate, DayKind> unordered = new HashMap<>();
        for (int day = 28; day >= 1; day -= 3) {
            unordered.put(LocalDate.of(2027, 2, day), DayKind.HOLIDAY);
        }

        assertThat(List.copyOf(WorkingCalendar.standard().withExceptions(unordered).exceptions().keySet()))
                .isSorted()
                .hasSize(10);
    }

    @Test
    void workingHoursMustStartBeforeTheyEnd() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkingCalendar(WorkingCalendar.DEFAULT_ZONE,
                LocalTime.of(18, 0), LocalTime.of(9, 0), WorkingCalendar.DEFAULT_WORKING_WEEKDAYS, Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkingCalendar(WorkingCalendar.DEFAULT_ZONE,
                LocalTime.of(9, 0), LocalTime.of(9, 0), WorkingCalendar.DEFAULT_WORKING_WEEKDAYS, Map.of()));
    }

    @Test
    void atLeastOneWeekdayMustBeAWorkingDay() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkingCalendar(WorkingCalendar.DEFAULT_ZONE,
                LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of(), Map.of()));
    }

    @Test
    void everyExceptionNeedsADayKind() {
        Map<LocalDate, DayKind> withoutKind = new HashMap<>();
        withoutKind.put(LocalDate.of(2026, 3, 2), null);

        assertThatIllegalArgumentException().isThrownBy(() -> WorkingCalendar.standard().withExceptions(withoutKind));
    }

    @Test
    void equalCalendarsAreEqualValues() {
        assertThat(WorkingCalendar.standard().withExceptions(new HashMap<>(calendar.exceptions())))
                .isEqualTo(calendar)
                .hasSameHashCodeAs(calendar);
        assertThat(calendar).isNotEqualTo(WorkingCalendar.standard());
    }

    @Test
    void aWindowIsCountableExactlyWhenItsSpanFitsFromAnyStartAndThePlusArithmeticThenNeverRefusesIt() {
        Instant start = shanghai("2026-12-01T10:00");
        // 87,600 business hours: about 27 years on the standard day, past a century on a day of one minute
        BusinessDuration tenYears = BusinessDuration.ofHours(87_600);
        assertThat(calendar.countable(tenYears)).isTrue();
        assertThat(calendar.plus(start, tenYears)).isAfter(start);
        WorkingCalendar oneMinute = new WorkingCalendar(WorkingCalendar.DEFAULT_ZONE, LocalTime.of(9, 0),
                LocalTime.of(9, 1), WorkingCalendar.DEFAULT_WORKING_WEEKDAYS, Map.of());
        assertThat(oneMinute.countable(tenYears)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> oneMinute.plus(start, tenYears));
        assertThat(oneMinute.countable(BusinessDuration.ofMinutes(30))).isTrue();
        assertThat(oneMinute.countable(BusinessDuration.ofDays(3_650))).isTrue();
        // every day a holiday for the next two centuries: not even an hour can be counted
        Map<LocalDate, DayKind> holidays = new HashMap<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() < 2200; d = d.plusDays(1)) {
            holidays.put(d, DayKind.HOLIDAY);
        }
        WorkingCalendar closed = calendar.withExceptions(holidays);
        assertThat(closed.countable(BusinessDuration.ofHours(1))).isFalse();
        // its due time is counted (the first working day after them), but no span to it is: a reminder schedule fails
        Instant due = closed.plus(start, BusinessDuration.ofHours(1));
        assertThat(due).isEqualTo(shanghai("2200-01-01T10:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> closed.businessTimeBetween(start, due));
        assertThat(closed.countable(BusinessDuration.ofMinutes(0))).isTrue();
    }
}
