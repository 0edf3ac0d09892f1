package com.lead2cash.sop.internal;

import com.lead2cash.sop.DayKind;
import com.tyme.holiday.LegalHoliday;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected dates are those of the State Council's notices on the 2025 and 2026 holiday
 * schedules (国务院办公厅关于2025年/2026年部分节假日安排的通知).
 */
class ChinaPublicHolidaysTest {

    @Test
    void nationalDay2026IsAHolidayFromTheFirstToTheSeventhOfOctober() {
        Map<LocalDate, DayKind> year = ChinaPublicHolidays.forYear(2026);

        LocalDate.of(2026, 10, 1).datesUntil(LocalDate.of(2026, 10, 8))
                .forEach(date -> assertThat(year.get(date)).as("%s", date).isEqualTo(DayKind.HOLIDAY));
        assertThat(year).doesNotContainKey(LocalDate.of(2026, 10, 8));
    }

    @Test
    void theMakeUpWorkingDaysOf2026AreTheOfficialSix() {
        Map<LocalDate, DayKind> year = ChinaPublicHolidays.forYear(2026);

        assertThat(year.entrySet().stream().filter(e -> e.getValue() == DayKind.WORKDAY).map(Map.Entry::getKey))
                .containsExactly(
                        LocalDate.of(2026, 1, 4),    // Sunday, New Year
                        LocalDate.of(2026, 2, 14),   // Saturday, Spring Festival
                        LocalDate.of(2026, 2, 28),   // Saturday, Spring Festival
                        LocalDate.of(2026, 5, 9),    // Saturday, Labour Day
                        LocalDate.of(2026, 9, 20),   // Sunday, National Day
                        LocalDate.of(2026, 10, 10)); // Saturday, National Day
        assertThat(year.values()).filteredOn(kind -> kind == DayKind.HOLIDAY).hasSize(33);
    }

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({
            "2025-01-01, HOLIDAY",
            "2025-01-26, WORKDAY",
            "2025-10-08, HOLIDAY",
            "2025-10-11, WORKDAY",
            "2026-02-16, HOLIDAY",
            "2026-04-06, HOLIDAY",
            "2026-06-19, HOLIDAY",
            "2026-09-25, HOLIDAY",
    })
    void knownDatesHaveTheirOfficialKind(LocalDate date, DayKind kind) {
        assertThat(ChinaPublicHolidays.forYear(date.getYear())).containsEntry(date, kind);
    }

    @Test
    void everyDateOfTheYearAgreesWithTheLibrary() {
        Map<LocalDate, DayKind> year = ChinaPublicHolidays.forYear(2026);

        LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1)).forEach(date -> {
            LegalHoliday holiday = LegalHoliday.fromYmd(2026, date.getMonthValue(), date.getDayOfMonth());
            DayKind expected = holiday == null ? null : holiday.isWork() ? DayKind.WORKDAY : DayKind.HOLIDAY;
            assertThat(year.get(date)).as("%s", date).isEqualTo(expected);
        });
    }

    @Test
    void anOrdinaryDayIsNoException() {
        assertThat(ChinaPublicHolidays.forYear(2026)).doesNotContainKey(LocalDate.of(2026, 3, 3));
    }

    @ParameterizedTest(name = "{0} is covered")
    @ValueSource(ints = {2001, 2025, 2026})
    void yearsTheLibraryKnowsAreCovered(int year) {
        assertThat(ChinaPublicHolidays.covers(year)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not covered")
    @ValueSource(ints = {2000, 2027, 2030})
    void yearsTheLibraryDoesNotKnowAreNotCoveredAndHaveNoExceptions(int year) {
        assertThat(ChinaPublicHolidays.covers(year)).isFalse();
        assertThat(ChinaPublicHolidays.forYear(year)).isEmpty();
    }
}
