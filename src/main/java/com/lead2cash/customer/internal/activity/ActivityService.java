package com.lead2cash.customer.internal.activity;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.CustomerStatusChanged;
import com.lead2cash.customer.internal.ActivityRules;
import com.lead2cash.customer.internal.CadenceDeadlines;
import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.customer.internal.CustomerHistory;
import com.lead2cash.customer.internal.CustomerPolicy;
import com.lead2cash.customer.internal.domain.Activity;
import com.lead2cash.customer.internal.domain.ActivityDraft;
import com.lead2cash.customer.internal.domain.ActivityRepository;
import com.lead2cash.customer.internal.domain.ActivityType;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerAction;
import com.lead2cash.customer.internal.domain.CustomerRepository;
import com.lead2cash.customer.internal.domain.CustomerRules;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Versions;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up activities (跟进记录): logged by whoever may change the customer, each one counted by C4
 * (a deadline opened when it happened and met when it was logged — late ones count as breaches), a
 * demo or negotiation owing minutes by C5, and the customer's cadence (C2/C3) met and started anew.
 */
@Service
public class ActivityService {

    private final ActivityRepository activities;
    private final CustomerRepository customers;
    private final CustomerAccess access;
    private final CustomerPolicy policy;
    private final CadenceDeadlines cadence;
    private final CustomerHistory history;
    private final Deadlines deadlines;
    private final BusinessCalendar calendar;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivityService(ActivityRepository activities, CustomerRepository customers, CustomerAccess access,
                    CustomerPolicy policy, CadenceDeadlines cadence, CustomerHistory history, Deadlines deadlines,
                    BusinessCalendar calendar, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.activities = activities;
        this.customers = customers;
        this.access = access;
        this.policy = policy;
        this.cadence = cadence;
        this.history = history;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Logs a follow-up with a customer the current user may change. */
    @Transactional
    public Activity log(UUID customerId, ActivityDraft raw) {
        CurrentUser me = CurrentUser.require();
        Customer c = access.visibleForUpdate(customerId);
        c.requireAction(access.actor(c), CustomerAction.LOG_ACTIVITY);
        Instant now = clock.instant();
        ActivityDraft d = raw.validated(now);
        requireContactsOf(c.id(), d);
        CustomerRules rules = policy.rules();
        Instant logDue = calendar.due(d.occurredAt(), rules.activityLogWindow());
        Instant minutesDue = d.type().needsMinutes() ? calendar.due(d.occurredAt(), rules.minutesWindow()) : null;
        Activity a = activities.save(Activity.log(c.id(), d, me.id(), now, logDue, minutesDue));
        SubjectRef subject = SubjectRef.of(ActivityRules.SUBJECT, a.id());
        // C4: the clock ran from when it happened until now; met late counts as a breach
        deadlines.open(ActivityRules.LOGGED, subject, me.id(), d.occurredAt());
        deadlines.meet(ActivityRules.LOGGED, subject, now);
        if (d.type().needsMinutes()) {
            deadlines.open(ActivityRules.MINUTES, subject, me.id(), d.occurredAt());
            if (!a.minutesOwed()) {
                deadlines.meet(ActivityRules.MINUTES, subject, now);
            }
        }
        CustomerStatus before = c.status();
        Customer.ScheduleChange change = c.recordFollowUp(d.occurredAt(), d.nextFollowUpAt(), policy.cadence(), now);
        c = customers.save(c);
        cadence.followedUp(c, change, d.occurredAt());
        if (before != c.status()) {
            history.record(c.id(), now, "customer.history.status", "#customer.status." + before,
                    "#customer.status." + c.status(), null);
            events.publishEvent(new CustomerStatusChanged(c.id(), before, c.status()));
        }
        return a;
    }

    /**
     * Contacts made before the customer existed (a converted lead's contact attempts), on its timeline as
     * follow-ups with {@code contactId} (may be null), the latest its last activity; their summaries kept as key,
     * arguments and words, said in each reader's language ({@link ActivitySummaries}). Neither C4 nor the cadence
     * counts them again: the lead's own rules did.
     */
    @Transactional
    public void carryEarlierContacts(UUID customerId, UUID contactId, List<CustomerDirectory.EarlierContact> earlier) {
        if (earlier.isEmpty()) {
            return;
        }
        Customer c = access.visibleForUpdate(customerId);
        Instant now = clock.instant();
        List<UUID> with = contactId == null ? List.of() : List.of(contactId);
        for (CustomerDirectory.EarlierContact e : earlier) {
            activities.save(Activity.carried(c.id(), ActivityType.of(e.kind()), e.occurredAt(), e.loggedAt(),
                    e.loggedBy(), with, e.summary(), e.summaryKey(),
                    e.summaryKey() == null ? null : CustomerHistory.joined(e.summaryArgs().toArray()), now));
            c.recordEarlierContact(e.occurredAt(), now);
        }
        customers.save(c);
    }

    /** C5 — the detailed minutes of a demo or negotiation; the first writing meets the deadline. */
    @Transactional
    public Activity writeMinutes(UUID activityId, String minutes, Long version) {
        Activity a = visible(activityId);
        Customer c = access.visible(a.customerId());
        c.requireAction(access.actor(c), CustomerAction.LOG_ACTIVITY);
        CurrentUser me = CurrentUser.require();
        a.requireMinutesWriter(me.id(), me.isManager(), c.ownerId());
        a.expectVersion(version);
        Instant now = clock.instant();
        boolean wasOwed = a.writeMinutes(minutes, now);
        a = activities.save(a);
        if (wasOwed) {
            deadlines.meet(ActivityRules.MINUTES, SubjectRef.of(ActivityRules.SUBJECT, a.id()), now);
        }
        return a;
    }

    /** Corrects what was written about a follow-up (not when or what kind: C4 counted them). */
    @Transactional
    public Activity correct(UUID activityId, UnaryOperator<Activity.Written> edit, Long version) {
        Activity a = changeable(activityId);
        Long stored = a.version();
        a.expectVersion(version);
        // edit answers what was written as stored, corrected (docs/decisions/0030)
        Activity.Written w = edit.apply(a.written());
        if (!a.correct(w.summary(), w.needsChanges(), w.objections(), w.objectionHandling(), w.nextStep(), clock.instant())) {
            Versions.requireCurrent(stored, version); // not saved: the version stays
            return a;
        }
        return activities.save(a);
    }

    /** An activity of a customer the current user may see. */
    public Activity visible(UUID activityId) {
        Activity a = activities.findById(activityId).orElseThrow(() -> new RecordNotFoundException("Activity", activityId));
        access.visibleParentOf("Activity", activityId, a.customerId());
        return a;
    }

    /** Who logged it, or a manager above the customer's owner, may change it. */
    private Activity changeable(UUID activityId) {
        Activity a = visible(activityId);
        Customer c = access.visible(a.customerId());
        c.requireAction(access.actor(c), CustomerAction.LOG_ACTIVITY);
        CurrentUser me = CurrentUser.require();
        a.requireLoggedBy(me.id(), me.isManager());
        return a;
    }

    private void requireContactsOf(UUID customerId, ActivityDraft d) {
        if (d.contactIds().isEmpty()) {
            return;
        }
        long known = jdbc.sql("select count(*) from customer_contact where customer_id = :c and id in (:ids)")
                .param("c", customerId).param("ids", d.contactIds()).query(Long.class).single();
        if (known != d.contactIds().size()) {
            throw new FieldValidationException("contactIds", "activity.contacts.unknown");
        }
    }
}
