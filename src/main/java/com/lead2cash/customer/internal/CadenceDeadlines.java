package com.lead2cash.customer.internal;

import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Keeps the SOP's follow-up deadline (C2 or C3, subject "Customer") in step with the customer's
 * schedule: when the schedule changes, the running deadline is met (by a follow-up) or cancelled (a
 * new grade, mode or owner, the pool, signing) and the new one opens with its computed due time.
 */
@Component
public class CadenceDeadlines {

    private final Deadlines deadlines;

    CadenceDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** After a change of grade, mode, status or owner: the running deadline no longer applies as it was. */
    public void apply(Customer c, Customer.ScheduleChange change) {
        sync(c, change, null);
    }

    /**
     * A customer registered in this transaction starts its cadence: nothing can be running for it yet,
     * so the deadline waits with the transaction's deferred inserts (an import batch opens hundreds at once).
     */
    public void registered(Customer c, Customer.ScheduleChange change) {
        if (change.previousRule() != null) {
            throw new IllegalArgumentException("a new customer has no running follow-up deadline");
        }
        if (change.changed() && change.rule() != null) {
            deadlines.openUntilForNew(change.rule(), subject(c), c.ownerId(), change.startsAt(), change.due());
        }
    }

    /** After a follow-up at {@code occurredAt}: the running deadline is met then, and the next one opens. */
    public void followedUp(Customer c, Customer.ScheduleChange change, Instant occurredAt) {
        sync(c, change, occurredAt);
    }

    private void sync(Customer c, Customer.ScheduleChange change, Instant metAt) {
        if (!change.changed()) {
            return;
        }
        SubjectRef subject = subject(c);
        if (change.previousRule() != null) {
            if (metAt != null) {
                deadlines.meet(change.previousRule(), subject, metAt);
            } else {
                deadlines.cancel(change.previousRule(), subject);
            }
        }
        if (change.rule() != null) {
            deadlines.openUntil(change.rule(), subject, c.ownerId(), change.startsAt(), change.due());
        }
    }

    /** The running follow-up deadline moves to the customer's new owner. */
    public void transfer(Customer c) {
        if (c.cadenceRule() != null && c.ownerId() != null) {
            deadlines.transfer(c.cadenceRule(), subject(c), c.ownerId());
        }
    }

    static SubjectRef subject(Customer c) {
        return SubjectRef.of(CustomerAccess.SUBJECT, c.id());
    }
}
