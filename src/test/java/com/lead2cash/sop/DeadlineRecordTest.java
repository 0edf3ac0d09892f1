package com.lead2cash.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How one deadline reads as on time or late, wherever a page or answer shows it. */
class DeadlineRecordTest {

    private static final Instant DUE = Instant.parse("2026-12-04T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");

    private static Deadlines.DeadlineRecord deadline(String state, Instant metAt, Instant breachedAt) {
        return new Deadlines.DeadlineRecord(UUID.randomUUID(), "D2", new SubjectRef("OrderShipment", "o:1"),
                UUID.randomUUID(), DUE.minusSeconds(86_400), DUE, state, metAt, breachedAt);
    }

    @Test
    void metSecondsAfterItsDueTimeIsLateEvenThoughTheSweepNeverMarkedItBreached() {
        Deadlines.DeadlineRecord d = deadline("MET", DUE.plusSeconds(13), null);
        assertThat(d.metOnTime()).isFalse();
        assertThat(d.metLate()).isTrue();
        assertThat(d.lateAt(NOW)).isTrue();
    }

    @Test
    void metAtItsDueTimeIsOnTimeAndNeverLate() {
        Deadlines.DeadlineRecord d = deadline("MET", DUE, null);
        assertThat(d.metOnTime()).isTrue();
        assertThat(d.metLate()).isFalse();
        assertThat(d.lateAt(NOW)).isFalse();
    }

    @Test
    void openIsLateOnlyPastItsDueTimeAndABreachStaysLateWhenCancelled() {
        assertThat(deadline("OPEN", null, null).lateAt(DUE)).isFalse();
        assertThat(deadline("OPEN", null, null).lateAt(DUE.plusSeconds(1))).isTrue();
        assertThat(deadline("CANCELLED", null, null).lateAt(NOW)).isFalse();
        assertThat(deadline("CANCELLED", null, DUE.plusSeconds(30)).lateAt(NOW)).isTrue();
        assertThat(deadline("MET", DUE.plusSeconds(60), DUE.plusSeconds(30)).metLate()).isTrue();
    }
}
