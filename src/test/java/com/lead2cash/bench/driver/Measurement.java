package com.lead2cash.bench.driver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one side (the product over HTTP, or its SQL over plain JDBC) of one operation did in the
 * measured window: requests, errors (the warm-up's too), throughput and latency percentiles in milliseconds, the
 * machine's CPU per request by who spent it ({@link CpuUse}; empty when not measured) and the seconds of
 * warm-up before the window ({@link WarmUp}).
 */
public record Measurement(long requests, long errors, double seconds, double throughput, double p50, double p95,
                          double p99, double max, List<String> errorSamples, Map<String, Double> cpuMsPerRequest,
                          double warmupSeconds) {

    public static Measurement of(Histogram micros, long errors, double seconds, List<String> errorSamples,
                                 Map<String, Double> cpuMsPerRequest, double warmupSeconds) {
        long n = micros.getTotalCount();
        return new Measurement(n, errors, seconds, seconds == 0 ? 0 : n / seconds,
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(95)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()), List.copyOf(errorSamples),
                Collections.unmodifiableMap(new LinkedHashMap<>(cpuMsPerRequest)), warmupSeconds);
    }

    /** A few timed runs of something done once at a time (a sweep, an export); {@code error} null when all went right. */
    public static Measurement runs(List<Long> micros, String error) {
        Histogram h = new Histogram(Math.max(2, micros.stream().mapToLong(Long::longValue).max().orElse(1) * 2), 3);
        micros.forEach(m -> h.recordValue(Math.max(1, m)));
        double seconds = micros.stream().mapToLong(Long::longValue).sum() / 1e6;
        return of(h, error == null ? 0 : 1, seconds, error == null ? List.of() : List.of(error), Map.of(), 0);
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
