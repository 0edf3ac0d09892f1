package com.lead2cash.testing;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.awaitility.Awaitility;

/**
 * The live heap: what is left after a full collection, as the collector itself reports it at the end
 * of that collection. Reading {@code MemoryMXBean.getHeapMemoryUsage()} after {@code System.gc()}
 * instead races with every thread still allocating (an upload decompresses tens of megabytes of
 * garbage in the milliseconds a busy machine takes to schedule the reader), so it measured the
 * neighbours' garbage as live.
 */
public final class LiveHeap implements AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final AtomicLong explicitCollections = new AtomicLong();
    private final AtomicLong last = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final NotificationListener listener = this::collected;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private ScheduledExecutorService sampler;

    public LiveHeap() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Collects the whole heap now and answers the bytes still in use at the end of that collection. */
    public long collect() {
        long seen = explicitCollections.get();
        ManagementFactory.getMemoryMXBean().gc();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> explicitCollections.get() > seen);
        return last.get();
    }

    /**
     * From now on collects a second after the previous collection ended, so {@link #peak()} follows the
     * live heap while work runs. Not at a fixed rate: a full collection of a large heap on a busy machine
     * takes a second or more, and at a fixed rate they ran back to back and stopped the JVM for whole
     * seconds (a test's own request then timed out connecting).
     */
    public LiveHeap sampleEverySecond() {
        sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> ManagementFactory.getMemoryMXBean().gc(), 200, 1000, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The highest live heap of the full collections seen so far. */
    public long peak() {
        return peak.get();
    }

    /** How many explicit full collections have been reported so far. */
    public long collections() {
        return explicitCollections.get();
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        // only the collections asked for are full ones; a young collection leaves the old generation's garbage
        if (!"System.gc()".equals(info.getGcCause())) {
            return;
        }
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey())).map(java.util.Map.Entry::getValue)
                .mapToLong(MemoryUsage::getUsed).sum();
        last.set(used);
        peak.accumulateAndGet(used, Math::max);
        explicitCollections.incrementAndGet();
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException alreadyGone) {
                // nothing to remove
            }
        }
    }
}
