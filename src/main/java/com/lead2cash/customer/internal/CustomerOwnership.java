package com.lead2cash.customer.internal;

import com.lead2cash.customer.CustomerOwnerChanged;
import com.lead2cash.customer.OpenBusiness;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerAction;
import com.lead2cash.customer.internal.domain.CustomerActor;
import com.lead2cash.customer.internal.domain.CustomerRepository;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who owns a customer: ownership transfer by a manager with a reason (single and bulk, all or
 * nothing), and the public pool (公海, C7) — a customer returns to it when its follow-up lapsed or its
 * owner releases it, and a rep claims it from there within the holding limit and the re-claim
 * cooldown. Claims of one customer are serialised by a row lock: the first wins, the others get 409.
 * Open deadlines move with the customer.
 */
@Service
public class CustomerOwnership {

    /** Why a customer left its owner for the pool (customer_pool_release.reason): C7's sweep, or by hand. */
    public static final String LAPSED = "LAPSED";
    public static final String RELEASED = "RELEASED";
    /** The notices of a transfer, to the new owner and the previous one (one kind for the preferences). */
    static final NotificationKind NOTIFICATION_KIND = NotificationKind.CUSTOMER_TRANSFERRED;

    private final CustomerRepository customers;
    private final CustomerAccess access;
    private final CustomerService service;
    private final CustomerPolicy policy;
    private final CadenceDeadlines cadence;
    private final HoldingCheck holding;
    private final ClaimCheck claims;
    private final CustomerHistory history;
    private final Deadlines deadlines;
    private final OrgDirectory directory;
    private final OpenBusinessCheck openBusiness;
    private final Notifier notifier;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerOwnership(CustomerRepository customers, CustomerAccess access, CustomerService service,
                      CustomerPolicy policy, CadenceDeadlines cadence, HoldingCheck holding, ClaimCheck claims, CustomerHistory history,
                      Deadlines deadlines, OrgDirectory directory, OpenBusinessCheck openBusiness, Notifier notifier,
                      JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.access = access;
        this.service = service;
        this.policy = policy;
        this.cadence = cadence;
        this.holding = holding;
        this.claims = claims;
        this.history = history;
        this.deadlines = deadlines;
        this.directory = directory;
        this.openBusiness = openBusiness;
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A manager hands the customer to a person in their team, with a reason; open deadlines move along, and with
     * {@code openBusinessFollows} the previous owner's open business of the customer too (decision 0023).
     */
    @Transactional
    public Customer transfer(UUID id, UUID newOwner, String reason, Long version, boolean openBusinessFollows) {
        Transferred t = move(id, newOwner, reason, version, openBusinessFollows);
        Customer c = t.customer();
        notifier.send(Notification.of(newOwner, NOTIFICATION_KIND, "customer.notify.transferredToYou",
                "/customers/" + c.id(), c.code(), c.name(), t.reason()));
        if (t.previousOwnerId() != null) {
            // no link: the customer is out of the previous owner's sight now
            notifier.send(Notification.of(t.previousOwnerId(), NOTIFICATION_KIND, "customer.notify.transferredAway", null,
                    c.code(), c.name(), name(newOwner), t.reason()));
        }
        return c;
    }

    /** A customer moved, from whom, and why (stripped), for the notices. */
    private record Transferred(Customer customer, UUID previousOwnerId, String reason) {
    }

    private Transferred move(UUID id, UUID newOwner, String reason, Long version, boolean openBusinessFollows) {
        Customer c = access.visibleForUpdate(id);
        c.requireAction(access.actor(c), CustomerAction.TRANSFER);
        c.expectVersion(version);
        if (reason == null || reason.isBlank()) {
            throw new FieldValidationException("reason", "customer.transfer.reason.required");
        }
        if (reason.length() > 500) {
            throw new FieldValidationException("reason", "customer.field.tooLong", 500);
        }
        if (newOwner == null) {
            throw new FieldValidationException("ownerId", "customer.owner.required");
        }
        service.requireAssignable(newOwner, "ownerId");
        if (c.status().inDevelopment()) {
            holding.requireRoomFor(newOwner, 1);
        }
        Instant now = clock.instant();
        UUID previous = c.ownerId();
        c.transferTo(newOwner, now);
        if (previous == null) {
            // from the pool: the cadence starts with the new owner
            Customer.ScheduleChange change = c.reschedule(policy.cadence(), now, true);
            c = customers.save(c);
            cadence.apply(c, change);
        } else {
            c = customers.save(c);
            cadence.transfer(c);
            minutesFollowOwner(jdbc, deadlines, c.id(), newOwner);
        }
        CustomerOwnerChanged changed = new CustomerOwnerChanged(c.id(), previous, newOwner, openBusinessFollows);
        history.record(c.id(), now, changed.handsOverOpenBusiness() ? "customer.history.transferredWithBusiness"
                : "customer.history.transferred", name(previous), name(newOwner), reason.strip());
        events.publishEvent(changed);
        return new Transferred(c, previous, reason.strip());
    }

    /** Several customers to one owner with one reason: all or nothing. */
    @Transactional
    public int bulkTransfer(List<UUID> ids, UUID newOwner, String reason, boolean openBusinessFollows) {
        if (ids == null || ids.isEmpty()) {
            throw new FieldValidationException("customerIds", "customer.bulk.empty");
        }
        if (ids.size() > 500) {
            throw new FieldValidationException("customerIds", "customer.bulk.tooMany", 500);
        }
        int n = 0;
        Map<UUID, Integer> away = new LinkedHashMap<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            Transferred t = move(id, newOwner, reason, null, openBusinessFollows);
            if (t.previousOwnerId() != null) {
                away.merge(t.previousOwnerId(), 1, Integer::sum);
            }
            n++;
        }
        // one notice per person for the whole batch, not one per customer
        String why = reason.strip();
        notifier.send(Notification.of(newOwner, NOTIFICATION_KIND, "customer.notify.bulkToYou", "/customers", n, why));
        away.forEach((previous, count) -> notifier.send(Notification.of(previous, NOTIFICATION_KIND,
                "customer.notify.bulkAway", null, count, name(newOwner), why)));
        return n;
    }

