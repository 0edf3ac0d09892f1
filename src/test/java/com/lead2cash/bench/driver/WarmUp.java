package com.lead2cash.bench.driver;

import java.time.Duration;

/**
 * How long one side of an operation runs unmeasured: at least {@code least}; then, while the JIT compilers spent
 * more than {@link #QUIET_SHARE} of the machine's CPU in the last {@link #STEP}, a step more, at most
 * {@code mostMore} in all. On two cores the compilers share them with the requests they compile for: a run's
 * first operations and a run of captures alone were measured with a fifth to a quarter of the CPU still
 * compiling (docs/performance.md), which a server up for a day no longer does.
 */
public record WarmUp(Duration least, Duration mostMore) {

    static final Duration STEP = Duration.ofSeconds(3);
    /** At most this share of the machine's CPU compiling: the reads measured late in a run spent 0–3 %. */
    static final double QUIET_SHARE = 0.05;

    /** A warm-up of {@code least}, whatever the compilers do. */
    public static WarmUp fixed(Duration least) {
        return new WarmUp(least, Duration.ZERO);
    }

    /** Whether {@code jitMs} of compiling in {@code stepMs} on {@code cores} leaves the measurement alone. */
    static boolean quiet(double jitMs, double stepMs, int cores) {
        return jitMs <= QUIET_SHARE * stepMs * cores;
    }
}
