package com.lead2cash.customer.internal;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DeferredInserts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The customer's story as people read it — created, status and owner changes with their reasons,
 * grading, the public pool, merges — as bundle keys with arguments, beside the field-level audit trail.
 */
@Component
public class CustomerHistory {

    /** Separates the arguments of an entry (a control character no argument contains). */
    static final String SEPARATOR = "\u001f";

    public record Entry(long id, UUID customerId, Instant occurredAt, UUID actorId, String messageKey, List<String> args) {
    }

    private final DeferredInserts inserts;

    CustomerHistory(DeferredInserts inserts) {
        this.inserts = inserts;
    }

    /**
     * Records an entry in the current transaction, by the current user (none for the system). Entries
     * are written with the transaction's other deferred inserts just before it commits — after the
     * customer row they refer to, and in one batch for an import.
     */
    public void record(UUID customerId, Instant at, String messageKey, Object... args) {
        inserts.add("insert into customer_event (customer_id, occurred_at, actor_id, message_key, args) values (?, ?, ?, ?, ?)",
                customerId, Timestamp.from(at), CurrentUser.get().map(CurrentUser::id).orElse(null), messageKey,
                joined(args));
    }

    /** An entry's arguments as stored: one text, none of them null (the benchmark's generator writes them so too). */
    public static String joined(Object... args) {
        return Arrays.stream(args).map(a -> a == null ? "" : String.valueOf(a).replace(SEPARATOR, " "))
                .collect(Collectors.joining(SEPARATOR));
    }

    /** The arguments of a stored entry: what {@link #joined} made of them. */
    public static List<String> args(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR, -1));
    }
}
