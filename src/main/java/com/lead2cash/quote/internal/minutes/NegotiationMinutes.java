package com.lead2cash.quote.internal.minutes;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.Label;
import java.math.BigDecimal;
import com.lead2cash.opportunity.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 谈判纪要 (Q3) — one version of the minutes of a negotiation on an opportunity: the agreed price, payment
 * milestones, delivery standard, liability, open issues and the attendees of both sides. It is confirmed
 * in writing by a contact of the customer; a new version supersedes the previous one, which stays as it
 * was. The contract is drafted from the latest confirmed version.
 */
@Table("quote_minutes")
public class NegotiationMinutes {

    @Id
    private UUID id;
    private UUID opportunityId;
    private UUID customerId;
    private int revision;
    private MinutesStatus status;
    private LocalDate heldOn;
    private BigDecimal agreedPrice;
    private String currency;
    private String deliveryStandard;
    private String liability;
    private String openIssues;
    private String ourAttendees;
    private String customerAttendees;
    @MappedCollection(idColumn = "minutes", keyColumn = "minutes_key")
    private List<PaymentMilestone> milestones = new ArrayList<>();
    private UUID authorId;
    private UUID confirmationId;
    private Instant sentAt;
    private Instant answeredAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    NegotiationMinutes() {
    }

    /**
     * Writes a version: the first of the opportunity, or the next one superseding {@code previous} (which the actor
     * must be offered to revise).
     */
    public static NegotiationMinutes write(UUID opportunityId, UUID customerId, NegotiationMinutes previous,
                                           MinutesContent content, UUID authorId, MinutesActor actor, Instant now) {
        if (previous == null) {
            requireWritable(actor);
        } else {
            previous.requireAction(actor, MinutesAction.REVISE);
        }
        NegotiationMinutes m = new NegotiationMinutes();
        m.id = Ids.newId();
        m.opportunityId = opportunityId;
        m.customerId = customerId;
        m.revision = previous == null ? 1 : previous.revision + 1;
        m.status = MinutesStatus.DRAFT;
        m.currency = "CNY";
        m.heldOn = content.heldOn();
        m.agreedPrice = content.agreedPrice();
        m.milestones = new ArrayList<>(content.milestones());
        m.deliveryStandard = content.deliveryStandard();
        m.liability = content.liability();
        m.openIssues = join(content.openIssues());
        m.ourAttendees = join(content.ourAttendees());
        m.customerAttendees = join(content.customerAttendees());
        m.authorId = authorId;
        m.createdAt = now;
        m.updatedAt = now;
        if (previous != null) {
            previous.status = MinutesStatus.SUPERSEDED;
            previous.updatedAt = now;
        }
        return m;
    }

    /** Sent to the customer's contact for written confirmation; a superseded or confirmed version is not sent. */
    public void sent(MinutesActor actor, Instant now) {
        requireAction(actor, MinutesAction.SEND);
        status = MinutesStatus.SENT;
        sentAt = now;
        updatedAt = now;
    }

    public void confirmationSent(UUID confirmation) {
        confirmationId = confirmation;
    }

    /** Whether these minutes are still out for the contact's answer (0040): sent, and the opportunity open. */
    public boolean awaitsAnswer(Stage opportunityStage) {
        return status == MinutesStatus.SENT && opportunityStage.isOpen();
    }

    /**
     * Q3 — the contact's answer to the version out. Answers whether it changed anything: an answer for a version no
     * longer out, or for minutes of a won or lost opportunity (its links were withdrawn, 0040), changes nothing.
     */
    public boolean answered(boolean confirmed, Stage opportunityStage, Instant at) {
        if (!awaitsAnswer(opportunityStage)) {
            return false;
        }
        status = confirmed ? MinutesStatus.CONFIRMED : MinutesStatus.CHANGES_REQUESTED;
        answeredAt = at;
        updatedAt = at;
        return true;
    }

    public boolean isCurrent() {
        return status != MinutesStatus.SUPERSEDED;
    }

    /** Q3 — whether the actor may write minutes on the opportunity now (the first version, or the next one). */
    public static boolean mayWrite(MinutesActor actor) {
        return actor.works() && actor.negotiating();
    }

    /** Refuses writing minutes: 403 to whoever does not work the opportunity, 422 outside negotiation. */
    public static void requireWritable(MinutesActor actor) {
        if (!actor.works()) {
            throw new ForbiddenException("error.forbidden");
        }
        if (!actor.negotiating()) {
            throw new DomainException("minutes.opportunity.notNegotiating",
                    Label.of("opportunity.stage", actor.stage()));
        }
    }

    /** What the actor may do with this version now. */
    public Set<MinutesAction> availableActions(MinutesActor actor) {
        Set<MinutesAction> actions = EnumSet.noneOf(MinutesAction.class);
        if (!actor.works()) {
            return actions;
        }
        // a sent version may be sent again (to another contact, or after the link expired)
        boolean sendable = status == MinutesStatus.DRAFT || status == MinutesStatus.SENT
                || status == MinutesStatus.CHANGES_REQUESTED;
        if (sendable && actor.opportunityOpen()) {
            actions.add(MinutesAction.SEND);
        }
        if (isCurrent() && mayWrite(actor)) {
            actions.add(MinutesAction.REVISE);
        }
        return actions;
    }

    /** Refuses what the actor may not do: 403 when they do not work the opportunity, 422 when a state forbids it. */
    public void requireAction(MinutesActor actor, MinutesAction action) {
        if (availableActions(actor).contains(action)) {
            return;
        }
        if (!actor.works()) {
            throw new ForbiddenException("error.forbidden");
        }
        switch (action) {
            case SEND -> {
                if (!actor.opportunityOpen()) {
                    throw new DomainException("minutes.opportunityClosed");
                }
                throw new DomainException("minutes.send.notNow",
                        Label.of("minutes.status", status));
            }
            case REVISE -> {
                requireWritable(actor);
                throw new DomainException("minutes.revise.superseded");
            }
        }
    }

    private static String join(List<String> items) {
        return items.isEmpty() ? null : String.join("\n", items);
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split("\n"));
    }

    public UUID id() { return id; }
    public UUID opportunityId() { return opportunityId; }
    public UUID customerId() { return customerId; }
    public int revision() { return revision; }
    public MinutesStatus status() { return status; }
    public LocalDate heldOn() { return heldOn; }
    public BigDecimal agreedPrice() { return agreedPrice; }
    public String currency() { return currency; }
    public String deliveryStandard() { return deliveryStandard; }
    public String liability() { return liability; }
    public List<String> openIssues() { return split(openIssues); }
    public List<String> ourAttendees() { return split(ourAttendees); }
    public List<String> customerAttendees() { return split(customerAttendees); }
    public List<PaymentMilestone> milestones() { return List.copyOf(milestones); }
    public UUID authorId() { return authorId; }
    public UUID confirmationId() { return confirmationId; }
    public Instant sentAt() { return sentAt; }
    public Instant answeredAt() { return answeredAt; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version == null ? 0 : version; }
}
