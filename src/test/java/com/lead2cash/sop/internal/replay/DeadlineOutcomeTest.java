package com.lead2cash.sop.internal.replay;

import static com.lead2cash.sop.internal.replay.DeadlineOutcome.MET_LATE;
import static com.lead2cash.sop.internal.replay.DeadlineOutcome.MET_ON_TIME;
import static com.lead2cash.sop.internal.replay.DeadlineOutcome.OPEN_NOT_DUE;
import static com.lead2cash.sop.internal.replay.DeadlineOutcome.OPEN_OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The replay's four outcomes of a deadline under a due time, as compliance counts them. */
class DeadlineOutcomeTest {

    static final Instant DUE = Instant.parse("2026-11-16T06:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void metByTheDueTimeIsInTimeAndAfterItIsLate() {
        assertThat(DeadlineOutcome.under(DUE, "MET", DUE.minusSeconds(60), NOW)).isEqualTo(MET_ON_TIME);
        assertThat(DeadlineOutcome.under(DUE, "MET", DUE, NOW)).isEqualTo(MET_ON_TIME);
        assertThat(DeadlineOutcome.under(DUE, "MET", DUE.plusSeconds(1), NOW)).isEqualTo(MET_LATE);
    }

    @Test
    void aRunningDeadlineIsNotYetDueBeforeItsDueTimeAndOverdueFromIt() {
        assertThat(DeadlineOutcome.under(NOW.plusSeconds(1), "OPEN", null, NOW)).isEqualTo(OPEN_NOT_DUE);
        assertThat(DeadlineOutcome.under(NOW, "OPEN", null, NOW)).isEqualTo(OPEN_OVERDUE);
        // a deadline the sweep breached is judged again under the proposed due time: a longer window may not be due yet
        assertThat(DeadlineOutcome.under(NOW.plusSeconds(3600), "BREACHED", null, NOW)).isEqualTo(OPEN_NOT_DUE);
        assertThat(DeadlineOutcome.under(DUE, "BREACHED", null, NOW)).isEqualTo(OPEN_OVERDUE);
    }

    @Test
    void aCancelledDeadlineHasNoOutcome() {
        assertThat(DeadlineOutcome.under(DUE, "CANCELLED", null, NOW)).isNull();
        assertThat(DeadlineOutcome.actual(DUE, "CANCELLED", null, DUE, NOW)).isNull();
    }

    @Test
    void whatHappenedKeepsTheBreachTheSweepRecorded() {
        assertThat(DeadlineOutcome.actual(DUE, "MET", DUE, DUE, NOW)).isEqualTo(MET_LATE);
        assertThat(DeadlineOutcome.actual(DUE, "BREACHED", null, DUE, NOW)).isEqualTo(OPEN_OVERDUE);
        assertThat(DeadlineOutcome.actual(DUE, "MET", DUE.minusSeconds(1), null, NOW)).isEqualTo(MET_ON_TIME);
        assertThat(DeadlineOutcome.actual(NOW.plusSeconds(1), "OPEN", null, null, NOW)).isEqualTo(OPEN_NOT_DUE);
    }

    @Test
    void onlyLateAndOverdueAreBreaches() {
        assertThat(MET_LATE.breached()).isTrue();
        assertThat(OPEN_OVERDUE.breached()).isTrue();
        assertThat(MET_ON_TIME.breached()).isFalse();
        assertThat(OPEN_NOT_DUE.breached()).isFalse();
    }
}
