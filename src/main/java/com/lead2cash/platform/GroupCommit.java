package com.lead2cash.platform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Group commit (成组提交): short writes that arrive while another is running share one transaction —
 * one commit, one read of what every unit reads (policy, territories, loads), one prefetch — instead
 * of paying each of those alone. Nothing waits to form a group: a unit that finds a lane free runs at
 * once with whatever queued before it, so a lone request costs what it cost before, and groups form
 * only under load, as large as the load makes them (at most {@code maxGroup}).
 *
 * <p>The submitting thread blocks until its unit is committed, then gets its result or its exception,
 * as if it had run the unit itself. Each unit runs as its submitter: their signed-in user, locale and
 * request (the audit trail's address). When anything in a group fails, the group's transaction rolls
 * back and each of its units runs again in a transaction of its own, so one unit's refusal reaches
 * only its submitter and the others are committed as if alone. A unit's work must therefore be safe to
 * run twice when its first run rolled back (everything it wrote in the database is undone with it).
 *
 * <p>A unit submitted inside a transaction (an import's batch capturing its rows) is part of that
 * transaction: it runs there at once, without {@code prepare} — the caller's transaction fetches for its
 * own rows — and its failure is the caller's to handle.
 */
public final class GroupCommit<U, R> {

    private final class Entry {
        final U unit;
        final SecurityContext security = SecurityContextHolder.getContext();
        final LocaleContext locale = LocaleContextHolder.getLocaleContext();
        final RequestAttributes request = RequestContextHolder.getRequestAttributes();
        boolean taken;
        boolean done;
        R result;
        Throwable failure;

        Entry(U unit) {
            this.unit = unit;
        }

        /** Runs the work as this unit's submitter, then gives the running thread its own context back. */
        R run() {
            SecurityContext security = SecurityContextHolder.getContext();
            LocaleContext locale = LocaleContextHolder.getLocaleContext();
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            SecurityContextHolder.setContext(this.security);
            LocaleContextHolder.setLocaleContext(this.locale);
            RequestContextHolder.setRequestAttributes(this.request);
            try {
                return work.apply(unit);
            } finally {
                SecurityContextHolder.setContext(security);
                LocaleContextHolder.setLocaleContext(locale);
                RequestContextHolder.setRequestAttributes(request);
            }
        }
    }

    private final TransactionTemplate transactions;
    private final Consumer<List<U>> prepare;
    private final Function<U, R> work;
    private final int maxGroup;
    private final Deque<Entry> waiting = new ArrayDeque<>();
    private int freeLanes;
    private long groups;
    private long units;

    /**
     * @param prepare runs first in each group's transaction with all its units (fetching at once what
     *                they will each ask for); it must not depend on who submitted them
     * @param work    one unit's work, run in the group's transaction as the unit's submitter
     * @param lanes   how many groups may run at the same time
     */
    public GroupCommit(TransactionTemplate transactions, Consumer<List<U>> prepare, Function<U, R> work, int lanes,
                       int maxGroup) {
        if (lanes < 1 || maxGroup < 1) {
            throw new IllegalArgumentException("lanes and maxGroup must be at least 1");
        }
        this.transactions = transactions;
        this.prepare = prepare;
        this.work = work;
        this.freeLanes = lanes;
        this.maxGroup = maxGroup;
    }

    /** Runs the unit in a group's transaction and answers its result once committed, or throws its failure. */
    public R submit(U unit) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.apply(unit);
        }
        Entry entry = new Entry(unit);
        synchronized (this) {
            waiting.addLast(entry);
        }
        boolean interrupted = false;
        while (true) {
            List<Entry> group;
            synchronized (this) {
                while (!entry.done && (entry.taken || freeLanes == 0)) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // the unit may be running in another thread's group: its outcome still decides this
                        // request, so the wait goes on and the interrupt is kept for the caller
                        interrupted = true;
                    }
                }
                if (entry.done) {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return outcome(entry);
                }
                freeLanes--;
                group = take();
            }
            try {
                run(group);
            } finally {
                synchronized (this) {
                    freeLanes++;
                    notifyAll();
                }
            }
        }
    }

    /** How many groups have run and how many units they held. */
    public synchronized long[] counts() {
        return new long[] {groups, units};
    }

    /** Units submitted and not yet taken into a group. */
    public synchronized int queued() {
        return waiting.size();
    }

    private List<Entry> take() {
        List<Entry> group = new ArrayList<>();
        while (!waiting.isEmpty() && group.size() < maxGroup) {
            Entry next = waiting.pollFirst();
            next.taken = true;
            group.add(next);
        }
        groups++;
        units += group.size();
        return group;
    }

    private void run(List<Entry> group) {
        List<R> results;
        try {
            results = transactions.execute(status -> {
                prepare.accept(group.stream().map(e -> e.unit).toList());
                List<R> each = new ArrayList<>(group.size());
                for (Entry entry : group) {
                    each.add(entry.run());
                }
                return each;
            });
        } catch (Throwable failure) {
            if (group.size() == 1) {
                finish(group.get(0), null, failure);
                return;
            }
            // the group is undone: each unit again, alone, so that only the one that failed fails
            group.forEach(this::runAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            finish(group.get(i), results.get(i), null);
        }
    }

    private void runAlone(Entry entry) {
        try {
            finish(entry, transactions.execute(status -> {
                prepare.accept(List.of(entry.unit));
                return entry.run();
            }), null);
        } catch (Throwable failure) {
            finish(entry, null, failure);
        }
    }

    private void finish(Entry entry, R result, Throwable failure) {
        synchronized (this) {
            entry.result = result;
            entry.failure = failure;
            entry.done = true;
            notifyAll();
        }
    }

    private R outcome(Entry entry) {
        if (entry.failure instanceof RuntimeException e) {
            throw e;
        }
        if (entry.failure instanceof Error e) {
            throw e;
        }
        if (entry.failure != null) {
            throw new IllegalStateException(entry.failure);
        }
        return entry.result;
    }
}
