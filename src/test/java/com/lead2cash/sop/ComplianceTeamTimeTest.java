package com.lead2cash.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * COMPLIANCE by team counts each deadline for the team its owner belonged to when it was opened or handed over
 * (decision 0124): moving a person to another unit leaves the old team's past figures as they were.
 */
@IntegrationTest
@TestPropertySource(properties = "l2c.scheduler.enabled=false")
class ComplianceTeamTimeTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String PERIOD = "from=2026-10-01&to=2026-11-01";

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(at(2026, 10, 12, 10, 0));
        }
    }

    @Autowired Deadlines deadlines;
    @Autowired MutableClock clock;
    @Autowired Fixtures fixtures;
    @Autowired MockMvcTester mvc;

    static Instant at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant();
    }

    private static SubjectRef lead() {
        return SubjectRef.of("Lead", UUID.randomUUID());
    }

    private Map<String, JsonNode> rows(JsonNode body) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        body.get("rows").valueStream().forEach(r -> rows.put(r.get("key").asString(), r));
        return rows;
    }

    private JsonNode report(String username, String query) {
        return fixtures.json(mvc.get().uri("/api/v1/compliance?" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, username)));
    }

    private static List<Long> counts(JsonNode row) {
        return row == null ? null : List.of(row.get("met").asLong(), row.get("breached").asLong(), row.get("open").asLong());
    }

    /** Two teams; the moving rep met one L7 on time and let one L6 run past due, both while in the east team. */
    private record World(UUID east, UUID south, User eastManager, User southManager, User mover, User stayer) {
    }

    private World world(String tag) {
        UUID east = fixtures.unit("TeamTime east " + tag);
        UUID south = fixtures.unit("TeamTime south " + tag);
        User eastManager = fixtures.user("ttem" + tag, east, LocalDate.of(2020, 1, 1), Role.SALES_MANAGER);
        fixtures.appointManager(east, eastManager.id());
        User southManager = fixtures.user("ttsm" + tag, south, LocalDate.of(2020, 1, 1), Role.SALES_MANAGER);
        fixtures.appointManager(south, southManager.id());
        User mover = fixtures.user("ttmv" + tag, east, LocalDate.of(2024, 1, 1), Role.SALES_REP);
        User stayer = fixtures.user("ttst" + tag, east, LocalDate.of(2024, 1, 1), Role.SALES_REP);
        Instant start = at(2026, 10, 12, 10, 0);
        clock.set(start);
        SubjectRef met = lead();
        deadlines.open("L7", met, mover.id(), start);
        deadlines.meet("L7", met, at(2026, 10, 12, 11, 0));
        deadlines.open("L6", lead(), mover.id(), start);
        SubjectRef late = lead();
        deadlines.open("L7", late, mover.id(), start);
        deadlines.meet("L7", late, at(2026, 10, 13, 16, 0));
        SubjectRef stayed = lead();
        deadlines.open("L7", stayed, stayer.id(), start);
        deadlines.meet("L7", stayed, at(2026, 10, 12, 11, 0));
        return new World(east, south, eastManager, southManager, mover, stayer);
    }

    private void move(User person, UUID unit) {
        assertThat(fixtures.saveUser(mvc, person.id(), unit, List.of(Role.SALES_REP), true, "en")).hasStatusOk();
    }

    @Test
    void COMPLIANCE_aTeamsFiguresStayAsTheyWereWhenSomeoneMovesToAnotherTeam() {
        World w = world("a");
        Map<String, JsonNode> before = rows(report("admin", PERIOD + "&groupBy=team"));
        assertThat(counts(before.get(w.east().toString()))).containsExactly(2L, 1L, 1L);
        assertThat(before).doesNotContainKey(w.south().toString());

        move(w.mover(), w.south());

        Map<String, JsonNode> after = rows(report("admin", PERIOD + "&groupBy=team"));
        assertThat(counts(after.get(w.east().toString()))).as("the east team's past, as it was")
                .containsExactly(2L, 1L, 1L);
        assertThat(after).as("the south team carries none of what the mover ran up in the east")
                .doesNotContainKey(w.south().toString());
        // the per-person view follows the person
        assertThat(counts(rows(report("admin", PERIOD + "&groupBy=owner")).get(w.mover().id().toString())))
                .containsExactly(1L, 1L, 1L);
    }

    @Test
    void COMPLIANCE_aDeadlineHandedToSomeoneCountsForTheNewOwnersTeamFromThen() {
        World w = world("b");
        move(w.mover(), w.south());
        // opened after the move: the south team's
        clock.set(at(2026, 10, 20, 10, 0));
        deadlines.open("L6", lead(), w.mover().id(), clock.instant());
        // an east deadline handed to the mover, now in the south team: the south team answers for it from then
        SubjectRef handed = lead();
        deadlines.open("L6", handed, w.stayer().id(), clock.instant());
        deadlines.transfer("L6", handed, w.mover().id());
        Map<String, JsonNode> rows = rows(report("admin", PERIOD + "&groupBy=team"));
        assertThat(counts(rows.get(w.east().toString()))).containsExactly(2L, 1L, 1L);
        assertThat(counts(rows.get(w.south().toString()))).containsExactly(0L, 0L, 2L);
    }

    @Test
    void COMPLIANCE_aManagerSeesTheTeamsFiguresAsRecordedAndPeopleWhereTheyAreNow() {
        World w = world("c");
        move(w.mover(), w.south());
        JsonNode east = report(w.eastManager().username(), PERIOD + "&groupBy=team");
        assertThat(east.get("ownRecordsOnly").asBoolean()).isFalse();
        assertThat(rows(east).keySet()).containsExactly(w.east().toString());
        assertThat(counts(rows(east).get(w.east().toString()))).containsExactly(2L, 1L, 1L);
        assertThat(rows(report(w.southManager().username(), PERIOD + "&groupBy=team"))).as("nothing recorded south")
                .isEmpty();
        // per person the mover is the south manager's now, with all their figures
        assertThat(rows(report(w.eastManager().username(), PERIOD + "&groupBy=owner")).keySet())
                .containsExactly(w.stayer().id().toString());
        assertThat(counts(rows(report(w.southManager().username(), PERIOD + "&groupBy=owner"))
                .get(w.mover().id().toString()))).containsExactly(1L, 1L, 1L);
    }

    @Test
    void COMPLIANCE_aRepsTeamRowSaysItCountsTheRepsOwnRecordsOnly() {
        World w = world("d");
        JsonNode own = report(w.mover().username(), PERIOD + "&groupBy=team");
        assertThat(own.get("ownRecordsOnly").asBoolean()).isTrue();
        assertThat(counts(rows(own).get(w.east().toString()))).as("the rep's own, not the stayer's")
                .containsExactly(1L, 1L, 1L);
        assertThat(report("admin", PERIOD + "&groupBy=team").get("ownRecordsOnly").asBoolean()).isFalse();
    }
}
