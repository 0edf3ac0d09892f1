package com.lead2cash.platform;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit trail (审计日志). Changes to aggregates are recorded automatically, field by field; this
 * interface is for events that are not a row change (logins, exports, a decision taken).
 */
public interface AuditTrail {

    /** Between a detail's message key and each of its arguments: a key has no line break, an argument gets none. */
    String DETAIL_ARGUMENT_SEPARATOR = "\n";

    void record(String action, String entityType, Object entityId, String detail);

    /**
     * An entry for one field of a record that is no aggregate changed from {@code oldValue} to {@code newValue} (a
     * parameter of the SOP policy), with why ({@code detail}, as written: a reason given), by the user on this thread;
     * the audit screen shows it as it shows an aggregate's field changed.
     */
    void recordChange(String action, String entityType, Object entityId, String field, String oldValue, String newValue,
                      String detail);

    /**
     * An entry whose detail is a message with arguments ({@code receivable.audit.agingExported}, 12), which the audit
     * screen says in the reader's language; it is stored as the key and one line per argument.
     */
    default void record(String action, String entityType, Object entityId, String detailKey, Object... detailArgs) {
        record(action, entityType, entityId, Stream.concat(Stream.of(detailKey),
                        Arrays.stream(detailArgs).map(a -> String.valueOf(a).replaceAll("\\R", " ")))
                .collect(Collectors.joining(DETAIL_ARGUMENT_SEPARATOR)));
    }
}
