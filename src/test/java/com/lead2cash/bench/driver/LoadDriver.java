package com.lead2cash.bench.driver;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;

/**
 * The load driver (压测驱动): a fixed number of client threads call one side of an operation as fast
 * as it answers — first a warm-up that is not recorded ({@link WarmUp}: fixed, or longer while the JIT still
 * compiles), then the measured window, which ends after its duration or its request bound, whichever comes first. Every call is timed into a per-client
 * HdrHistogram (microseconds); every wrong answer counts as an error.
 */
public final class LoadDriver {

    private static final long HIGHEST_MICROS = Duration.ofMinutes(10).toNanos() / 1000;
    private static final int ERROR_SAMPLES = 5;

    private final WarmUp warmup;
    private final Duration duration;
    private final CpuUse cpu;
    private final Runnable windowOpens;

    /** {@code cpu}: what to read the machine's CPU from around each measured window (and the JIT's in the warm-up). */
    public LoadDriver(WarmUp warmup, Duration duration, CpuUse cpu) {
        this(warmup, duration, cpu, () -> { });
    }

    /** As above; {@code windowOpens} runs when the warm-up is over, before any call is measured. */
    LoadDriver(WarmUp warmup, Duration duration, CpuUse cpu, Runnable windowOpens) {
        this.warmup = warmup;
        this.duration = duration;
        this.cpu = cpu;
        this.windowOpens = windowOpens;
    }

    private interface Call {
        String call(int client, long iteration) throws Exception;
    }

    public Measurement product(Operation op, long maxRequests) throws InterruptedException {
        return run(op.clients(), maxRequests, op.product()::call);
    }

    public Measurement raw(Operation op, long maxRequests, DataSource dataSource) throws InterruptedException {
        List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int i = 0; i < op.clients(); i++) {
                connections.add(dataSource.getConnection());
            }
            return run(op.clients(), maxRequests, (client, iteration) -> {
                op.raw().call(connections.get(client), client, iteration);
                return null;
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("no connection for the raw side of " + op.name(), e);
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (java.sql.SQLException ignored) {
                    // the pool takes it back broken; nothing to report
                }
            }
        }
    }

    private Measurement run(int clients, long maxRequests, Call call) throws InterruptedException {
        long start = System.nanoTime();
        // opened once the warm-up is over, which the JIT may lengthen: until then no client measures or ends
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicLong measureUntil = new AtomicLong(Long.MAX_VALUE);
        AtomicLong measured = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        List<Histogram> histograms = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        CountDownLatch cpuRead = new CountDownLatch(1);
        for (int c = 0; c < clients; c++) {
            Histogram h = new Histogram(HIGHEST_MICROS, 3);
            histograms.add(h);
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    long iteration = 0;
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= measureUntil.get()) {
                            break;
                        }
                        boolean measuring = t0 >= measureFrom.get();
                        if (measuring && measured.incrementAndGet() > maxRequests) {
                            break;
                        }
                        String error;
                        try {
                            error = call.call(client, iteration * clients + client);
                        } catch (Exception e) {
                            error = e.toString();
                        }
                        long t1 = System.nanoTime();
                        iteration++;
                        if (measuring) {
                            h.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (t1 - t0) / 1000)));
                            lastEnd.accumulateAndGet(t1, Math::max);
                        }
                        // an error of the warm-up counts too: a warm-up of failing calls is no warm-up
                        if (error != null) {
                            errors.incrementAndGet();
                            if (samples.size() < ERROR_SAMPLES) {
                                samples.add(error.length() > 300 ? error.substring(0, 300) : error);
                            }
                        }
                    }
                } finally {
                    done.countDown();
                    // a thread that has ended leaves /proc: the client lives until the window's CPU is read
                    awaitQuietly(cpuRead);
                }
            }, "bench-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        warmUp(start);
        windowOpens.run();
        // the CPU of the measured window only: read when it opens and at its end
        Map<String, Long> cpuBefore = cpu.now();
        long from = System.nanoTime();
        lastEnd.set(from);
        measureUntil.set(from + duration.toNanos());
        measureFrom.set(from);
        done.await();
        Map<String, Long> cpuAfter = cpu.now();
        cpuRead.countDown();
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        histograms.forEach(all::add);
        double seconds = Math.max(0, lastEnd.get() - from) / 1e9;
        return Measurement.of(all, errors.get(), seconds, samples,
                CpuUse.perRequest(cpuBefore, cpuAfter, all.getTotalCount()), (from - start) / 1e9);
    }

    /** Returns when the warm-up begun at {@code start} is over: its least, then steps while the JIT is busy. */
    private void warmUp(long start) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(Math.max(0, start + warmup.least().toNanos() - System.nanoTime()));
        long latest = System.nanoTime() + warmup.mostMore().toNanos();
        int cores = Runtime.getRuntime().availableProcessors();
        while (System.nanoTime() < latest) {
            Map<String, Long> before = cpu.now();
            long stepFrom = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(Math.min(WarmUp.STEP.toNanos(), latest - stepFrom));
            double jitMs = CpuUse.perRequest(before, cpu.now(), 1).getOrDefault("jit", 0.0);
            if (WarmUp.quiet(jitMs, (System.nanoTime() - stepFrom) / 1e6, cores)) {
                return;
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
