package com.lead2cash.customer.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import com.lead2cash.customer.CustomerOwnerChanged;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.CustomersMerged;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerAction;
import com.lead2cash.customer.internal.domain.CustomerRepository;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.sop.Deadlines;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two customers that are one company (客户合并), by a manager whose scope covers both: the
 * merged customer's contacts, activities, story and pool history move to the survivor, other modules
 * move theirs ({@link CustomerMergeParticipant}: opportunities…), the follow-up deadline continues on
 * the survivor from the latest follow-up of both, and the merged customer stays, closed, pointing to
 * the survivor. One transaction, audited with what moved. A merge is not undone by the product
 * (docs/decisions/0010-customers.md).
 * <p>
 * When the two belong to different people, the merged customer's owner loses it: unless the manager says otherwise,
 * the open business they hold goes to the survivor's owner as in a transfer (docs/decisions/0023), and both are told.
 */
@Service
public class CustomerMerge {

    /** What moved, by kind, for the answer and the audit trail. */
    public record Merged(Customer survivor, Map<String, Integer> moved) {
    }

    private final CustomerRepository customers;
    private final CustomerAccess access;
    private final CustomerPolicy policy;
    private final CadenceDeadlines cadence;
    private final CustomerHistory history;
    private final List<CustomerMergeParticipant> participants;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final OrgDirectory directory;
    private final Deadlines deadlines;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerMerge(CustomerRepository customers, CustomerAccess access, CustomerPolicy policy, CadenceDeadlines cadence,
                  CustomerHistory history, List<CustomerMergeParticipant> participants, AuditTrail audit,
                  Notifier notifier, OrgDirectory directory, Deadlines deadlines, JdbcClient jdbc, ApplicationEventPublisher events,
                  Clock clock) {
        this.customers = customers;
        this.access = access;
        this.policy = policy;
        this.cadence = cadence;
        this.history = history;
        this.participants = participants;
        this.audit = audit;
        this.notifier = notifier;
        this.directory = directory;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Merged merge(UUID survivorId, UUID mergedId, String reason, boolean openBusinessFollows) {
        if (mergedId == null) {
            throw new FieldValidationException("mergedId", "customer.merge.required");
        }
        if (mergedId.equals(survivorId)) {
            throw new FieldValidationException("mergedId", "customer.merge.self");
        }
        if (reason == null || reason.isBlank()) {
            throw new FieldValidationException("reason", "customer.merge.reason.required");
        }
        // both rows locked, always in the same order, so two merges of the same pair cannot deadlock
        boolean survivorFirst = survivorId.compareTo(mergedId) < 0;
        Customer first = access.visibleForUpdate(survivorFirst ? survivorId : mergedId);
        Customer second = access.visibleForUpdate(survivorFirst ? mergedId : survivorId);
        Customer survivor = survivorFirst ? first : second;
        Customer merged = survivorFirst ? second : first;
        survivor.requireAction(access.actor(survivor), CustomerAction.MERGE);
        merged.requireAction(access.actor(merged), CustomerAction.MERGE);

        Instant now = clock.instant();
        Map<String, Integer> moved = new LinkedHashMap<>();
        boolean survivorHasPrimary = jdbc.sql("select exists (select 1 from customer_contact where customer_id = :c and is_primary)")
                .param("c", survivor.id()).query(Boolean.class).single();
        moved.put("contacts", jdbc.sql("update customer_contact set customer_id = :s, is_primary = is_primary and not :hasPrimary,"
                        + " version = version + 1 where customer_id = :m")
                .param("s", survivor.id()).param("m", merged.id()).param("hasPrimary", survivorHasPrimary).update());
        moved.put("activities", jdbc.sql("update customer_activity set customer_id = :s, version = version + 1 where customer_id = :m")
                .param("s", survivor.id()).param("m", merged.id()).update());
        moved.put("history", jdbc.sql("update customer_event set customer_id = :s where customer_id = :m")
                .param("s", survivor.id()).param("m", merged.id()).update());
        jdbc.sql("update customer_pool_release set customer_id = :s where customer_id = :m")
                .param("s", survivor.id()).param("m", merged.id()).update();
        for (CustomerMergeParticipant p : participants) {
            moved.put(p.what(), p.moveToSurvivor(merged.id(), survivor.id()));
        }

        survivor.absorb(merged, now);
        if (survivor.ownerId() == null && merged.ownerId() != null) {
            survivor.transferTo(merged.ownerId(), now);
        }
        if (merged.status() != CustomerStatus.LOST && merged.status().ordinal() > survivor.status().ordinal()) {
            // the company is as far along as the further of the two records
            survivor.reached(merged.status(), now);
        }
        UUID mergedOwner = merged.ownerId();
        String mergedRule = merged.cadenceRule();
        Instant mergedDue = merged.followUpDueAt();
        merged.mergeInto(survivor.id(), now);
        Customer.ScheduleChange survivorChange = survivor.reschedule(policy.cadence(), now, false);
        merged = customers.save(merged);
        survivor = customers.save(survivor);
        cadence.apply(merged, new Customer.ScheduleChange(mergedRule, mergedDue, null, null, null));
        cadence.apply(survivor, survivorChange);
        // the merged customer's follow-ups now belong to the survivor: their owed minutes (C5) to its owner
        CustomerOwnership.minutesFollowOwner(jdbc, deadlines, survivor.id(), survivor.ownerId());

        history.record(survivor.id(), now, "customer.history.mergedFrom", merged.code(), merged.name(), reason.strip());
        history.record(merged.id(), now, "customer.history.mergedInto", survivor.code(), survivor.name(), reason.strip());
        // the merged owner's open business, now the survivor's, goes to the survivor's owner: the listeners of a
        // transfer move it in this transaction, each through its aggregate (a refusal undoes the whole merge)
        CustomerOwnerChanged handOver = new CustomerOwnerChanged(survivor.id(), mergedOwner, survivor.ownerId(),
                openBusinessFollows);
        if (handOver.handsOverOpenBusiness()) {
            history.record(survivor.id(), now, "customer.history.mergedBusinessFollowed", name(mergedOwner),
                    name(survivor.ownerId()));
            events.publishEvent(handOver);
        }
        audit.record("customer.merged", "Customer", survivor.id(), merged.code() + " → " + survivor.code() + " "
                + moved + "; " + reason.strip());
        events.publishEvent(new CustomersMerged(survivor.id(), merged.id()));
        tellOwners(survivor, merged, mergedOwner, handOver.handsOverOpenBusiness(), reason.strip());
        return new Merged(survivor, moved);
    }

    /** The owner of the merged customer loses it to another's: both are told (once each, not per record moved). */
    private void tellOwners(Customer survivor, Customer merged, UUID mergedOwner, boolean businessFollowed, String reason) {
        UUID survivorOwner = survivor.ownerId();
        if (mergedOwner == null || survivorOwner == null || mergedOwner.equals(survivorOwner)) {
            return;
        }
        notifier.send(Notification.of(survivorOwner, CustomerOwnership.NOTIFICATION_KIND,
                businessFollowed ? "customer.notify.mergedToYouWithBusiness" : "customer.notify.mergedToYou",
                "/customers/" + survivor.id(), merged.code(), merged.name(), survivor.code(), survivor.name(), reason));
        // no link: the survivor is another's customer
        notifier.send(Notification.of(mergedOwner, CustomerOwnership.NOTIFICATION_KIND,
                businessFollowed ? "customer.notify.mergedAwayWithBusiness" : "customer.notify.mergedAway", null,
                merged.code(), merged.name(), survivor.code(), survivor.name(), name(survivorOwner), reason));
    }

    private String name(UUID person) {
        return CustomerOwnership.nameOf(directory, person);
    }
}
