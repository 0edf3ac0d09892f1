package com.lead2cash.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of notification the application sends: the stable name a person mutes on the preferences page and a
 * robot's prefix matches. A kind is named {@code group.what}; its group (the part before the first dot) is the heading
 * it is listed under. Its label and short description are the bundle keys {@link #labelKey()} and
 * {@link #descriptionKey()}, in both languages. Senders name their kind here, so a kind without a label cannot be
 * sent unnoticed (NotificationKindLabelsTest).
 */
public enum NotificationKind {

    DEADLINE_REMINDER("deadline.reminder"),
    DEADLINE_BREACHED("deadline.breached"),
    LEAD_ASSIGNED("lead.assigned"),
    LEAD_QUEUED("lead.queued"),
    LEAD_CONTEST("lead.contest"),
    LEAD_CONTEST_MOVED("lead.contest.moved"),
    LEAD_ARBITRATED("lead.arbitrated"),
    LEAD_DAILY_SUMMARY("lead.dailySummary"),
    OPPORTUNITY_ASSIGNED("opportunity.assigned"),
    OPPORTUNITY_EVALUATION_REQUESTED("opportunity.evaluationRequested"),
    OPPORTUNITY_MANAGER_SCORE_AWAITED("opportunity.managerScoreAwaited"),
    OPPORTUNITY_EVALUATED("opportunity.evaluated"),
    CUSTOMER_TRANSFERRED("customer.transferred"),
    QUOTE_REVIEW_REQUESTED("quote.reviewRequested"),
    APPROVAL_TASK_ASSIGNED("approval.task.assigned"),
    APPROVAL_SENT_BACK("approval.sentBack"),
    APPROVAL_COMPLETED("approval.completed"),
    APPROVAL_DELEGATION_ENDED("approval.delegationEnded"),
    CONFIRMATION_ANSWERED("confirmation.answered"),
    CONTRACT_APPROVED("contract.approved"),
    ORDER_CONTRACT_TERMINATED("order.contractTerminated"),
    INVOICE_CANCELLED("invoice.cancelled"),
    RECEIVABLE_REMINDER("receivable.reminder"),
    RECEIVABLE_OVERDUE("receivable.overdue"),
    RECEIVABLE_DUE_DATE_MOVED("receivable.dueDateMoved"),
    RECEIVABLE_CONTRACT_TERMINATED("receivable.contractTerminated"),
    AFTERSALES_COMPLAINT_RECEIVED("aftersales.complaint.received"),
    AFTERSALES_COMPLAINT_LEVEL_ONE("aftersales.complaint.levelOne"),
    AFTERSALES_COMPLAINT_LEVEL_ONE_DOWNGRADED("aftersales.complaint.levelOneDowngraded"),
    AFTERSALES_HANDOVER_OPENED("aftersales.handover.opened"),
    AFTERSALES_HANDOVER_SUBMITTED("aftersales.handover.submitted"),
    AFTERSALES_HANDOVER_ACCEPTED("aftersales.handover.accepted"),
    AFTERSALES_HANDOVER_RETURNED("aftersales.handover.returned"),
    AFTERSALES_HANDOVER_CONTRACT_TERMINATED("aftersales.handover.contractTerminated"),
    /** A group robot stopped delivering: its administrators are told once, until it delivers again (0097). */
    ROBOT_FAILING("robot.failing"),
    /**
     * A person was deactivated while still owning open leads, customers or opportunities: their manager is told, to hand
     * them over — nothing is reassigned (0095).
     */
    PEOPLE_DEPARTED_HOLDING("people.departedHolding");

    private final String key;

    NotificationKind(String key) {
        this.key = key;
    }

    /** The stable name stored with each notification and in people's muted kinds, e.g. "receivable.overdue". */
    public String key() {
        return key;
    }

    /** The heading it is listed under: the part of its name before the first dot ("receivable"). */
    public String group() {
        return key.substring(0, key.indexOf('.'));
    }

    /** Bundle key of its label: {@code notification.kind.<key>}. */
    public String labelKey() {
        return "notification.kind." + key;
    }

    /** Bundle key of its one-line description: {@code notification.kind.<key>.description}. */
    public String descriptionKey() {
        return labelKey() + ".description";
    }

    /** Bundle key of its group's heading: {@code notification.group.<group>}. */
    public String groupKey() {
        return "notification.group." + group();
    }

    /**
     * Whether a group robot's kind prefix names kinds the application sends: a kind ("deadline.breached"), or the
     * leading parts of one, with or without the closing dot ("lead", "lead.", "aftersales.complaint"). A prefix that
     * matches no kind ("nonsense.kind") would make the robot silent, so it is refused.
     */
    public static boolean isKnownPrefix(String prefix) {
        String p = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return !p.isEmpty() && Arrays.stream(values()).anyMatch(k -> k.key.equals(p) || k.key.startsWith(p + "."));
    }

    /** The groups a robot may list, in name order, as a refusal names them ("aftersales, approval, …"). */
    public static String groupsListed() {
        return Arrays.stream(values()).map(NotificationKind::group).distinct().sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Every kind, in name order, as a refusal names them. */
    public static String kindsListed() {
        return Arrays.stream(values()).map(NotificationKind::key).sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The kind of this stored name, if it is one the application sends. */
    public static Optional<NotificationKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
