package com.lead2cash.bench.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report of one run at one size, as JSON (for tools and the plot) and as a Markdown table (for
 * people), each operation judged against its target: zero errors; lists and searches p95 ≤ 50 ms,
 * pages ≤ 100 ms, reports ≤ 200 ms, product / raw ≤ 3 for reads; captures ≥ 700 per second at
 * p99 ≤ 100 ms.
 */
public final class Report {

    /** One measured operation. */
    public record Line(String name, String kind, String description, int clients, Measurement product,
                       Measurement raw, Double ratioP95, Map<String, Object> facts, List<String> missed) {
    }

    /** One run. */
    public record Run(String size, String started, String finished, Map<String, Object> machine,
                      Map<String, Object> dataset, Map<String, Object> settings, List<String> sampleCheck,
                      List<Line> operations) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Report() {
    }

    public static Line line(Operation op, Measurement product, Measurement raw) {
        return judge(op.name(), op.kind(), op.description(), op.clients(), product, raw, Map.of());
    }

    public static Line line(JobOperations.JobResult job) {
        return judge(job.name(), Operation.Kind.JOB, job.description(), 1, job.product(), job.raw(), job.facts());
    }

    private static Line judge(String name, Operation.Kind kind, String description, int clients, Measurement product,
                              Measurement raw, Map<String, Object> facts) {
        List<String> missed = new ArrayList<>();
        Double ratio = raw == null || raw.p95() == 0 ? null : Math.round(product.p95() / raw.p95() * 10) / 10.0;
        if (product.errors() > 0 || (raw != null && raw.errors() > 0)) {
            missed.add("errors");
        }
        switch (kind) {
            case LIST, SEARCH -> latency(missed, product, 50);
            case PAGE -> latency(missed, product, 100);
            case REPORT -> latency(missed, product, 200);
            case WRITE -> {
                if (product.throughput() < 700) {
                    missed.add("throughput < 700/s");
                }
                if (product.p99() > 100) {
                    missed.add("p99 > 100 ms");
                }
            }
            case JOB -> { }
        }
        if (kind != Operation.Kind.WRITE && kind != Operation.Kind.JOB && ratio != null && ratio > 3) {
            missed.add("product/raw > 3");
        }
        return new Line(name, kind.name(), description, clients, product, raw, ratio, facts, missed);
    }

    private static void latency(List<String> missed, Measurement m, double p95) {
        if (m.p95() > p95) {
            missed.add("p95 > " + (int) p95 + " ms");
        }
    }

    public static void write(Run run, Path dir) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("report.json").toFile(), run);
        Files.writeString(dir.resolve("report.md"), markdown(run), StandardCharsets.UTF_8);
    }

    public static Run read(Path file) {
        return JSON.readValue(file.toFile(), Run.class);
    }

    static String markdown(Run run) {
        StringBuilder md = new StringBuilder();
        md.append("# Lead2Cash benchmark, size ").append(run.size()).append("\n\n");
        md.append("Run ").append(run.started()).append(" – ").append(run.finished()).append(". Machine: ")
                .append(run.machine()).append(".\n\nData: ").append(run.dataset()).append(".\n\nSettings: ")
                .append(run.settings()).append(".\n\n");
        md.append("Sample check (generated rows against rows the product made through its API): ")
                .append(run.sampleCheck().isEmpty() ? "passed" : "FAILED " + run.sampleCheck()).append(".\n\n");
        md.append("Times in ms. *raw* is the same work in SQL over plain JDBC by the same driver with the same "
                + "concurrency; *×* is product p95 / raw p95.\n\n");
        md.append("| operation | clients | requests | req/s | p50 | p95 | p99 | max | errors | raw req/s | raw p50 "
                + "| raw p95 | × | target |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Line l : run.operations()) {
            Measurement p = l.product();
            Measurement r = l.raw();
            md.append("| ").append(l.name()).append(" | ").append(l.clients()).append(" | ").append(p.requests())
                    .append(" | ").append(num(p.throughput())).append(" | ").append(num(p.p50())).append(" | ")
                    .append(num(p.p95())).append(" | ").append(num(p.p99())).append(" | ").append(num(p.max()))
                    .append(" | ").append(p.errors()).append(" | ").append(r == null ? "" : num(r.throughput()))
                    .append(" | ").append(r == null ? "" : num(r.p50())).append(" | ")
                    .append(r == null ? "" : num(r.p95())).append(" | ")
                    .append(l.ratioP95() == null ? "" : num(l.ratioP95())).append(" | ")
                    .append(l.missed().isEmpty() ? "met" : "**" + String.join(", ", l.missed()) + "**").append(" |\n");
        }
        md.append("\n");
        for (Line l : run.operations()) {
            md.append("- `").append(l.name()).append("`: ").append(l.description());
            if (!l.facts().isEmpty()) {
                md.append(" — ").append(l.facts());
            }
            if (!l.product().errorSamples().isEmpty()) {
                md.append(" — errors: ").append(l.product().errorSamples());
            }
            md.append("\n");
        }
        cpu(md, run.operations());
        return md.toString();
    }

    /** The machine's CPU per request of each measured window, by who spent it ({@link CpuUse}). */
    private static void cpu(StringBuilder md, List<Line> lines) {
        if (lines.stream().allMatch(l -> cpuOf(l.product()).isEmpty())) {
            return;
        }
        md.append("\nCPU per request in ms (both cores; *product*: the product's request threads, *database*: "
                + "PostgreSQL's processes, *driver*: the load driver's clients, *jit*: the JIT compilers, *gc*: garbage "
                + "collection, *other*: the JVM's other threads). Their total bounds the requests a second this machine "
                + "can serve: 2 000 ms / total. *warm-up*: seconds the side ran unmeasured before, longer than the run's "
                + "warm-up while the JIT compilers still took more than " + Math.round(WarmUp.QUIET_SHARE * 100)
                + " % of the CPU.\n\n| operation | side | warm-up (s) |");
        CpuUse.GROUPS.forEach(g -> md.append(' ').append(g).append(" |"));
        md.append(" total |\n| --- | --- | ---: |");
        CpuUse.GROUPS.forEach(g -> md.append(" ---: |"));
        md.append(" ---: |\n");
        for (Line l : lines) {
            cpuRow(md, l.name(), "product", l.product());
            if (l.raw() != null) {
                cpuRow(md, l.name(), "raw", l.raw());
            }
        }
    }

    private static Map<String, Double> cpuOf(Measurement m) {
        return m.cpuMsPerRequest() == null ? Map.of() : m.cpuMsPerRequest();
    }

    private static void cpuRow(StringBuilder md, String name, String side, Measurement m) {
        Map<String, Double> ms = cpuOf(m);
        if (ms.isEmpty()) {
            return;
        }
        md.append("| ").append(name).append(" | ").append(side).append(" | ").append(num(m.warmupSeconds())).append(" |");
        CpuUse.GROUPS.forEach(g -> md.append(' ').append(num(ms.getOrDefault(g, 0.0))).append(" |"));
        md.append(' ').append(num(ms.getOrDefault("total", 0.0))).append(" |\n");
    }

    private static String num(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }

    /** Settings as the report shows them. */
    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return m;
    }
}
