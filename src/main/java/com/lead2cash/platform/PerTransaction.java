package com.lead2cash.platform;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that lives as long as the current transaction: caches and buffers that make an import of
 * thousands of leads cost per lead what one capture costs, and that let one business transaction read
 * what it needs once (the policy version, the calendar, the routing loads) however many steps ask for
 * it. Outside a transaction each call gets a fresh value and nothing is flushed.
 */
public final class PerTransaction {

    private PerTransaction() {
    }

    /** The transaction changed what the value was read from: the next {@link #get} reads it afresh. */
    public static void forget(Object key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
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

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            value = created;
        }
        return value;
    }
}
