package com.lead2cash.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.sop.internal.deadline.DeadlineSweeper;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deadline's reminder in its owner's inbox, with the real notifier: it asks until the deadline is met, cancelled or
 * moved to someone else, and is settled from then on; the reminders of the owner's other deadlines still ask, and a
 * breach, a fact, stays as it was told.
 */
@IntegrationTest
@Import(TestClock.class)
class DeadlineReminderNoticesTest {

    private static final String REMINDER = "deadline.reminder";
    private static final String BREACHED = "deadline.breached";
    /** Reminders at half and ninety percent of the window (G1): at +2 h and +3 h 36 min. */
    private static final Duration WINDOW = Duration.ofHours(4);

    @Autowired Deadlines deadlines;
    @Autowired DeadlineSweeper sweeper;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired Fixtures fixtures;

    User rep, rep2;
    Instant start;

    @BeforeEach
    void team() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        UUID unit = fixtures.unit("Reminded " + s);
        User manager = fixtures.user("rnm" + s, unit, LocalDate.of(2020, 1, 1), Role.SALES_MANAGER);
        fixtures.appointManager(unit, manager.id());
        rep = fixtures.user("rnr" + s, unit, LocalDate.of(2024, 1, 1), Role.SALES_REP);
        rep2 = fixtures.user("rns" + s, unit, LocalDate.of(2024, 1, 1), Role.SALES_REP);
        start = clock.instant();
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    /** A lead no module knows: its notices name it by its id. */
    private static SubjectRef lead() {
        return SubjectRef.of("Lead", UUID.randomUUID());
    }

    private SubjectRef opened() {
        SubjectRef subject = lead();
        deadlines.openUntil("L7", subject, rep.id(), start, start.plus(WINDOW));
        return subject;
    }

    /** The person's notices of this kind about the subject, oldest first: still asking, or settled. */
    private List<String> notices(User reader, String kind, SubjectRef subject) {
        return jdbc.sql("select settled_at is null from notification_message where recipient_id = :r and kind = :k "
                        + "and args::text like :subject order by created_at, id")
                .param("r", reader.id()).param("k", kind).param("subject", "%" + subject.id() + "%")
                .query(Boolean.class).list().stream().map(open -> open ? "to do" : "settled").toList();
    }

    /** Sweeps at {@code at} and waits until the reader has a notice of this kind about each subject. */
    private void sweepAt(Instant at, User reader, String kind, SubjectRef... subjects) {
        clock.set(at);
        sweeper.sweep();
        // the application's own sweep may have claimed them first: its transaction commits them
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> List.of(subjects).stream()
                .noneMatch(s -> notices(reader, kind, s).isEmpty()));
    }

    @Test
    void G1_aReminderIsSettledWhenItsDeadlineIsMetOrCancelledAndTheOwnersOtherRemindersStillAsk() {
        SubjectRef met = opened();
        SubjectRef cancelled = opened();
        SubjectRef open = opened();
        sweepAt(start.plus(Duration.ofHours(3)), rep, REMINDER, met, cancelled, open);
        assertThat(notices(rep, REMINDER, met)).containsExactly("to do");

        deadlines.meet("L7", met, clock.instant());
        deadlines.cancel("L7", cancelled);
        assertThat(notices(rep, REMINDER, met)).as("met: the work is done").containsExactly("settled");
        assertThat(notices(rep, REMINDER, cancelled)).as("cancelled: no work left").containsExactly("settled");
        assertThat(notices(rep, REMINDER, open)).as("another deadline of the owner").containsExactly("to do");
    }

    @Test
    void G1_aReminderIsSettledWhenItsDeadlineGoesToSomeoneElseWhoIsRemindedAnewAndStaysWhenItsOwnerKeepsIt() {
        SubjectRef moved = opened();
        SubjectRef kept = opened();
        sweepAt(start.plus(Duration.ofHours(3)), rep, REMINDER, moved, kept);

        deadlines.transfer("L7", moved, rep2.id());
        deadlines.transfer("L7", kept, rep.id());
        assertThat(notices(rep, REMINDER, moved)).as("it is the new owner's work now").containsExactly("settled");
        assertThat(notices(rep, REMINDER, kept)).as("handed to its own owner: still theirs").containsExactly("to do");

        sweepAt(start.plus(Duration.ofMinutes(3 * 60 + 40)), rep2, REMINDER, moved);
        assertThat(notices(rep2, REMINDER, moved)).as("the next step reminds the new owner").containsExactly("to do");
        assertThat(notices(rep, REMINDER, moved)).containsExactly("settled");
    }

    @Test
    void G1_theBreachIsAFactThatStaysWhenTheLateWorkIsDoneWhileTheReminderBeforeItIsSettled() {
        SubjectRef late = opened();
        sweepAt(start.plus(Duration.ofHours(3)), rep, REMINDER, late);
        sweepAt(start.plus(Duration.ofHours(5)), rep, BREACHED, late);

        deadlines.meet("L7", late, clock.instant());
        assertThat(notices(rep, REMINDER, late)).containsExactly("settled");
        assertThat(notices(rep, BREACHED, late)).as("told, not asked").containsExactly("to do");
    }

    @Test
    void G1_aReminderOfADueTimeMovedBeforeAnyStepOfTheNewScheduleIsSettledAndOneWhoseStepPassedAgainIsSettledWhenMet() {
        SubjectRef later = opened();
        SubjectRef stillPassed = opened();
        sweepAt(start.plus(Duration.ofHours(3)), rep, REMINDER, later, stillPassed);

        // ten hours from the start: its steps at +5 h and +9 h are still ahead
        assertThat(deadlines.moveDue("L7", later, start.plus(Duration.ofHours(10)))).isTrue();
        assertThat(notices(rep, REMINDER, later)).as("it reminded of a due time that no longer holds")
                .containsExactly("settled");
        // five hours from the start: its step at +2 h 30 min has passed, and counts as the reminder sent
        assertThat(deadlines.moveDue("L7", stillPassed, start.plus(Duration.ofHours(5)))).isTrue();
        assertThat(notices(rep, REMINDER, stillPassed)).as("a step of the new schedule has passed")
                .containsExactly("to do");

        deadlines.meet("L7", later, clock.instant());
        deadlines.meet("L7", stillPassed, clock.instant());
        assertThat(notices(rep, REMINDER, later)).containsExactly("settled");
        assertThat(notices(rep, REMINDER, stillPassed)).as("met: the work is done").containsExactly("settled");
    }

    @Test
    void G1_aDeadlineMovedBeforeItsNextStepRemindsAnewAtItsNewStepAndThatReminderIsSettledWhenItIsCancelled() {
        SubjectRef moved = opened();
        sweepAt(start.plus(Duration.ofHours(3)), rep, REMINDER, moved);
        deadlines.moveDue("L7", moved, start.plus(Duration.ofHours(10)));

        clock.set(start.plus(Duration.ofHours(6)));
        sweeper.sweep();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> notices(rep, REMINDER, moved).size() == 2);
        assertThat(notices(rep, REMINDER, moved)).containsExactly("settled", "to do");

        deadlines.cancel("L7", moved);
        assertThat(notices(rep, REMINDER, moved)).containsExactly("settled", "settled");
    }
}
