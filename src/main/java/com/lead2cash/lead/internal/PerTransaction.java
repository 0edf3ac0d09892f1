package com.lead2cash.lead.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that lives as long as the current transaction (caches and buffers that make an import of
 * thousands of leads cost per lead what one capture costs). Outside a transaction each call gets a
 * fresh value and nothing is flushed.
 */
final class PerTransaction {

    private PerTransaction() {
    }

    static <T> T get(Object key, Supplier<T> create) {
        return get(key, create, null);
    }

    /** As {@link #get(Object, Supplier)}, handing the value to {@code beforeCommit} once, just before commit. */
    @SuppressWarnings("unchecked")
    static <T> T get(Object key, Supplier<T> create, Consumer<T> beforeCommit) {
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