    /** The owner (or a manager) gives the customer up to the public pool, with a reason. */
    @Transactional
    public Customer release(UUID id, String reason, Long version) {
        Customer c = access.visibleForUpdate(id);
        c.requireAction(access.actor(c), CustomerAction.RELEASE_TO_POOL);
        c.expectVersion(version);
        if (reason == null || reason.isBlank()) {
            throw new FieldValidationException("reason", "customer.release.reason.required");
        }
        if (reason.length() > 500) {
            throw new FieldValidationException("reason", "customer.field.tooLong", 500);
        }
        return toPool(c, openBusiness.of(c), RELEASED, "customer.history.released", reason.strip());
    }

    /**
     * C7 — the pool job returns a customer whose follow-up lapsed; the caller holds the row lock and
     * has checked the lapse time and that nothing is open with it ({@link OpenBusinessCheck#among}). No user
     * is signed in.
     */
    @Transactional
    public Customer lapse(Customer c) {
        return toPool(c, List.of(), LAPSED, "customer.history.lapsed", null);
    }

    private Customer toPool(Customer c, List<OpenBusiness.Fact> open, String reason, String historyKey, String note) {
        Instant now = clock.instant();
        UUID previous = c.returnToPool(now, open);
        Customer.ScheduleChange change = c.reschedule(policy.cadence(), now, false);
        c = customers.save(c);
        cadence.apply(c, change);
        minutesFollowOwner(jdbc, deadlines, c.id(), null);
        jdbc.sql("""
                insert into customer_pool_release (customer_id, previous_owner_id, released_at, reason)
                values (:c, :owner, :at, :reason)""")
                .param("c", c.id()).param("owner", previous).param("at", Timestamp.from(now)).param("reason", reason)
                .update();
        history.record(c.id(), now, historyKey, name(previous), note);
        events.publishEvent(new CustomerOwnerChanged(c.id(), previous, null));
        return c;
    }

    /**
     * A rep claims a customer from the public pool. The row lock decides between simultaneous claims
     * (one wins, the others get 409); a customer the rep holds already is refused as theirs (422); C7 refuses a rep at the holding limit and one re-claiming a
     * customer that left them less than the cooldown ago.
     */
    @Transactional
    public Customer claim(UUID id) {
        CurrentUser me = CurrentUser.require();
        CustomerActor actor = new CustomerActor(me.id(), me.roles(), false);
        if (!actor.isRep()) {
            throw new com.lead2cash.platform.ForbiddenException("customer.claim.repsOnly");
        }
        Customer c = customers.findByIdForUpdate(id).orElseThrow(() -> new RecordNotFoundException(CustomerAccess.SUBJECT, id));
        // nothing to take, and nobody else was first: asked before the loss is told
        c.requireNotHeldBy(me.id());
        if (c.ownerId() != null) {
            // someone was first: a customer that has been in the pool was shown to everyone, so the loss is
            // told (409); one that never was stays hidden outside the scope (404)
            if (access.isVisible(c.ownerId()) || wasInPool(c.id())) {
                throw new ConflictException("customer.claim.lost", c.code());
            }
            throw new RecordNotFoundException(CustomerAccess.SUBJECT, id);
        }
        access.requireVisible(c);
        c.requireAction(access.actor(c), CustomerAction.CLAIM);
        Instant now = clock.instant();
        claims.requireCooledDown(c.id(), me.id());
        holding.requireRoomToClaim(me.id());
        c.claim(me.id(), now);
        Customer.ScheduleChange change = c.reschedule(policy.cadence(), now, true);
        c = customers.save(c);
        cadence.apply(c, change);
        history.record(c.id(), now, "customer.history.claimed", me.displayName());
        events.publishEvent(new CustomerOwnerChanged(c.id(), null, me.id()));
        return c;
    }

    private boolean wasInPool(UUID customerId) {
        return jdbc.sql("select exists (select 1 from customer_pool_release where customer_id = :c)")
                .param("c", customerId).query(Boolean.class).single();
    }

    /**
     * C5 — minutes still owed on the customer's follow-ups are owed by whoever holds the customer: they move to its
     * new owner (a transfer, a merge), and are cancelled — not breached — when it goes to the pool, as nobody holds it
     * and their author can no longer open it. A rep who claims it later may still write them, owing nothing.
     */
    static void minutesFollowOwner(JdbcClient jdbc, Deadlines deadlines, UUID customerId, UUID newOwner) {
        jdbc.sql("""
                select id from customer_activity where customer_id = :c and minutes_due_at is not null
                and minutes_written_at is null""").param("c", customerId).query(UUID.class).list().forEach(activity -> {
                    SubjectRef subject = SubjectRef.of(ActivityRules.SUBJECT, activity);
                    if (newOwner == null) {
                        deadlines.cancel(ActivityRules.MINUTES, subject);
                    } else {
                        deadlines.transfer(ActivityRules.MINUTES, subject, newOwner);
                    }
                });
    }

    private String name(UUID person) {
        return nameOf(directory, person);
    }

    /** A person as the customer's story and notices name them (a transfer's, a merge's). */
    static String nameOf(OrgDirectory directory, UUID person) {
        return person == null ? null : directory.person(person).map(OrgDirectory.Person::displayName)
                .orElse(person.toString());
    }
}
