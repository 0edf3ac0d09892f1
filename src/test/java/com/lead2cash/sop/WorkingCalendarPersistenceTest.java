package com.lead2cash.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.platform.Role;
import com.lead2cash.sop.internal.calendar.CalendarService;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.FormHtml;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** The working calendar is maintained by an administrator, knows China's holidays, and drives due times. */
@IntegrationTest
class WorkingCalendarPersistenceTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = at(2026, 11, 24, 10, 0);

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired BusinessCalendar calendar;
    @Autowired CalendarService service;
    @Autowired MutableClock clock;
    @Autowired Clock appClock;
    @Autowired JdbcClient jdbc;

    static Instant at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant();
    }

    String admin;

    @BeforeEach
    void signIn() {
        clock.set(NOW);
        admin = "Bearer " + fixtures.token(mvc, "admin");
    }

    /** The calendar's revision, as the screen's forms carry it. */
    private String screenVersion() {
        return String.valueOf(service.settings().revision());
    }

    private int exceptionCount() {
        return jdbc.sql("select count(*) from sop_calendar_exception").query(Integer.class).single();
    }

    @Test
    void theOfficialChinaHolidaysAreLoadedOnFirstStartOnce() {
        assertThat(appClock).isSameAs(clock);
        assertThat(calendar.current().exceptions()).containsEntry(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY)
                .containsEntry(LocalDate.of(2025, 10, 1), DayKind.HOLIDAY);
        assertThat(service.exceptions(2026)).anySatisfy(e -> assertThat(e.source()).isEqualTo("OFFICIAL"));
        // an administrator's removal stays removed when the next node starts
        service.removeException(LocalDate.of(2026, 10, 8));
        service.seedOfficialHolidays();
        assertThat(calendar.current().exceptions()).doesNotContainKey(LocalDate.of(2026, 10, 8));
    }

    @Test
    void thirtyBusinessMinutesFromFridayTenToSixAreMondayTwentyPastNine() {
        Instant due = calendar.due(at(2026, 11, 20, 17, 50), DeadlineWindow.business(BusinessDuration.ofMinutes(30)));
        assertThat(due).isEqualTo(at(2026, 11, 23, 9, 20));
        assertThat(calendar.due(at(2026, 11, 20, 17, 50), DeadlineWindow.calendar(BusinessDuration.ofDays(3))))
                .isEqualTo(at(2026, 11, 23, 17, 50));
        assertThat(calendar.due(at(2026, 11, 20, 17, 50), DeadlineWindow.calendar(BusinessDuration.ofHours(24))))
                .isEqualTo(at(2026, 11, 21, 17, 50));
    }

    /** The calendar's version as an entity tag, as a client that read it sends it back. */
    private String calendarVersion() {
        return "\"" + fixtures.json(mvc.get().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin))
                .get("version").asLong() + "\"";
    }

    @Test
    void aSettingsChangeWithoutTheVersionReadIsRefused428AndAStaleOne409() {
        String body = """
                {"zone":"Asia/Shanghai","workStart":"09:00","workEnd":"18:00",
                 "workingWeekdays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"]}""";
        assertThat(mvc.put().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        String read = calendarVersion();
        assertThat(mvc.put().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.IF_MATCH, read).contentType(MediaType.APPLICATION_JSON).content(body)).hasStatusOk();
        assertThat(mvc.put().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.IF_MATCH, read).contentType(MediaType.APPLICATION_JSON).content(body))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void aSettingsChangeMovesBusinessDueTimes() {
        Instant start = at(2026, 11, 19, 17, 50);
        DeadlineWindow window = DeadlineWindow.business(BusinessDuration.ofMinutes(30));
        assertThat(calendar.due(start, window)).isEqualTo(at(2026, 11, 20, 9, 20));
        assertThat(mvc.put().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.IF_MATCH, calendarVersion()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"zone":"Asia/Shanghai","workStart":"08:30","workEnd":"19:00",
                         "workingWeekdays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"]}"""))
                .hasStatusOk();
        assertThat(calendar.due(start, window)).isEqualTo(at(2026, 11, 19, 18, 20));
        assertThat(mvc.put().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.IF_MATCH, calendarVersion()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"zone":"Asia/Shanghai","workStart":"19:00","workEnd":"08:00","workingWeekdays":[]}"""))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[*].field").asArray().contains("workEnd", "workingWeekdays");
        assertThat(mvc.put().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.IF_MATCH, calendarVersion()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"zone":"Asia/Shanghai","workStart":"09:00","workEnd":"18:00",
                         "workingWeekdays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"]}"""))
                .hasStatusOk();
        assertThat(calendar.due(start, window)).isEqualTo(at(2026, 11, 20, 9, 20));
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult settings(String workEnd) {
        return mvc.put().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .header(HttpHeaders.IF_MATCH, calendarVersion()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"zone":"Asia/Shanghai","workStart":"09:00","workEnd":"%s",
                         "workingWeekdays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"]}""".formatted(workEnd))
                .exchange();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult settings(String workStart, String workEnd,
                                                                                String weekdays) {
        return mvc.put().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .header(HttpHeaders.IF_MATCH, calendarVersion()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"zone":"Asia/Shanghai","workStart":"%s","workEnd":"%s","workingWeekdays":[%s]}"""
                        .formatted(workStart, workEnd, weekdays)).exchange();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult screeningWindow(String uri, String window) {
        return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, admin).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reason":"筛选时限 %s","changes":[{"rule":"L1","parameter":"window","value":"%s"}]}
                        """.formatted(window, window)).exchange();
    }

    /** Walk finding: a change of the weekdays alone that could not count L1's window was refused on workEnd. */
    @Test
    void L1_aCalendarChangeRefusedForAPolicyWindowNamesTheFieldThatChanged() throws Exception {
        String before = calendar.current().toString();
        String weekdays = "\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"";
        // 87,600 business hours: some 37 years of 09:00–18:00 weekdays, past a century on Mondays or an hour a day
        assertThat(screeningWindow("/api/v1/policy", "87600h business")).hasStatus(HttpStatus.CREATED);
        try {
            assertThat(settings("09:00", "18:00", "\"MONDAY\"")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                    .satisfies(json -> {
                        assertThat(json).extractingPath("$.errors[0].field").isEqualTo("workingWeekdays");
                        assertThat(json).extractingPath("$.errors[0].code").isEqualTo("calendar.error.policyWindowUncountable");
                    });
            assertThat(settings("17:00", "18:00", weekdays)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                    .extractingPath("$.errors[0].field").isEqualTo("workStart");
            assertThat(settings("09:00", "10:00", weekdays)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                    .extractingPath("$.errors[0].field").isEqualTo("workEnd");
            // the screen's settings form: the same refusal, worded with the window, beside the field that changed
            Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
            String mondays = screenSettings(session, "en", "Asia/Shanghai", "09:00", "18:00", "MONDAY");
            assertThat(FormHtml.errorText(mondays, "workingWeekdays-error"))
                    .contains("With this calendar the SOP window L1.window could not be counted")
                    .doesNotContain("Choose at least one working weekday");
            assertThat(FormHtml.errorText(screenSettings(session, "zh", "Asia/Shanghai", "17:00", "18:00", "MONDAY", "TUESDAY",
                    "WEDNESDAY", "THURSDAY", "FRIDAY"), "workStart-error")).contains("按此日历无法计算 SOP 时限 L1.window");
            assertThat(FormHtml.errorText(screenSettings(session, "en", "Asia/Shanghai", "09:00", "10:00", "MONDAY", "TUESDAY",
                    "WEDNESDAY", "THURSDAY", "FRIDAY"), "workEnd-error")).contains("the SOP window L1.window could not");
            assertThat(calendar.current().toString()).isEqualTo(before);
        } finally {
            assertThat(screeningWindow("/api/v1/policy", "30m business")).hasStatus(HttpStatus.CREATED);
        }
    }

    /**
     * Walk finding: a working day of one minute and a screening window (L1) of 87,600 business hours were each accepted,
     * and together made every lead capture answer 500. Whichever is saved second is refused, naming the window.
     */
    @Test
    void L1_aPolicyWindowAndACalendarOnWhichItCouldNotBeCountedAreRefusedFromEitherSide() {
        String before = calendar.current().toString();
        // the policy first: the calendar that could not count its window is refused, the calendar unchanged
        assertThat(screeningWindow("/api/v1/policy", "87600h business")).hasStatus(HttpStatus.CREATED);
        try {
            var refused = settings("09:01");
            assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                    .extractingPath("$.errors[0].field").isEqualTo("workEnd");
            assertThat(refused).bodyJson().extractingPath("$.errors[0].message").asString()
                    .contains("SOP window L1.window could not be counted");
            assertThat(calendar.current().workEnd()).isEqualTo(java.time.LocalTime.of(18, 0));
            assertThat(calendar.current().toString()).isEqualTo(before);
        } finally {
            assertThat(screeningWindow("/api/v1/policy", "30m business")).hasStatus(HttpStatus.CREATED);
        }

        // an import of holidays that pushes a window near the limit past a century: refused on the file, nothing imported.
        // On a working day of one minute a window of N minutes needs N + 1 working days; with the holidays on working
        // weekdays at most 26,080 of them fit (5,216 weeks and one more within 36,525 days, WorkingCalendar.countable)
        assertThat(settings("09:01")).hasStatusOk();
        try {
            long holidays = calendar.current().exceptions().entrySet().stream().filter(e -> e.getValue() == DayKind.HOLIDAY
                    && e.getKey().getDayOfWeek().getValue() <= 5).count();
            assertThat(screeningWindow("/api/v1/policy", (26_080 - holidays - 1 - 10) + "m business"))
                    .hasStatus(HttpStatus.CREATED);
            // March 2027's Mondays to Thursdays, 19 days (its Fridays still work)
            StringBuilder file = new StringBuilder();
            for (LocalDate d = LocalDate.of(2027, 3, 1); d.getMonthValue() == 3; d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 4) {
                    file.append(d).append(" holiday\n");
                }
            }
            assertThatThrownBy(() -> service.importFile(file.toString().getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(com.lead2cash.platform.FieldValidationException.class, e ->
                            assertThat(e.errors()).singleElement().satisfies(error -> {
                                assertThat(error.field()).isEqualTo("file");
                                assertThat(error.messageKey()).isEqualTo("calendar.error.policyWindowUncountable");
                                assertThat(error.args()).containsExactly("L1.window");
                            }));
            assertThat(calendar.current().exceptions()).doesNotContainKey(LocalDate.of(2027, 3, 1));
        } finally {
            assertThat(screeningWindow("/api/v1/policy", "30m business")).hasStatus(HttpStatus.CREATED);
            assertThat(settings("18:00")).hasStatusOk();
        }
        assertThat(calendar.current().toString()).isEqualTo(before);

        // the calendar first: the window it could not count is refused, changed directly or proposed
        assertThat(settings("09:01")).hasStatusOk();
        try {
            for (String uri : java.util.List.of("/api/v1/policy", "/api/v1/policy/proposals")) {
                var refused = screeningWindow(uri, "87600h business");
                assertThat(refused).as(uri).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                        .extractingPath("$.errors[0].field").isEqualTo("L1.window");
                assertThat(refused).bodyJson().extractingPath("$.errors[0].message").asString()
                        .contains("cannot be counted on the working calendar in force");
            }
            // what the calendar can count is taken
            assertThat(screeningWindow("/api/v1/policy", "3650d business")).hasStatus(HttpStatus.CREATED);
        } finally {
            assertThat(screeningWindow("/api/v1/policy", "30m business")).hasStatus(HttpStatus.CREATED);
            assertThat(settings("18:00")).hasStatusOk();
        }
    }

    /**
     * Walk finding: settings without a zone, with the hours reversed and no weekdays named the zone only (the other two
     * on the next try). All three named in one 422, the calendar unchanged.
     */
    @Test
    void settingsWithoutAZoneWithReversedHoursAndNoWeekdaysNameAllThreeAndChangeNothing() {
        String read = calendarVersion();
        assertThat(mvc.put().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.IF_MATCH, read).contentType(MediaType.APPLICATION_JSON).content("""
                        {"workStart":"19:00","workEnd":"08:00","workingWeekdays":[]}"""))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("zone", "workEnd", "workingWeekdays");
        assertThat(calendarVersion()).as("nothing changed").isEqualTo(read);
    }

    @Test
    void aManualHolidayPushesTheDueTimeToTheNextWorkingDay() {
        assertThat(mvc.post().uri("/api/v1/calendar/exceptions").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"day":"2026-12-07","kind":"HOLIDAY","note":"公司年会"}""")).hasStatus(HttpStatus.CREATED);
        DeadlineWindow window = DeadlineWindow.business(BusinessDuration.ofMinutes(30));
        assertThat(calendar.due(at(2026, 12, 4, 17, 50), window)).isEqualTo(at(2026, 12, 8, 9, 20));
        assertThat(mvc.delete().uri("/api/v1/calendar/exceptions/2026-12-07").header(HttpHeaders.AUTHORIZATION, admin))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(calendar.due(at(2026, 12, 4, 17, 50), window)).isEqualTo(at(2026, 12, 7, 9, 20));
        assertThat(mvc.delete().uri("/api/v1/calendar/exceptions/2026-12-07").header(HttpHeaders.AUTHORIZATION, admin))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    /**
     * The calendar shows the years a date of it may name, as its form, API and import take them: a year past them is
     * an unreadable parameter (the 400 page, as {@code year=abc}; 400 over the API), never the server's error.
     */
    @Test
    void aYearTheCalendarCannotNameIsRefusedAsUnreadableOnTheScreenAndTheApi() {
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", "admin")
                .param("password", Fixtures.ADMIN_PASSWORD).exchange().getResponse().getCookie("SESSION");
        for (String year : new String[] {"999999999", "1000000000", "2147483647", "-1000000000", "99999", "-1", "0",
                "1899", "2200"}) {
            assertThat(mvc.get().uri("/admin/calendar?year=" + year).cookie(session).header("Accept-Language", "en"))
                    .as(year).hasStatus(400).bodyText().contains("The calendar shows the years 1900 to 2199.");
            var refused = mvc.get().uri("/api/v1/calendar?year=" + year).header(HttpHeaders.AUTHORIZATION, admin).exchange();
            assertThat(refused).as(year).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").asString()
                    .isEqualTo("year");
        }
        assertThat(mvc.get().uri("/admin/calendar?year=abc").cookie(session)).hasStatus(400);
        assertThat(mvc.get().uri("/admin/calendar?year=1900").cookie(session)).hasStatusOk();
        assertThat(mvc.get().uri("/admin/calendar?year=2199").cookie(session)).hasStatusOk();
        assertThat(fixtures.json(mvc.get().uri("/api/v1/calendar?year=2199").header(HttpHeaders.AUTHORIZATION, admin))
                .get("year").asInt()).isEqualTo(2199);
    }

    @Test
    void aGoodFileIsImportedAndTheNextYearWarningGoesAwayOnlyWithTheOfficialHolidays() {
        clock.set(at(2026, 10, 31, 12, 0));
        assertThat(service.nextYearMissing()).isFalse();
        clock.set(at(2026, 11, 1, 12, 0));
        assertThat(service.nextYearMissing()).isTrue();
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", "admin")
                .param("password", Fixtures.ADMIN_PASSWORD).exchange().getResponse().getCookie("SESSION");
        assertThat(mvc.get().uri("/admin/calendar").cookie(session)).hasStatusOk().bodyText().contains("next-year-warning");
        try {
            // walk finding: a company's own day hid the warning although none of 2027's official days were loaded
            assertThat(mvc.post().uri("/api/v1/calendar/exceptions").header(HttpHeaders.AUTHORIZATION, admin)
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"day":"2027-05-20","kind":"HOLIDAY","note":"公司周年"}""")).hasStatus(HttpStatus.CREATED);
            assertThat(service.nextYearMissing()).isTrue();
            assertThat(fixtures.json(mvc.get().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin))
                    .get("nextYearMissing").asBoolean()).isTrue();

            var result = mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                    .contentType(MediaType.TEXT_PLAIN).content("""
                            # 2027 元旦
                            2027-01-01 holiday
                            2027-01-02 HOLIDAY # 周六
                            2027-01-04 workday
                            """.getBytes(StandardCharsets.UTF_8)).exchange();
            assertThat(result).hasStatusOk().bodyJson().extractingPath("$.imported").asNumber().isEqualTo(3);
            assertThat(result).bodyJson().extractingPath("$.workdays").asNumber().isEqualTo(1);
            assertThat(jdbc.sql("select detail from platform_audit_event where action = 'calendar.imported' "
                            + "order by id desc limit 1").query(String.class).single())
                    .as("a message key and its arguments, which the audit screen says in its reader's language")
                    .isEqualTo("calendar.audit.imported\n2\n1");
            // New Year's Day alone is not the year's official schedule
            assertThat(service.nextYearMissing()).isTrue();
            assertThat(mvc.get().uri("/admin/calendar").cookie(session)).hasStatusOk().bodyText()
                    .contains("next-year-warning");
            assertThat(calendar.current().exceptions()).containsEntry(LocalDate.of(2027, 1, 4), DayKind.WORKDAY);
            JsonNode year = fixtures.json(mvc.get().uri("/api/v1/calendar?year=2027").header(HttpHeaders.AUTHORIZATION, admin));
            assertThat(year.get("exceptions").size()).isEqualTo(4);
            assertThat(year.get("exceptions").get(0).get("source").asString()).isEqualTo("IMPORT");

            // the official schedule's holidays: the Spring Festival (6 February 2027), Labour Day and National Day too
            assertThat(mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                    .contentType(MediaType.TEXT_PLAIN).content("""
                            2027-02-06 holiday
                            2027-05-01 holiday
                            2027-10-01 holiday
                            """.getBytes(StandardCharsets.UTF_8))).hasStatusOk();
            assertThat(service.nextYearMissing()).isFalse();
            assertThat(fixtures.json(mvc.get().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin))
                    .get("nextYearMissing").asBoolean()).isFalse();
            assertThat(mvc.get().uri("/admin/calendar").cookie(session)).hasStatusOk().bodyText()
                    .doesNotContain("next-year-warning");
        } finally {
            service.exceptions(2027).forEach(e -> service.removeException(e.day()));
        }
    }

    /** A year the application ships the official schedule of is loaded as seeded, whatever its days. */
    @Test
    void aSeededOfficialYearIsLoaded() {
        clock.set(at(2025, 11, 3, 12, 0));
        assertThat(service.exceptions(2026)).anySatisfy(e -> assertThat(e.source()).isEqualTo("OFFICIAL"));
        assertThat(service.nextYearMissing()).isFalse();
    }

    /** The Spring Festival is the first day of the lunar year, in late January or February. */
    @Test
    void theLandmarksOfAnOfficialScheduleAreItsFestivalsFirstDays() {
        assertThat(com.lead2cash.sop.internal.ChinaPublicHolidays.landmarks(2027)).containsExactly(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 10, 1));
        assertThat(com.lead2cash.sop.internal.ChinaPublicHolidays.landmarks(2026)).contains(LocalDate.of(2026, 2, 17));
        // every year the library ships: the four are holidays of its official schedule
        for (int y = 2010; y <= 2026; y++) {
            var official = com.lead2cash.sop.internal.ChinaPublicHolidays.forYear(y);
            for (LocalDate day : com.lead2cash.sop.internal.ChinaPublicHolidays.landmarks(y)) {
                assertThat(official.get(day)).as(day.toString()).isEqualTo(DayKind.HOLIDAY);
            }
        }
    }

    /**
     * Walk finding: the screen's settings form, read before another administrator changed the calendar, overwrote
     * their change unseen. Every form of the screen carries the revision it was read at: a stale one comes back
     * with the stale-version message and changes nothing, one without it is refused.
     */
    @Test
    void aCalendarFormReadBeforeAnotherAdministratorsChangeComesBackStaleAndChangesNothing() throws Exception {
        CalendarService.Settings before = service.settings();
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String page = mvc.get().uri("/admin/calendar").cookie(session).header("Accept-Language", "en").exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(page);
        assertThat(shown.find()).isTrue();
        String read = shown.group(1);
        assertThat(read).isEqualTo(String.valueOf(before.revision()));
        try {
            // another administrator ends the day at 17:30
            assertThat(mvc.put().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, admin)
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"zone":"Asia/Shanghai","workStart":"09:00","workEnd":"17:30",
                             "workingWeekdays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"version":%d}"""
                            .formatted(before.revision()))).hasStatusOk();
            long changed = service.settings().revision();
            int exceptions = exceptionCount();
            // SOP walk: the audit entry carried the new settings only; it says the old ones too, old → new
            String weekdays = before.workingWeekdays().stream().sorted().map(d -> "calendar.weekday." + d.name())
                    .collect(java.util.stream.Collectors.joining(", "));
            assertThat(jdbc.sql("""
                    select detail from platform_audit_event where action = 'calendar.settings'
                    order by id desc limit 1""").query(String.class).single()).isEqualTo(String.join("\n",
                    "calendar.audit.settingsChanged", before.zone().getId(), before.workStart().toString(),
                    before.workEnd().toString(), weekdays, "Asia/Shanghai", "09:00", "17:30",
                    "calendar.weekday.MONDAY, calendar.weekday.TUESDAY, calendar.weekday.WEDNESDAY, "
                            + "calendar.weekday.THURSDAY, calendar.weekday.FRIDAY"));

            var settings = mvc.post().uri("/admin/calendar/settings").cookie(session).with(csrf())
                    .header("Accept-Language", "en").param("zone", "Asia/Shanghai").param("workStart", "08:30")
                    .param("workEnd", "18:00").param("workingWeekdays", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                            "FRIDAY").param("version", read).exchange();
            assertThat(settings).hasStatusOk().bodyText().contains("id=\"stale-version\"",
                    "Someone changed the calendar meanwhile");
            String again = settings.getResponse().getContentAsString(StandardCharsets.UTF_8);
            // what was typed comes back, still at the revision it was read at
            assertThat(FormHtml.inputValue(again, "workStart")).isEqualTo("08:30");
            assertThat(again).contains("name=\"version\" value=\"" + read + "\"");
            assertThat(service.settings().workEnd()).isEqualTo(java.time.LocalTime.of(17, 30));
            assertThat(service.settings().workStart()).isEqualTo(java.time.LocalTime.of(9, 0));

            // the screen's other forms alike: a day added, a day removed, a file imported
            assertThat(mvc.post().uri("/admin/calendar/exceptions").cookie(session).with(csrf())
                    .header("Accept-Language", "en").param("day", "2027-06-14").param("kind", "HOLIDAY")
                    .param("version", read)).hasStatusOk().bodyText().contains("id=\"stale-version\"");
            assertThat(mvc.post().uri("/admin/calendar/exceptions/remove").cookie(session).with(csrf())
                    .header("Accept-Language", "en").param("day", "2026-10-01").param("version", read))
                    .hasStatusOk().bodyText().contains("id=\"stale-version\"");
            assertThat(mvc.post().uri("/admin/calendar/import").cookie(session).with(csrf())
                    .header("Accept-Language", "en").multipart().file(new MockMultipartFile("file", "2027.txt",
                            "text/plain", "2027-06-15 holiday\n".getBytes(StandardCharsets.UTF_8)))
                    .param("version", read)).hasStatusOk().bodyText().contains("id=\"stale-version\"");
            assertThat(exceptionCount()).isEqualTo(exceptions);
            assertThat(calendar.current().exceptions()).containsEntry(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY);

            // sent without the revision: refused, nothing changed
            for (String uri : List.of("/admin/calendar/settings", "/admin/calendar/exceptions")) {
                assertThat(mvc.post().uri(uri).cookie(session).with(csrf()).param("zone", "Asia/Shanghai")
                        .param("workStart", "08:30").param("workEnd", "18:00").param("workingWeekdays", "MONDAY")
                        .param("day", "2027-06-14").param("kind", "HOLIDAY")).as(uri)
                        .hasStatus(HttpStatus.PRECONDITION_REQUIRED);
            }
            assertThat(mvc.post().uri("/admin/calendar/exceptions/remove").cookie(session).with(csrf())
                    .param("day", "2026-10-01").param("version", "")).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
            assertThat(service.settings().revision()).isEqualTo(changed);
            assertThat(exceptionCount()).isEqualTo(exceptions);

            // at the revision it was read at, the form saves
            assertThat(mvc.post().uri("/admin/calendar/settings").cookie(session).with(csrf())
                    .param("zone", "Asia/Shanghai").param("workStart", "09:00").param("workEnd", "18:00")
                    .param("workingWeekdays", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
                    .param("version", String.valueOf(changed))).hasStatus3xxRedirection();
            assertThat(service.settings().workEnd()).isEqualTo(java.time.LocalTime.of(18, 0));
        } finally {
            service.updateSettings(before.zone().getId(), before.workStart(), before.workEnd(),
                    before.workingWeekdays());
        }
    }

    /** The settings form posted on the screen as an administrator types it, at the revision in force; the page back. */
    private String screenSettings(Cookie session, String language, String zone, String workStart, String workEnd,
                                  String... weekdays) throws Exception {
        var post = mvc.post().uri("/admin/calendar/settings").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language).param("zone", zone).param("workStart", workStart)
                .param("workEnd", workEnd).param("version", screenVersion());
        if (weekdays.length > 0) {
            post = post.param("workingWeekdays", weekdays);
        }
        var page = post.exchange();
        assertThat(page).hasStatusOk();
        return page.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * Walk finding: a refused settings form came back filled with the saved values (Asia/Shanghai, 09:00–18:00,
     * Monday to Friday), its message beside a value the administrator never typed. It comes back as typed, each
     * message beside its field, the calendar unchanged.
     */
    @Test
    void aRefusedSettingsFormComesBackAsTypedWithTheMessageBesideItsField() throws Exception {
        CalendarService.Settings before = service.settings();
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        String zone = screenSettings(session, "zh-CN", "Mars/Olympus", "08:30", "17:30", "MONDAY", "SATURDAY");
        assertThat(FormHtml.errorText(zone, "zone-error")).isEqualTo("“Mars/Olympus”不是 Asia/Shanghai 这样的时区。");
        assertThat(FormHtml.inputValue(zone, "zone")).isEqualTo("Mars/Olympus");
        assertThat(FormHtml.inputValue(zone, "workStart")).isEqualTo("08:30");
        assertThat(FormHtml.inputValue(zone, "workEnd")).isEqualTo("17:30");
        assertThat(FormHtml.checked(zone, "wd-SATURDAY")).isTrue();
        assertThat(FormHtml.checked(zone, "wd-TUESDAY")).isFalse();

        String hours = screenSettings(session, "en", "Asia/Shanghai", "18:00", "09:00", "MONDAY");
        assertThat(FormHtml.errorText(hours, "workEnd-error")).isEqualTo("Work must end after it starts.");
        assertThat(FormHtml.inputValue(hours, "workStart")).isEqualTo("18:00");
        assertThat(FormHtml.inputValue(hours, "workEnd")).isEqualTo("09:00");

        String noWeekdays = screenSettings(session, "en", "Europe/Berlin", "", "16:00");
        assertThat(FormHtml.errorText(noWeekdays, "workingWeekdays-error")).isEqualTo("Choose at least one working weekday.");
        assertThat(FormHtml.errorText(noWeekdays, "workStart-error")).isEqualTo("Required.");
        assertThat(FormHtml.inputValue(noWeekdays, "zone")).isEqualTo("Europe/Berlin");
        assertThat(FormHtml.inputValue(noWeekdays, "workEnd")).isEqualTo("16:00");
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            assertThat(FormHtml.checked(noWeekdays, "wd-" + d)).as(d.name()).isFalse();
        }
        assertThat(service.settings()).isEqualTo(before);
    }

    /**
     * Walk finding: a day refused while 2027 was viewed came back showing this year. Every refused form of the screen
     * comes back on the year that was viewed, the day's form as typed (and not filled by another form's day).
     */
    @Test
    void aRefusedFormOfTheCalendarScreenComesBackOnTheYearViewed() throws Exception {
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String viewed = mvc.get().uri("/admin/calendar?year=2027").cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(viewed).contains("Holidays and make-up working days 2027");
        assertThat(viewed).contains("name=\"year\" value=\"2027\"");
        int exceptions = exceptionCount();
        long revision = service.settings().revision();

        // a day of a year the calendar does not set
        var day = mvc.post().uri("/admin/calendar/exceptions").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("day", "2040-03-31").param("kind", "WORKDAY")
                .param("note", "年会补班").param("year", "2027").param("version", screenVersion()).exchange();
        assertThat(day).hasStatusOk();
        String added = day.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(added).contains("Holidays and make-up working days 2027", "2040-03-31 lies outside the years")
                .doesNotContain("Holidays and make-up working days 2026");
        assertThat(FormHtml.inputValue(added, "exception-day")).isEqualTo("2040-03-31");
        assertThat(FormHtml.inputValue(added, "exception-note")).isEqualTo("年会补班");
        assertThat(FormHtml.selected(added, "exception-kind")).isEqualTo("WORKDAY");

        // in Chinese alike
        String zh = mvc.post().uri("/admin/calendar/exceptions").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").param("day", "2040-03-31").param("kind", "HOLIDAY")
                .param("year", "2027").param("version", screenVersion()).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("2027 年节假日与调休上班日").doesNotContain("2026 年节假日与调休上班日");

        // a day removed from a form read before another change: stale, on 2027, the day's form left empty
        String removed = mvc.post().uri("/admin/calendar/exceptions/remove").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("day", "2027-02-11").param("year", "2027")
                .param("version", String.valueOf(revision - 1)).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(removed).contains("id=\"stale-version\"", "Holidays and make-up working days 2027");
        assertThat(FormHtml.inputValue(removed, "exception-day")).isEmpty();

        // a file with a bad line
        String imported = mvc.post().uri("/admin/calendar/import").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").multipart().file(new MockMultipartFile("file", "2027.txt",
                        "text/plain", "2027-13-01 holiday\n".getBytes(StandardCharsets.UTF_8)))
                .param("year", "2027").param("version", screenVersion()).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(imported).contains("id=\"import-errors\"", "2027 年节假日与调休上班日");

        // the settings
        String settings = mvc.post().uri("/admin/calendar/settings").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("zone", "Mars/Olympus").param("workStart", "09:00")
                .param("workEnd", "18:00").param("workingWeekdays", "MONDAY").param("year", "2027")
                .param("version", screenVersion()).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(settings).contains("is not a time zone", "Holidays and make-up working days 2027");

        assertThat(exceptionCount()).isEqualTo(exceptions);
        assertThat(service.settings().revision()).isEqualTo(revision);

        // saved, the settings return to the year viewed too
        CalendarService.Settings stored = service.settings();
        assertThat(mvc.post().uri("/admin/calendar/settings").cookie(session).with(csrf())
                .param("zone", stored.zone().getId()).param("workStart", stored.workStart().toString())
                .param("workEnd", stored.workEnd().toString())
                .param("workingWeekdays", stored.workingWeekdays().stream().map(Enum::name).toArray(String[]::new))
                .param("year", "2027").param("version", screenVersion())).hasStatus3xxRedirection()
                .hasRedirectedUrl("/admin/calendar?year=2027");
    }

    @Test
    void aFileWithABadLineIsRefusedLineByLineAndImportsNothing() {
        int before = exceptionCount();
        assertThat(mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.TEXT_PLAIN).content("""
                        2028-01-01 holiday
                        2028-13-01 holiday
                        2028-01-03 vacation
                        """.getBytes(StandardCharsets.UTF_8)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[*].line").asArray().containsExactly(2, 3);
                    // a field error as every 422 names one (decision 0014), the line's number in the field
                    assertThat(json).extractingPath("$.errors[*].field").asArray().containsExactly("lines[2]", "lines[3]");
                    assertThat(json).extractingPath("$.errors[0].code").asString().isEqualTo("calendar.import.invalid-date");
                    assertThat(json).extractingPath("$.errors[1].message").asString().contains("Line 3", "vacation");
                });
        assertThat(exceptionCount()).isEqualTo(before);
        assertThat(service.exceptions(2028)).isEmpty();
    }

    @Test
    void aFileThatIsNotTextIsRefusedOnceOnTheFileWithoutEchoingItsBytes() throws Exception {
        int before = exceptionCount();
        byte[] noise = new byte[5 * 1024 * 1024];
        new java.util.Random(53).nextBytes(noise);
        byte[] workbook = java.util.HexFormat.of().parseHex("504B030414000000080000000000");
        var uploads = java.util.List.of(
                mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                        .multipart().file(new MockMultipartFile("file", "rnd.bin", "application/octet-stream", noise)).exchange(),
                mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                        .contentType(MediaType.TEXT_PLAIN).content(workbook).exchange());
        for (var upload : uploads) {
            assertThat(upload.getResponse().getContentAsByteArray().length).isLessThan(2_000);
            assertThat(upload).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
                assertThat(json).extractingPath("$.errors").asArray().hasSize(1);
                assertThat(json).extractingPath("$.errors[0].field").isEqualTo("file");
                assertThat(json).extractingPath("$.errors[0].code").isEqualTo("calendar.import.not-text");
                assertThat(json).extractingPath("$.errors[0].message").asString().contains("not a text calendar file");
            });
        }
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        assertThat(mvc.post().uri("/admin/calendar/import").cookie(session).with(csrf()).header("Accept-Language", "zh")
                .multipart().file(new MockMultipartFile("file", "book.xlsx", "application/octet-stream", workbook))
                .param("version", screenVersion()))
                // the file's first bytes (PK\u0003\u0004) not echoed; a bare "PK" may stand in the page's random tokens
                .bodyText().contains("import-file-error", "这不是文本格式的日历文件")
                .doesNotContain("PK\u0003", "PK&#3;", "PK&#x3;", "PK&#x03;");
        assertThat(exceptionCount()).isEqualTo(before);
    }

    @Test
    void aFileOfManyBadLinesListsTheFirstHundredAndCountsTheRest() {
        byte[] garbage = ("2031-01-01 holiday\n" + "not a date\n".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.TEXT_PLAIN).content(garbage))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.errors").asArray().hasSize(100);
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("lines[2]");
                    assertThat(json).extractingPath("$.errors[99].line").asNumber().isEqualTo(101);
                    assertThat(json).extractingPath("$.moreErrors").asNumber().isEqualTo(9_900);
                });
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        var page = mvc.post().uri("/admin/calendar/import").cookie(session).with(csrf()).header("Accept-Language", "en")
                .multipart().file(new MockMultipartFile("file", "garbage.txt", "text/plain", garbage))
                .param("version", screenVersion()).exchange();
        assertThat(page).bodyText().contains("Line 101:", "9900 more invalid lines").doesNotContain("Line 102:");
        assertThat(service.exceptions(2031)).isEmpty();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult addDay(String day, String kind) {
        return mvc.post().uri("/api/v1/calendar/exceptions").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"day":"%s","kind":"%s"}""".formatted(day, kind)).exchange();
    }

    /** Walk finding: a single day bypassed the import's rules (a month with no working day, a year it does not set). */
    @Test
    void aSingleDayIsTakenByTheImportsRulesYearsAndAWorkingDayEveryMonth() {
        int before = exceptionCount();
        long revision = service.settings().revision();
        // the test clock's today is in 2026: last year to five years ahead, as a file
        for (String day : List.of("2040-03-31", "2024-12-31")) {
            assertThat(addDay(day, "HOLIDAY")).as(day).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                    .satisfies(json -> {
                        assertThat(json).extractingPath("$.errors[0].field").isEqualTo("day");
                        assertThat(json).extractingPath("$.errors[0].code").isEqualTo("calendar.import.year-not-taken");
                        assertThat(json).extractingPath("$.errors[0].message").asString().contains(day, "2025", "2031");
                    });
        }
        assertThat(exceptionCount()).isEqualTo(before);
        // August 2029 a holiday but for its last day (a Friday): that one a holiday too leaves the month idle
        List<LocalDate> august = LocalDate.of(2029, 8, 1).datesUntil(LocalDate.of(2029, 8, 31)).toList();
        try {
            StringBuilder file = new StringBuilder();
            august.forEach(d -> file.append(d).append(" holiday\n"));
            service.importFile(file.toString().getBytes(StandardCharsets.UTF_8));
            long imported = service.settings().revision();
            assertThat(addDay("2029-08-31", "HOLIDAY")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                    .satisfies(json -> {
                        assertThat(json).extractingPath("$.errors[0].field").isEqualTo("day");
                        assertThat(json).extractingPath("$.errors[0].code").isEqualTo("calendar.import.no-working-day");
                        assertThat(json).extractingPath("$.errors[0].message").asString().contains("2029-08");
                    });
            assertThat(calendar.current().exceptions()).doesNotContainKey(LocalDate.of(2029, 8, 31));
            assertThat(service.settings().revision()).isEqualTo(imported);
            // the calendar screen's single-day form: the same refusal beside its field
            Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
            assertThat(mvc.post().uri("/admin/calendar/exceptions").cookie(session).with(csrf())
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("day", "2029-08-31").param("kind", "HOLIDAY")
                    .param("version", screenVersion()).exchange()).hasStatusOk().bodyText().contains("these months would have no working day at all: 2029-08");
            assertThat(mvc.post().uri("/admin/calendar/exceptions").cookie(session).with(csrf())
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("day", "2040-03-31").param("kind", "HOLIDAY")
                    .param("version", screenVersion()).exchange()).hasStatusOk().bodyText().contains("2040-03-31 lies outside the years the calendar may set");
            assertThat(calendar.current().exceptions()).doesNotContainKeys(LocalDate.of(2029, 8, 31),
                    LocalDate.of(2040, 3, 31));
            // a make-up working day in it is taken
            assertThat(addDay("2029-08-31", "WORKDAY")).hasStatus(HttpStatus.CREATED);
        } finally {
            august.forEach(service::removeException);
            service.removeException(LocalDate.of(2029, 8, 31));
        }
        assertThat(exceptionCount()).isEqualTo(before);
        assertThat(revision).isLessThan(service.settings().revision());
    }

    @Test
    void aFileSettingYearsBeyondLastYearToFiveAheadIsRefusedLineByLineAndImportsNothing() {
        int before = exceptionCount();
        // the walk's file: every day of 2000 to 2068 a holiday, which sent a new lead's deadline to 2068
        assertThat(mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.TEXT_PLAIN).content("2000-01-03 holiday\n2027-01-05 holiday\n2068-01-02 holiday\n"
                        .getBytes(StandardCharsets.UTF_8)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.errors").asArray().hasSize(2);
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("lines[1]");
                    assertThat(json).extractingPath("$.errors[0].code").isEqualTo("calendar.import.year-not-taken");
                    // the test clock's today is in 2026: last year to five years ahead
                    assertThat(json).extractingPath("$.errors[0].message").asString().contains("2000-01-03", "2025", "2031");
                    assertThat(json).extractingPath("$.errors[1].field").isEqualTo("lines[3]");
                });
        assertThat(exceptionCount()).isEqualTo(before);
    }

    @Test
    void aFileLeavingAMonthWithoutAWorkingDayIsRefusedNamingTheMonthAndImportsNothing() {
        int before = exceptionCount();
        long revision = service.settings().revision();
        StringBuilder everyDay = new StringBuilder();
        for (LocalDate d = LocalDate.of(2030, 3, 1); d.getMonthValue() == 3; d = d.plusDays(1)) {
            everyDay.append(d).append(" holiday\n");
        }
        everyDay.append("2030-05-01 holiday\n");
        assertThat(mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                .header("Accept-Language", "en").contentType(MediaType.TEXT_PLAIN)
                .content(everyDay.toString().getBytes(StandardCharsets.UTF_8)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("file");
                    assertThat(json).extractingPath("$.errors[0].code").isEqualTo("calendar.import.no-working-day");
                    assertThat(json).extractingPath("$.errors[0].message").asString().contains("2030-03")
                            .doesNotContain("2030-05");
                });
        assertThat(exceptionCount()).isEqualTo(before);
        assertThat(service.settings().revision()).isEqualTo(revision);
        // one working day left in the month — a make-up Saturday — is a month that works
        StringBuilder allButOne = new StringBuilder();
        for (LocalDate d = LocalDate.of(2030, 11, 1); d.getMonthValue() == 11; d = d.plusDays(1)) {
            allButOne.append(d).append(d.equals(LocalDate.of(2030, 11, 23)) ? " workday\n" : " holiday\n");
        }
        assertThat(mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.TEXT_PLAIN).content(allButOne.toString().getBytes(StandardCharsets.UTF_8)))
                .hasStatusOk().bodyJson().extractingPath("$.workdays").asNumber().isEqualTo(1);
        // the month as it was: the other tests of this context know November 2030 as an ordinary month
        service.exceptions(2030).stream().filter(e -> e.day().getMonthValue() == 11)
                .forEach(e -> service.removeException(e.day()));
    }

    @Test
    void aFileWithoutADateIsRefusedOnTheFileAndImportsNothing() {
        int before = exceptionCount();
        long revision = service.settings().revision();
        var uploads = java.util.List.of(
                mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                        .contentType(MediaType.TEXT_PLAIN).content(new byte[0]).exchange(),
                mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                        .contentType(MediaType.TEXT_PLAIN).content("# 2030 还没公布\n\n".getBytes(StandardCharsets.UTF_8)).exchange(),
                mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                        .multipart().file(new MockMultipartFile("file", "empty.txt", "text/plain", new byte[0])).exchange());
        for (var upload : uploads) {
            assertThat(upload).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
                assertThat(json).extractingPath("$.errors[0].field").isEqualTo("file");
                assertThat(json).extractingPath("$.errors[0].code").isEqualTo("calendar.import.empty");
                assertThat(json).extractingPath("$.errors[0].message").asString().contains("no dates");
            });
        }
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", "admin")
                .param("password", Fixtures.ADMIN_PASSWORD).exchange().getResponse().getCookie("SESSION");
        assertThat(mvc.post().uri("/admin/calendar/import").cookie(session).with(csrf()).header("Accept-Language", "en")
                .multipart().file(new MockMultipartFile("file", "empty.txt", "text/plain", new byte[0]))
                .param("version", screenVersion()))
                .bodyText().contains("import-file-error", "no dates");
        assertThat(exceptionCount()).isEqualTo(before);
        assertThat(service.settings().revision()).isEqualTo(revision);
    }

    @Test
    void aMultipartUploadImportsToo() {
        MockMultipartFile file = new MockMultipartFile("file", "2029.txt", "text/plain",
                "2029-02-12 holiday\n".getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin).multipart().file(file))
                .hasStatusOk().bodyJson().extractingPath("$.holidays").asNumber().isEqualTo(1);
        assertThat(calendar.current().exceptions()).containsEntry(LocalDate.of(2029, 2, 12), DayKind.HOLIDAY);
    }

    @Test
    void aChangeMadeByAnotherNodeIsSeenAtOnce() {
        assertThat(calendar.current().isWorkingDay(LocalDate.of(2026, 12, 14))).isTrue();
        jdbc.sql("insert into sop_calendar_exception (day, kind, source, created_at) values ('2026-12-14', 'HOLIDAY', 'MANUAL', now())")
                .update();
        jdbc.sql("update sop_calendar_settings set revision = revision + 1").update();
        assertThat(calendar.current().isWorkingDay(LocalDate.of(2026, 12, 14))).isFalse();
    }

    @Test
    void onlyAnAdministratorMaintainsTheCalendar() {
        fixtures.user("cal.rep", fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP);
        String rep = "Bearer " + fixtures.token(mvc, "cal.rep");
        assertThat(mvc.get().uri("/api/v1/calendar").header(HttpHeaders.AUTHORIZATION, rep)).hasStatusOk();
        assertThat(mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, rep)
                .contentType(MediaType.TEXT_PLAIN).content("2030-01-01 holiday")).hasStatus(HttpStatus.FORBIDDEN);
    }
}
