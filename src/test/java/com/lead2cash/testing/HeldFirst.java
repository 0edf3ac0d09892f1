package com.lead2cash.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two requests sent at once (a double click, a client's retry), made to meet every time: the first does its work in
 * a transaction held open, the second starts and runs until it waits on a lock the first holds (a row, a key of a
 * unique index, an advisory lock), then the first commits. Without such a lock the second just finishes while the
 * first is still open, as it would in production.
 */
@Component
public class HeldFirst {

    private final PlatformTransactionManager transactions;
    private final JdbcClient jdbc;

    HeldFirst(PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** What each of the two answered. */
    public record Outcome<T>(T first, T second) {
    }

    public <T> Outcome<T> race(Supplier<T> first, Supplier<T> second) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<T> a = pool.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                try {
                    return first.get();
                } finally {
                    done.countDown();
                    awaitQuietly(commit);
                }
            }));
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the first request did not finish its work");
            }
            Future<T> b = pool.submit(second::get);
            Awaitility.await("the second request waits on a lock the first holds").atMost(Duration.ofSeconds(20))
                    .until(() -> b.isDone() || jdbc.sql("select count(*) from pg_stat_activity"
                            + " where wait_event_type = 'Lock' and datname = current_database()").query(Long.class).single() > 0);
            commit.countDown();
            return new Outcome<>(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
        } finally {
            commit.countDown();
            pool.shutdownNow();
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
