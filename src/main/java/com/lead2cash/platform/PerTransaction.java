package com.lead2cash.platform;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that lives as long as the current transaction (caches and buffers that make an import of
 * thousands of leads cost per lead what one capture costs: one policy and calendar read, routing
 * loads kept in memory, inserts sent as batches). Outside a transaction each call gets a fresh value
 * and nothing is flushed.
 */
public final class PerTransaction {

    private PerTransaction() {
    }

    public static <T> T get(Object key, Supplier<T> create) {
        return get(key, create, null);
    }

    /** As {@link #get(Object, Supplier)}, handing the value to {@code beforeCommit} once, just before commit. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> create, Consumer<T> beforeCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return create.get();
        }
        T value = (T) TransactionSynchronizationManager.getResource(key);
        if (value == null) {
            T created = create.get();
            TransactionSynchronizationManager.bindResource(key, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (beforeCommit != null) {
                        beforeCommit.accept(created);
                    }
                }

                // a transaction suspended for an inner one (REQUIRES_NEW) keeps its values to itself
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(key, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            value = created;
        }
        return value;
    }

    /** Marks the current transaction for {@code key} (a switch such as "defer new rows") until it ends. */
    public static void mark(Object key) {
        get(key, () -> Boolean.TRUE);
    }

    /** Whether the current transaction holds a value (or a {@link #mark}) for {@code key}. */
    public static boolean isMarked(Object key) {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(key) != null;
    }

    /** Drops the value for {@code key} from the current transaction (it changed under it); the next get makes a new one. */
    public static void forget(Object key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }
}
