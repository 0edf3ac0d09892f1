package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Group commit: units that arrive while a lane is busy share a transaction, fail alone, run as their submitter. */
class GroupCommitTest {

    /** Numbers its transactions; what a unit wrote counts only when its transaction commits. */
    static final class CountingTransactions extends AbstractPlatformTransactionManager {
        final AtomicInteger begun = new AtomicInteger();
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger rolledBack = new AtomicInteger();
        final ThreadLocal<Integer> current = new ThreadLocal<>();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            current.set(begun.incrementAndGet());
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rolledBack.incrementAndGet();
        }
    }

    final CountingTransactions transactions = new CountingTransactions();
    /** Unit → the transactions its work was committed in. */
    final Map<String, List<Integer>> committedWrites = new ConcurrentHashMap<>();
    final Map<String, Integer> ranIn = new ConcurrentHashMap<>();
    final ExecutorService threads = Executors.newCachedThreadPool();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** A unit's work: notes its transaction, "writes" itself (kept only on commit), answers who ran it and how. */
    private String work(String unit) {
        if (unit.equals("blocker")) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Integer tx = transactions.current.get();
        ranIn.put(unit, tx);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committedWrites.computeIfAbsent(unit, u -> new ArrayList<>()).add(tx);
            }
        });
        if (unit.startsWith("refused")) {
            throw new IllegalArgumentException("refused: " + unit);
        }
        String user = SecurityContextHolder.getContext().getAuthentication() == null ? "nobody"
                : SecurityContextHolder.getContext().getAuthentication().getName();
        return unit + "/" + user + "/" + LocaleContextHolder.getLocale().toLanguageTag();
    }

    private GroupCommit<String, String> groups(int lanes, int maxGroup) {
        return new GroupCommit<>(new TransactionTemplate(transactions), units -> { }, this::work, lanes, maxGroup);
    }

    /** Submits as the given user and locale from a thread of its own. */
    private Future<String> submitAs(GroupCommit<String, String> groups, String unit, String user, Locale locale) {
        return threads.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, "x"));
            LocaleContextHolder.setLocale(locale);
            try {
                String result = groups.submit(unit);
                // the thread's own context is its own again, whichever thread ran the unit
                assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).isEqualTo(user);
                assertThat(LocaleContextHolder.getLocale()).isEqualTo(locale);
                return result;
            } finally {
                SecurityContextHolder.clearContext();
                LocaleContextHolder.resetLocaleContext();
            }
        });
    }

    /** Holds the only lane with a blocking unit, queues {@code units} in their order, then lets them go. */
    private List<Future<String>> queuedBehindABusyLane(GroupCommit<String, String> groups, List<String> units)
            throws Exception {
        Future<String> blocker = submitAs(groups, "blocker", "first", Locale.CHINA);
        await().atMost(Duration.ofSeconds(10)).until(() -> groups.counts()[0] == 1);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            futures.add(submitAs(groups, units.get(i), "user" + i, i % 2 == 0 ? Locale.CHINA : Locale.US));
            // one at a time, so that they queue in the order given
            int queued = i + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> groups.queued() == queued);
        }
        release.countDown();
        assertThat(blocker.get(10, TimeUnit.SECONDS)).isEqualTo("blocker/first/zh-CN");
        return futures;
    }

    @Test
    void unitsArrivingWhileTheLaneIsBusyShareOneTransactionAndEachGetsItsOwnResult() throws Exception {
        GroupCommit<String, String> groups = groups(1, 32);
        List<Future<String>> futures = queuedBehindABusyLane(groups, List.of("a", "b", "c", "d", "e"));
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get(10, TimeUnit.SECONDS))
                    .isEqualTo("abcde".charAt(i) + "/user" + i + "/" + (i % 2 == 0 ? "zh-CN" : "en-US"));
        }
        assertThat(transactions.begun.get()).isEqualTo(2);
        assertThat(transactions.committed.get()).isEqualTo(2);
        assertThat(List.of("a", "b", "c", "d", "e")).allSatisfy(unit -> {
            assertThat(ranIn.get(unit)).isEqualTo(2);
            assertThat(committedWrites.get(unit)).containsExactly(2);
        });
        assertThat(groups.counts()).containsExactly(2, 6);
    }

    @Test
    void aGroupIsNeverLargerThanItsMaximum() throws Exception {
        GroupCommit<String, String> groups = groups(1, 2);
        List<Future<String>> futures = queuedBehindABusyLane(groups, List.of("a", "b", "c", "d", "e"));
        for (Future<String> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        // the blocker, then a+b, c+d, e
        assertThat(groups.counts()).containsExactly(4, 6);
        assertThat(ranIn.get("a")).isEqualTo(ranIn.get("b"));
        assertThat(ranIn.get("c")).isEqualTo(ranIn.get("d")).isNotEqualTo(ranIn.get("a"));
    }

    @Test
    void aUnitThatFailsFailsAloneAndTheOthersAreCommittedExactlyOnce() throws Exception {
        GroupCommit<String, String> groups = groups(1, 32);
        List<Future<String>> futures = queuedBehindABusyLane(groups, List.of("a", "refused-b", "c"));
        assertThat(futures.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("a/user0/zh-CN");
        assertThat(futures.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("c/user2/zh-CN");
        assertThatThrownBy(() -> futures.get(1).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("refused: refused-b");
        // blocker; the group, rolled back; then a, refused-b (rolled back) and c alone
        assertThat(transactions.begun.get()).isEqualTo(5);
        assertThat(transactions.rolledBack.get()).isEqualTo(2);
        assertThat(committedWrites.get("a")).hasSize(1);
        assertThat(committedWrites.get("c")).hasSize(1);
        assertThat(committedWrites).doesNotContainKey("refused-b");
    }

    @Test
    void aLoneUnitRunsAtOnceInATransactionOfItsOwn() throws Exception {
        GroupCommit<String, String> groups = groups(2, 32);
        assertThat(submitAs(groups, "alone", "solo", Locale.US).get(10, TimeUnit.SECONDS)).isEqualTo("alone/solo/en-US");
        assertThat(transactions.begun.get()).isEqualTo(1);
        assertThat(committedWrites.get("alone")).containsExactly(1);
    }

    @Test
    void aUnitSubmittedInsideATransactionRunsInThatTransactionWithoutPreparingAndFailsThere() {
        List<List<String>> prepared = new ArrayList<>();
        GroupCommit<String, String> groups = new GroupCommit<>(new TransactionTemplate(transactions), prepared::add,
                this::work, 1, 32);
        TransactionTemplate outer = new TransactionTemplate(transactions);
        String inner = outer.execute(status -> groups.submit("inner"));
        assertThat(inner).isEqualTo("inner/nobody/" + LocaleContextHolder.getLocale().toLanguageTag());
        assertThat(transactions.begun.get()).isEqualTo(1);
        assertThat(ranIn.get("inner")).isEqualTo(1);
        assertThat(committedWrites.get("inner")).containsExactly(1);
        assertThat(prepared).isEmpty();
        assertThat(groups.counts()).containsExactly(0, 0);
        // a refusal is the caller's: thrown in its transaction, which it rolls back
        assertThatThrownBy(() -> outer.execute(status -> groups.submit("refused-inner")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("refused: refused-inner");
        assertThat(transactions.begun.get()).isEqualTo(2);
        assertThat(transactions.rolledBack.get()).isEqualTo(1);
        assertThat(committedWrites).doesNotContainKey("refused-inner");
    }

    @Test
    void aLoneUnitsFailureIsThrownAsItIs() {
        GroupCommit<String, String> groups = groups(1, 32);
        assertThatThrownBy(() -> groups.submit("refused-alone")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refused: refused-alone");
        assertThat(transactions.rolledBack.get()).isEqualTo(1);
    }

    @Test
    void lanesAndGroupsAreAtLeastOne() {
        assertThatThrownBy(() -> groups(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> groups(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubmitterInterruptedWhileItsUnitWaitsWaitsOnQuietlyGetsItsOutcomeAndKeepsTheInterrupt() throws Exception {
        GroupCommit<String, String> groups = groups(1, 32);
        Future<String> blocker = submitAs(groups, "blocker", "first", Locale.CHINA);
        await().atMost(Duration.ofSeconds(10)).until(() -> groups.counts()[0] == 1);
        AtomicReference<String> result = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            result.set(groups.submit("late"));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> groups.queued() == 1);
        waiter.interrupt();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long before = cpu.getThreadCpuTime(waiter.getId());
        // still waiting for the lane throughout, and not spinning on the interrupt while it waits
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(waiter::isAlive);
        assertThat(cpu.getThreadCpuTime(waiter.getId()) - before).isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        waiter.join(10_000);
        assertThat(result.get()).isEqualTo("late/nobody/" + Locale.getDefault().toLanguageTag());
        assertThat(interruptKept).isTrue();
        assertThat(committedWrites.get("late")).hasSize(1);
    }
}
