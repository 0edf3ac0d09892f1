package com.lead2cash.platform.internal.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded database's data directory safe to start on: one application at a time (a lock
 * file beside the directory, held while the application runs), and nothing left behind by an
 * application that was killed — a PostgreSQL still running on the directory is shut down, a stale
 * {@code postmaster.pid} removed — so the next start needs no hand.
 */
final class DataDirectoryGuard implements AutoCloseable {

    /** zonky's own lock inside the data directory; an older Lead2Cash holds only this one. */
    static final String POSTGRES_LOCK = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(DataDirectoryGuard.class);

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryGuard(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory for this process, or refuses when another application is using it. */
    static DataDirectoryGuard acquire(Path dataDir) throws IOException {
        Path lockFile = lockFileOf(dataDir);
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock == null || heldElsewhere(dataDir.resolve(POSTGRES_LOCK))) {
            if (lock != null) {
                lock.release();
            }
            channel.close();
            throw new DataDirectoryInUseException(dataDir, lockFile);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        return new DataDirectoryGuard(channel, lock);
    }

    static Path lockFileOf(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Deals with what a killed application left on the directory. Call only while holding the guard:
     * then no living application owns a PostgreSQL running there, so stopping it is safe.
     */
    void clearLeftovers(Path dataDir, Duration shutdownWait) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = firstLine(pidFile).flatMap(DataDirectoryGuard::parsePid);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.warn("Removing the stale {} (PostgreSQL pid {} no longer runs; the application and its database were "
                    + "killed). PostgreSQL replays its write-ahead log on start.", pidFile, pid.map(String::valueOf).orElse("?"));
            Files.deleteIfExists(pidFile);
            return;
        }
        String command = process.get().info().commandLine().orElse("");
        if (!runsOn(command, dataDir)) {
            log.warn("Removing the stale {}: its pid {} now belongs to another program ({}).", pidFile, pid.get(),
                    command.isEmpty() ? "unknown" : command);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("PostgreSQL (pid {}) is still running on {}, left by a Lead2Cash that ended without stopping it "
                + "(killed?). Shutting it down (fast shutdown) before starting afresh.", pid.get(), dataDir);
        stop(process.get(), shutdownWait);
        if (process.get().isAlive()) {
            throw new IllegalStateException("PostgreSQL pid " + pid.get() + " on " + dataDir + " could not be stopped");
        }
        log.info("The leftover PostgreSQL (pid {}) has stopped.", pid.get());
    }

    private static void stop(ProcessHandle postmaster, Duration wait) throws IOException {
        // SIGINT is PostgreSQL's "fast" shutdown: open transactions (of the dead application) roll back, then a checkpoint
        signal(postmaster.pid(), "INT");
        if (!awaitExit(postmaster, wait)) {
            log.warn("PostgreSQL (pid {}) did not stop within {}; killing it (it recovers from its write-ahead log)",
                    postmaster.pid(), wait);
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            awaitExit(postmaster, wait);
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("no kill command; falling back to SIGTERM", e);
        }
        // smart shutdown: it ends as soon as the dead application's connections are gone
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }

    /** The running server of the directory, as its {@code postmaster.pid} names it. */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        return firstLine(dataDir.resolve("postmaster.pid")).flatMap(DataDirectoryGuard::parsePid)
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    static boolean runsOn(String commandLine, Path dataDir) {
        if (!commandLine.contains("postgres")) {
            return false;
        }
        Path absolute = dataDir.toAbsolutePath().normalize();
        return commandLine.contains(absolute.toString()) || commandLine.contains(dataDir.toString());
    }

    private static Optional<String> firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** True when another process holds the lock on {@code file}. */
    private static boolean heldElsewhere(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = tryLock(other);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        channel.close();
    }
}
