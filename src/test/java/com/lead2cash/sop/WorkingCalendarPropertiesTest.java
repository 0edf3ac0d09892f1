package com.lead2cash.sop;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import static com.lead2cash.sop.ChinaCalendar.CHINA_2025_2026;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Laws of business-time arithmetic, checked on random instants across 2025–2026 with China's real
 * holidays and make-up working days.
 */
class WorkingCalendarPropertiesTest {

    private static final WorkingCalendar CALENDAR = CHINA_2025_2026;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);

    /** Any second of 2025–2026, with a third of the draws on the edges of the working day. */
    private static Gen<Instant> instants() {
        long from = FIRST_DAY.atStartOfDay(CALENDAR.zone()).toEpochSecond();
        long to = LAST_DAY.plusDays(1).atStartOfDay(CALENDAR.zone()).toEpochSecond() - 1;
        Gen<Instant> anySecond = longs().between(from, to).map(second -> Instant.ofEpochSecond(second));
        List<LocalTime> edges = Stream.of("00:00", "08:59", "09:00", "09:01", "12:00", "17:59", "18:00", "18:01",
                "23:59:59").map(LocalTime::parse).toList();
        Gen<Instant> edgeOfADay = integers().between(0, (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()))
                .zip(pick(edges), (day, time) -> ZonedDateTime.of(FIRST_DAY.plusDays(day), time, CALENDAR.zone())
                        .toInstant());
        return anySecond.mix(edgeOfADay, 33);
    }

    private static Gen<Long> minutes() {
        return longs().between(0, 5_000);
    }

    @Test
    void theBusinessTimeBetweenStartAndDueTimeIsTheDurationAdded() {
        qt().forAll(instants(), minutes()).checkAssert((start, minutes) -> {
            Instant due = CALENDAR.plus(start, BusinessDuration.ofMinutes(minutes));
            assertThat(CALENDAR.businessTimeBetween(start, due)).isEqualTo(Duration.ofMinutes(minutes));
        });
        qt().forAll(instants(), longs().between(0, 100)).checkAssert((start, hours) -> {
            Instant due = CALENDAR.plus(start, BusinessDuration.ofHours(hours));
            assertThat(CALENDAR.businessTimeBetween(start, due)).isEqualTo(Duration.ofHours(hours));
        });
    }

    @Test
    void aLongerDurationNeverEndsEarlier() {
        qt().forAll(instants(), minutes(), minutes()).checkAssert((start, a, b) -> {
            long shorter = Math.min(a, b);
            long longer = Math.max(a, b);
            assertThat(CALENDAR.plus(start, BusinessDuration.ofMinutes(shorter)))
                    .isBeforeOrEqualTo(CALENDAR.plus(start, BusinessDuration.ofMinutes(longer)));
        });
        qt().forAll(instants(), longs().between(0, 40), longs().between(0, 40)).checkAssert((start, a, b) ->
                assertThat(CALENDAR.plus(start, BusinessDuration.ofDays(Math.min(a, b))))
                        .isBeforeOrEqualTo(CALENDAR.plus(start, BusinessDuration.ofDays(Math.max(a, b)))));
    }

    @Test
    void addingInTwoStepsEqualsAddingTheSum() {
        qt().forAll(instants(), minutes(), minutes()).checkAssert((start, a, b) -> {
            Instant stepwise = CALENDAR.plus(CALENDAR.plus(start, BusinessDuration.ofMinutes(a)),
                    BusinessDuration.ofMinutes(b));
            assertThat(stepwise).isEqualTo(CALENDAR.plus(start, BusinessDuration.ofMinutes(a + b)));
        });
    }

    @Test
    void theDueTimeIsNeverBeforeTheStart() {
        qt().forAll(instants(), minutes()).checkAssert((start, minutes) -> {
            assertThat(CALENDAR.plus(start, BusinessDuration.ofMinutes(minutes))).isAfterOrEqualTo(start);
            assertThat(CALENDAR.plus(start, BusinessDuration.ofDays(minutes % 60))).isAfterOrEqualTo(start);
        });
    }

    @Test
    void aPositiveAmountOfMinutesEndsInsideWorkingHoursOrExactlyAtTheirEnd() {
        qt().forAll(instants(), longs().between(1, 5_000)).checkAssert((start, minutes) -> {
            ZonedDateTime due = CALENDAR.plus(start, BusinessDuration.ofMinutes(minutes)).atZone(CALENDAR.zone());
            assertThat(CALENDAR.isWorkingDay(due.toLocalDate())).as("%s is a working day", due).isTrue();
            assertThat(due.toLocalTime()).isAfter(CALENDAR.workStart()).isBeforeOrEqualTo(CALENDAR.workEnd());
        });
    }

    @Test
    void businessDaysKeepTheWallClockTimeOnTheNthFollowingWorkingDay() {
        qt().forAll(instants(), longs().between(1, 40)).checkAssert((start, days) -> {
            ZonedDateTime from = CALENDAR.nextWorkingInstant(start).atZone(CALENDAR.zone());
            ZonedDateTime due = CALENDAR.plus(start, BusinessDuration.ofDays(days)).atZone(CALENDAR.zone());

            assertThat(due.toLocalTime()).isEqualTo(from.toLocalTime());
            assertThat(CALENDAR.isWorkingDay(due.toLocalDate())).isTrue();
            long workingDaysCounted = from.toLocalDate().plusDays(1).datesUntil(due.toLocalDate().plusDays(1))
                    .filter(CALENDAR::isWorkingDay).count();
            assertThat(workingDaysCounted).isEqualTo(days);
        });
    }

    @Test
    void businessTimeForwardIsNeverNegativeAndBackwardIsItsNegative() {
        qt().forAll(instants(), instants()).checkAssert((x, y) -> {
            Instant a = x.isBefore(y) ? x : y;
            Instant b = x.isBefore(y) ? y : x;
            Duration forward = CALENDAR.businessTimeBetween(a, b);
            assertThat(forward).isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(Duration.between(a, b));
            assertThat(CALENDAR.businessTimeBetween(b, a)).isEqualTo(forward.negated());
        });
    }

    @Test
    void businessTimeAddsUpOverConsecutiveIntervals() {
        qt().forAll(instants(), instants(), instants()).checkAssert((x, y, z) -> {
            Instant[] sorted = Stream.of(x, y, z).sorted().toArray(Instant[]::new);
            Instant a = sorted[0];
            Instant b = sorted[1];
            Instant c = sorted[2];
            assertThat(CALENDAR.businessTimeBetween(a, c))
                    .isEqualTo(CALENDAR.businessTimeBetween(a, b).plus(CALENDAR.businessTimeBetween(b, c)));
        });
    }

    @Test
    void theNextWorkingInstantIsTheFirstWorkingMomentAtOrAfter() {
        qt().forAll(instants()).checkAssert(instant -> {
            Instant next = CALENDAR.nextWorkingInstant(instant);
            ZonedDateTime local = next.atZone(CALENDAR.zone());

            assertThat(next).isAfterOrEqualTo(instant);
            assertThat(CALENDAR.isWorkingDay(local.toLocalDate())).isTrue();
            assertThat(local.toLocalTime()).isAfterOrEqualTo(CALENDAR.workStart()).isBefore(CALENDAR.workEnd());
            assertThat(CALENDAR.businessTimeBetween(instant, next)).isZero();
            assertThat(CALENDAR.nextWorkingInstant(next)).isEqualTo(next);
        });
    }

    /** A minute-by-minute count, slow but obviously right, for whole-minute starts. */
    @Test
    void agreesWithCountingWorkingMinutesOneByOne() {
        Gen<Instant> wholeMinutes = instants().map(instant -> Instant.ofEpochSecond(instant.getEpochSecond() / 60 * 60));
        qt().withExamples(200).forAll(wholeMinutes, longs().between(1, 3_000)).checkAssert((start, minutes) ->
                assertThat(CALENDAR.plus(start, BusinessDuration.ofMinutes(minutes)))
                        .isEqualTo(endOfNthWorkingMinute(start, minutes)));
    }

    private static Instant endOfNthWorkingMinute(Instant start, long n) {
        Instant minute = start;
        long counted = 0;
        while (true) {
            ZonedDateTime local = minute.atZone(CALENDAR.zone());
            boolean working = CALENDAR.isWorkingDay(local.toLocalDate())
                    && !local.toLocalTime().isBefore(CALENDAR.workStart())
                    && local.toLocalTime().isBefore(CALENDAR.workEnd());
            minute = minute.plusSeconds(60);
            if (working && ++counted == n) {
                return minute;
            }
        }
    }
}
