package com.lead2cash.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadDriverTest {

    @Test
    void theWindowOpensAfterTheWarmUpAndCountsOnlyWhatFollows() throws Exception {
        AtomicLong calls = new AtomicLong();
        CountDownLatch windowOpen = new CountDownLatch(1);
        // each client's first call waits for the warm-up's end, so it started before the window opened however busy
        // the machine is; the window then ends on its request bound, not on a short time (a 100 ms window on a
        // loaded machine counted nothing)
        Operation op = new Operation("noop", Operation.Kind.LIST, 2, (client, iteration) -> {
            calls.incrementAndGet();
            if (iteration < 2) {
                windowOpen.await();
            }
            return null;
        }, (connection, client, iteration) -> { }, "a call that does nothing");

        Measurement m = new LoadDriver(WarmUp.fixed(Duration.ofMillis(200)), Duration.ofMinutes(1), CpuUse.of(null),
                windowOpen::countDown).product(op, 1_000);

        assertThat(m.warmupSeconds()).isGreaterThanOrEqualTo(0.2);
        assertThat(m.requests()).isEqualTo(1_000);
        assertThat(calls.get()).as("the warm-up's calls are not counted").isGreaterThan(m.requests());
        assertThat(m.errors()).isZero();
    }

    @Test
    void anErrorOfTheWarmUpIsCounted() throws Exception {
        // the first calls fail, as a raw capture did whose code an earlier run on the same database had written
        Operation op = new Operation("fails first", Operation.Kind.WRITE, 1,
                (client, iteration) -> iteration < 3 ? "duplicate key" : null,
                (connection, client, iteration) -> { }, "a call that fails three times, then succeeds");

        Measurement m = new LoadDriver(WarmUp.fixed(Duration.ofMillis(200)), Duration.ofMillis(100), CpuUse.of(null))
                .product(op, 1_000_000);

        assertThat(m.errors()).isEqualTo(3);
        assertThat(m.errorSamples()).containsExactly("duplicate key", "duplicate key", "duplicate key");
    }

    @Test
    void theRequestBoundEndsTheWindow() throws Exception {
        Operation op = new Operation("noop", Operation.Kind.LIST, 3, (client, iteration) -> null,
                (connection, client, iteration) -> { }, "a call that does nothing");

        Measurement m = new LoadDriver(WarmUp.fixed(Duration.ZERO), Duration.ofMinutes(10), CpuUse.of(null))
                .product(op, 500);

        assertThat(m.requests()).isEqualTo(500);
    }

    @Test
    void theCompilersAreQuietBelowAShareOfTheMachine() {
        // two cores for three seconds: 6 000 ms of CPU, of which 5 % is 300
        assertThat(WarmUp.quiet(300, 3_000, 2)).isTrue();
        assertThat(WarmUp.quiet(301, 3_000, 2)).isFalse();
        assertThat(WarmUp.quiet(0, 3_000, 2)).isTrue();
    }
}
