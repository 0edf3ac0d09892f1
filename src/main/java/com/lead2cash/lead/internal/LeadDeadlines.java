package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.lead.internal.grading.ScreeningRule;
import com.lead2cash.lead.internal.routing.LeadRouting;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The lead's SOP clocks (时限), all in one place: screening (L1), the assignee notified (L6), the first
 * response (L7) and the wait in a manager queue (L9), each opened, met or cancelled here. Each
 * method is a business event of the lead; the SOP engine computes due times, reminds and escalates.
 * All join the caller's transaction, so a clock runs exactly when the change that started it committed.
 */
@Component
public class LeadDeadlines {

    /**
     * The notice that a lead waits in a manager queue, to its manager (every sales director for the general queue),
     * about the lead: settled when the lead leaves the queue ({@link #leftQueue}).
     */
    public static final NotificationKind QUEUE_NOTICE = NotificationKind.LEAD_QUEUED;

    /**
     * How many of a lead's newest deadlines are read to find its running L9 window: none starts while the lead waits in a
     * queue (screening is done before, the assignee's clocks after), so it is among the first few.
     */
    private static final int RUNNING_WINDOW_AMONG = 10;

    private final Deadlines deadlines;
    private final Notifier notifier;
    private final OrgDirectory directory;
    private final ScreeningRule screening;

    LeadDeadlines(Deadlines deadlines, Notifier notifier, OrgDirectory directory, ScreeningRule screening) {
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.directory = directory;
        this.screening = screening;
    }

    /**
     * Captured without complete data, or reopened before it was screened: whoever screens it
     * ({@link ScreeningRule#screener}) has the screening window.
     */
    public void awaitsScreening(Lead lead, Instant at) {
        screening.screener(lead.capturedBy())
                .ifPresent(screener -> deadlines.open(LeadRules.SCREENING, subject(lead), screener, at));
    }

    /** Captured with complete data: screened the moment it arrived, on time by definition. */
    public void screenedOnCapture(Lead lead, Instant at) {
        screening.screener(lead.capturedBy())
                .ifPresent(screener -> deadlines.recordMet(LeadRules.SCREENING, subject(lead), screener, at));
    }

    public void screened(Lead lead, Instant at) {
        deadlines.meet(LeadRules.SCREENING, subject(lead), at);
    }

    /**
     * The lead has a new owner (routing, a manager, a claim, the weekly batch). L6: the owner is told in
     * the same transaction, so the notice is met the moment its clock starts. L7: the first response
     * starts for the new owner (a previous owner's is cancelled). L9: a wait in a manager queue ends.
     */
    public void assigned(Lead lead, boolean reassignment, String noticeKey, Instant at) {
        UUID owner = lead.ownerId();
        if (reassignment) {
            deadlines.cancel(LeadRules.FIRST_RESPONSE, subject(lead));
        }
        notifier.send(Notification.of(owner, NotificationKind.LEAD_ASSIGNED,
                noticeKey, "/leads/" + lead.id(), lead.code(),
                lead.companyName(), lead.grade()));
        deadlines.recordMet(LeadRules.NOTIFY_ASSIGNEE, subject(lead), owner, at);
        deadlines.open(LeadRules.FIRST_RESPONSE, subject(lead), owner, at);
        leftQueue(lead, at);
    }

    /**
     * L4 — the lead left its owner to be routed again, raised to A beyond their seniority (docs/decisions/0115): the
     * first response is not theirs to give any more.
     */
    public void leftOwner(Lead lead) {
        deadlines.cancel(LeadRules.FIRST_RESPONSE, subject(lead));
    }

    /** A contest was decided for another rep than the provisional winner: the first response is now theirs. */
    void contestDecided(Lead lead, boolean ownerChanged, Instant at) {
        if (ownerChanged) {
            deadlines.cancel(LeadRules.FIRST_RESPONSE, subject(lead));
            deadlines.open(LeadRules.FIRST_RESPONSE, subject(lead), lead.ownerId(), at);
        }
    }

    /**
     * L9 — the lead waits in a manager queue: nobody matched, so the queue's manager — the sales
     * director for the general queue — has the window to assign it. No lead waits without a clock.
     */
    public void queued(Lead lead, UUID queueManager, Instant at) {
        Optional.ofNullable(queueManager).or(this::generalQueueOwner)
                .ifPresent(owner -> deadlines.open(LeadRules.MANAGER_QUEUE, subject(lead), owner, at));
    }

