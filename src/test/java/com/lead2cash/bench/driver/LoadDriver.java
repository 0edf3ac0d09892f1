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
 * as it answers — first a warm-up that is not recorded, then the measured window, which ends after
 * its duration or its request bound, whichever comes first. Every call is timed into a per-client
 * HdrHistogram (microseconds); every wrong answer counts as an error.
 */
public final class LoadDriver {

    private static final long HIGHEST_MICROS = Duration.ofMinutes(10).toNanos() / 1000;
    private static final int ERROR_SAMPLES = 5;

    private final Duration warmup;
    private final Duration duration;
    private final CpuUse cpu;

    /** {@code cpu}: what to read the machine's CPU from around each measured window. */
    public LoadDriver(Duration warmup, Duration duration, CpuUse cpu) {
        this.warmup = warmup;
        this.duration = duration;
        this.cpu = cpu;
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
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        AtomicLong measured = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong(measureFrom);
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
                        if (t0 >= measureUntil) {
                            break;
                        }
                        boolean measuring = t0 >= measureFrom;
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
                            if (error != null) {
                                errors.incrementAndGet();
                                if (samples.size() < ERROR_SAMPLES) {
                                    samples.add(error.length() > 300 ? error.substring(0, 300) : error);
                                }
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
        // the CPU of the measured window only: read when it opens (unless every client is done before) and at its end
        done.await(Math.max(0, measureFrom - System.nanoTime()), TimeUnit.NANOSECONDS);
        Map<String, Long> cpuBefore = cpu.now();
        done.await();
        Map<String, Long> cpuAfter = cpu.now();
        cpuRead.countDown();
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        histograms.forEach(all::add);
        double seconds = Math.max(0, lastEnd.get() - measureFrom) / 1e9;
        return Measurement.of(all, errors.get(), seconds, samples,
                CpuUse.perRequest(cpuBefore, cpuAfter, all.getTotalCount()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
