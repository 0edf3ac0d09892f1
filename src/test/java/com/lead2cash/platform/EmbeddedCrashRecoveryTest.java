package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default set-up survives a crash: the application runs as a child JVM on its embedded database,
 * is killed hard while it writes, and starts again on the same data directory without a hand. Every
 * write it acknowledged is still there; a second application on the same directory is refused. Restart times are
 * printed (docs/operations.md quotes them).
 */
class EmbeddedCrashRecoveryTest {

    private static final String ADMIN_PASSWORD = "Admin-Pass-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            try {
                if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        postmaster().ifPresent(pg -> {
            pg.destroy();
            pg.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    @Test
    void acknowledgedWritesSurviveKillingTheApplicationAndItsDatabaseTheNextStartNeedsNoHandAndASecondOneIsRefused() throws Exception {
        App first = start("first");
        Duration firstStart = first.awaitUp();
        Set<String> acknowledged = new java.util.HashSet<>(first.writeWhileKilled(() -> first.process.destroyForcibly()));
        first.process.waitFor();

        // the JVM is gone, its PostgreSQL is not: the next start must find and deal with it
        assertThat(postmaster()).as("PostgreSQL outlives the killed JVM").isPresent();
        App second = start("after-jvm-kill");
        Duration afterJvmKill = second.awaitUp();
        assertThat(second.log()).contains("is still running on", "Shutting it down");
        assertThat(second.orgUnitNames()).containsAll(acknowledged);

        acknowledged.addAll(second.writeWhileKilled(() -> {
            ProcessHandle pg = postmaster().orElseThrow();
            second.process.destroyForcibly();
            pg.descendants().forEach(ProcessHandle::destroyForcibly);
            pg.destroyForcibly();
        }));
        second.process.waitFor();
        await().atMost(Duration.ofSeconds(30)).until(() -> postmaster().isEmpty());

        App third = start("after-jvm-and-database-kill");
        Duration afterBothKilled = third.awaitUp();
        assertThat(third.log()).contains("stale");
        assertThat(third.orgUnitNames()).containsAll(acknowledged);

        // a second application on the same data directory refuses to start, and the one running keeps working
        // (here rather than in a test of its own: each first start runs initdb and every migration)
        App intruder = start("intruder");
        assertThat(intruder.process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(intruder.process.exitValue()).isNotZero();
        assertThat(intruder.log()).contains("is in use by another running Lead2Cash", "l2c.embedded.data-dir");
        assertThat(third.status("/actuator/health")).isEqualTo(200);
        assertThat(third.orgUnitNames()).containsAll(acknowledged);

        System.out.printf("[crash recovery] %d acknowledged writes kept; first start (with initdb): %d ms, start after "
                        + "kill -9 of the JVM: %d ms, after kill -9 of the JVM and PostgreSQL: %d ms%n", acknowledged.size(),
                firstStart.toMillis(), afterJvmKill.toMillis(), afterBothKilled.toMillis());
    }

    private Path dataDir() {
        return home.resolve("postgres");
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            Path pid = dataDir().resolve("postmaster.pid");
            if (!Files.exists(pid)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private App start(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String classpath = Stream.of(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
        Path log = home.resolve(name + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=UTC",
                "-cp", classpath, "com.lead2cash.Lead2CashApplication",
                "--server.port=" + port, "--l2c.embedded.data-dir=" + dataDir(), "--l2c.demo=false",
                "--L2C_ADMIN_PASSWORD=" + ADMIN_PASSWORD, "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        return new App(process, port, log, System.nanoTime());
    }

    private final class App {

        final Process process;
        final int port;
        final Path log;
        final long startedAt;
        private String token;

        App(Process process, int port, Path log, long startedAt) {
            this.process = process;
            this.port = port;
            this.log = log;
            this.startedAt = startedAt;
        }

        /** Waits until the application answers; returns how long it took from the process start. */
        Duration awaitUp() {
            try {
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
                        .failFast("the application exited", () -> !process.isAlive())
                        .until(() -> status("/actuator/health") == 200);
            } catch (RuntimeException e) {
                throw new AssertionError(e.getMessage() + "; its log ends:\n" + tail(), e);
            }
            return Duration.ofNanos(System.nanoTime() - startedAt);
        }

        /**
         * Writers create org units until {@code kill} runs, once some writes are acknowledged; returns the names
         * of the units the application acknowledged (201).
         */
        List<String> writeWhileKilled(Runnable kill) throws InterruptedException {
            String root = api("GET", "/api/v1/org-units?size=1", null).get("items").get(0).get("id").asString();
            Queue<String> acked = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger counter = new AtomicInteger();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                Thread writer = new Thread(() -> {
                    while (running.get()) {
                        String name = "crash-" + port + "-" + counter.incrementAndGet();
                        try {
                            HttpResponse<String> answer = send("POST", "/api/v1/org-units",
                                    "{\"parentId\":\"" + root + "\",\"name\":\"" + name + "\"}");
                            if (answer.statusCode() == 201) {
                                acked.add(name);
                            }
                        } catch (IOException e) {
                            return;
                        }
                    }
                });
                writer.start();
                writers.add(writer);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> acked.size() >= 25);
            kill.run();
            running.set(false);
            for (Thread writer : writers) {
                writer.join(Duration.ofSeconds(30).toMillis());
            }
            return List.copyOf(acked);
        }

        Set<String> orgUnitNames() {
            Set<String> names = new java.util.HashSet<>();
            String cursor = null;
            do {
                JsonNode page = api("GET", "/api/v1/org-units?size=200" + (cursor == null ? "" : "&cursor=" + cursor), null);
                page.get("items").forEach(u -> names.add(u.get("name").asString()));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            } while (cursor != null);
            return names;
        }

        int status(String path) {
            try {
                return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        private JsonNode api(String method, String path, String body) {
            try {
                HttpResponse<String> answer = send(method, path, body);
                assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 299);
                return JSON.readTree(answer.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private HttpResponse<String> send(String method, String path, String body) throws IOException {
            try {
                if (token == null) {
                    HttpResponse<String> issued = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    token = JSON.readTree(issued.body()).get("token").asString();
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        String log() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
