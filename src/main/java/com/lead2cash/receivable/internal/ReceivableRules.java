package com.lead2cash.receivable.internal;

import com.lead2cash.receivable.internal.domain.AgingBucket;
import com.lead2cash.sop.Param;
import com.lead2cash.sop.Rule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The receivables module's SOP rules (回款规则, P1–P2), bound from the current policy version by
 * {@code policy.current().bind(ReceivableRules.class)}; the defaults live in the SOP rule catalogue only.
 *
 * @param reminderWindow    P1 — how long before a due date the rep is reminded (calendar time)
 * @param bucket1Days       P2 — the first aging bucket runs from 1 to this many days overdue
 * @param bucket2Days       P2 — the second bucket up to this many days
 * @param bucket3Days       P2 — the third bucket up to this many days; beyond it the last bucket
 * @param managerFromBucket P2 — an overdue plan in this bucket (1–4) or later is escalated to the owner's manager
 * @param directorFromBucket P2 — in this bucket or later, to the sales director
 */
public record ReceivableRules(
        @Rule(ReceivableRules.REMINDER) @Param("window") Duration reminderWindow,
        @Rule(ReceivableRules.AGING) @Param("bucket1Days") int bucket1Days,
        @Rule(ReceivableRules.AGING) @Param("bucket2Days") int bucket2Days,
        @Rule(ReceivableRules.AGING) @Param("bucket3Days") int bucket3Days,
        @Rule(ReceivableRules.AGING) @Param("managerFromBucket") int managerFromBucket,
        @Rule(ReceivableRules.AGING) @Param("directorFromBucket") int directorFromBucket) {

    /** The rep is reminded the window before a due date, to remind the customer. */
    public static final String REMINDER = "P1";
    /** Finance confirms receipts; overdue plans are aged and escalated. */
    public static final String AGING = "P2";

    /** P1 — when the rep is reminded of a plan due on {@code dueDate}: the window before the day begins. */
    public Instant remindAt(LocalDate dueDate, ZoneId zone) {
        return dueDate.atStartOfDay(zone).toInstant().minus(reminderWindow);
    }

    /** P2 — the aging bucket of a plan so many days overdue; null when it is not overdue. */
    public AgingBucket bucket(long daysOverdue) {
        return AgingBucket.of(daysOverdue, bucket1Days, bucket2Days, bucket3Days);
    }

    /** P2 — how far up an overdue plan in this bucket is escalated: 1 the owner, 2 the manager, 3 the director. */
    public int escalationLevel(AgingBucket bucket) {
        if (bucket == null) {
            return 0;
        }
        int n = bucket.number();
        return n >= directorFromBucket ? 3 : n >= managerFromBucket ? 2 : 1;
    }
}