    /**
     * L9 — the lead waits in another queue now (its queue's manager gave it up, docs/decisions/0093): the running window
     * is the new queue's manager's — the first sales director for the general queue, as at {@link #queued} —, its due
     * time kept.
     */
    public void requeued(Lead lead, UUID queueManager) {
        Optional.ofNullable(queueManager).or(this::generalQueueOwner)
                .ifPresent(owner -> deadlines.transfer(LeadRules.MANAGER_QUEUE, subject(lead), owner));
    }

    /**
     * L9 — who owns the window of a lead in the general queue: its first active manager
     * ({@link LeadRouting#GENERAL_QUEUE_ROLE}, the sales directors, by username); nobody when none is active.
     */
    private Optional<UUID> generalQueueOwner() {
        return LeadRouting.generalQueueManagers(directory).stream().findFirst();
    }

    /**
     * L9, docs/decisions/0099 (as 0074 for a pool's deadline) — the running windows of these leads of the general queue
     * belong to one of its managers: a window whose owner is none — a sales director deactivated or made something
     * else since, a territory's manager whose queue it left (0093) while no director was active — goes to the general
     * queue's owner as at {@link #queued}, its due time kept; with no active sales director it stays where it is until
     * someone is given the role. A window an active director owns stays theirs. A lead that came to the queue while no
     * director was active has no window: it opens now, for the queue's owner (no lead waits without a clock).
     */
    public void generalQueueWindowsToItsManagers(Collection<UUID> leadIds, Instant now) {
        List<UUID> managers = LeadRouting.generalQueueManagers(directory);
        if (managers.isEmpty() || leadIds.isEmpty()) {
            return;
        }
        UUID owner = managers.get(0);
        for (UUID leadId : leadIds) {
            SubjectRef subject = SubjectRef.of(Lead.SUBJECT, leadId);
            // newest first: the running window is the lead's latest of the rule (a lead waits in one queue at a time)
            Optional<Deadlines.DeadlineRecord> running = deadlines.of(subject, now, RUNNING_WINDOW_AMONG).stream()
                    .filter(d -> LeadRules.MANAGER_QUEUE.equals(d.ruleId()))
                    .filter(d -> "OPEN".equals(d.state()) || "BREACHED".equals(d.state()))
                    .findFirst();
            if (running.isEmpty()) {
                // it came to the queue while no director was active: its window starts when one takes it up
                deadlines.open(LeadRules.MANAGER_QUEUE, subject, owner, now);
            } else if (!managers.contains(running.get().ownerId())) {
                deadlines.transfer(LeadRules.MANAGER_QUEUE, subject, owner);
            }
        }
    }

    /** The first contact attempt with an intent level: the first response is done. */
    void firstResponse(Lead lead, Instant at) {
        deadlines.meet(LeadRules.FIRST_RESPONSE, subject(lead), at);
    }

    void converted(Lead lead) {
        deadlines.cancel(LeadRules.FIRST_RESPONSE, subject(lead));
    }

    /** A disqualified lead needs no screening, no response and no assignment any more. */
    void disqualified(Lead lead) {
        deadlines.cancel(LeadRules.SCREENING, subject(lead));
        deadlines.cancel(LeadRules.FIRST_RESPONSE, subject(lead));
        leftQueue(lead, null);
    }

    /**
     * L9 — the lead is out of the manager queue, however it left: given to an owner (assigned, claimed — met at
     * {@code at}) or disqualified (null: cancelled). Its queue's manager has nothing left to do about it, so the
     * notice that it waits is settled. (A lead is converted only once owned: it left the queue by then.)
     */
    private void leftQueue(Lead lead, Instant at) {
        if (at != null) {
            deadlines.meet(LeadRules.MANAGER_QUEUE, subject(lead), at);
        } else {
            deadlines.cancel(LeadRules.MANAGER_QUEUE, subject(lead));
        }
        if (lead.version() != null) {
            // a lead being captured (not stored yet) waited in no queue; its rows are not written before it is
            notifier.settle(QUEUE_NOTICE, lead.id());
        }
    }

    static SubjectRef subject(Lead lead) {
        return SubjectRef.of(Lead.SUBJECT, lead.id());
    }
}
