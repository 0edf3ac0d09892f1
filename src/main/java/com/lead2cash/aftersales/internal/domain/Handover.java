package com.lead2cash.aftersales.internal.domain;

import com.lead2cash.aftersales.internal.Texts;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.Label;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 客户交接 — a signed customer handed from the rep to an after-sales owner with the handover checklist
 * (H1): background, service needs, special agreements and promises made in negotiation, key contacts,
 * open issues and documents. The rep fills it and hands over (OPEN or RETURNED → SUBMITTED); the
 * after-sales owner accepts it (→ ACCEPTED, they serve the customer from then on) or returns it with
 * questions (→ RETURNED). The customer's contacts go along, so after-sales can reach them.
 * {@link #availableActions} says what an actor may do next.
 */
@Table("aftersales_handover")
public class Handover {

    public static final int MAX_TEXT = 4000;

    /** What a person may do with a handover next. */
    public enum Action { EDIT_CHECKLIST, HAND_OVER, ACCEPT, RETURN }

    /** The checklist (交接清单); null fields stay empty. */
    public record Checklist(String background, String serviceNeeds, String specialAgreements, String keyContacts,
                            String openIssues, String documents) {
    }

    /** Who acts: the person, and whether they work the rep's side of this handover (the rep or above them). */
    public record Actor(UUID id, boolean seller) {
    }

    @Id
    private UUID id;
    private String code;
    private UUID contractId;
    private String contractNumber;
    private UUID customerId;
    private String customerName;
    private UUID repId;
    private UUID serviceOwnerId;
    private HandoverStatus status;
    private String background;
    private String serviceNeeds;
    private String specialAgreements;
    private String keyContacts;
    private String openIssues;
    private String documents;
    private String contactIds;
    private String returnQuestions;
    private int returnCount;
    private Instant openedAt;
    private Instant submittedAt;
    private Instant acceptedAt;
    private Instant returnedAt;
    /** The day its contract was terminated (合同终止), null while it stands: the handover stops where it is. */
    private LocalDate contractTerminatedOn;
    @Version
    private Long version;

    Handover() {
    }

    /** The handover a signed contract opens (待交接), owned by the contract's rep. */
    public static Handover open(String code, UUID contractId, String contractNumber, UUID customerId,
                                String customerName, UUID repId, Instant now) {
        Handover h = new Handover();
        h.id = Ids.newId();
        h.code = code;
        h.contractId = Objects.requireNonNull(contractId);
        h.contractNumber = Objects.requireNonNull(contractNumber);
        h.customerId = Objects.requireNonNull(customerId);
        h.customerName = Objects.requireNonNull(customerName);
        h.repId = Objects.requireNonNull(repId);
        h.status = HandoverStatus.OPEN;
        h.openedAt = now;
        return h;
    }

    /** The rep writes the checklist while the handover is theirs (open or returned). */
    public void writeChecklist(Checklist c, Actor actor) {
        require(Action.EDIT_CHECKLIST, actor);
        List<FieldError> errors = new ArrayList<>();
        background = text("background", c.background(), errors);
        serviceNeeds = text("serviceNeeds", c.serviceNeeds(), errors);
        specialAgreements = text("specialAgreements", c.specialAgreements(), errors);
        keyContacts = text("keyContacts", c.keyContacts(), errors);
        openIssues = text("openIssues", c.openIssues(), errors);
        documents = text("documents", c.documents(), errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }

    /**
     * H1: the rep hands the customer to an after-sales owner. The checklist needs its background, service
     * needs, special agreements (or "none") and key contacts.
     */
    public void handOver(UUID serviceOwner, List<UUID> customerContacts, Actor actor, Instant now) {
        require(Action.HAND_OVER, actor);
        List<FieldError> errors = new ArrayList<>();
        requireFilled("background", background, errors);
        requireFilled("serviceNeeds", serviceNeeds, errors);
        requireFilled("specialAgreements", specialAgreements, errors);
        requireFilled("keyContacts", keyContacts, errors);
        if (serviceOwner == null) {
            errors.add(new FieldError("serviceOwnerId", "aftersales.error.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        serviceOwnerId = serviceOwner;
        contactIds = customerContacts.isEmpty() ? null
                : String.join(",", customerContacts.stream().map(UUID::toString).toList());
        status = HandoverStatus.SUBMITTED;
        submittedAt = now;
    }

    /** H1: the after-sales owner accepts; from now on they serve the customer. */
    public void accept(Actor actor, Instant now) {
        require(Action.ACCEPT, actor);
        status = HandoverStatus.ACCEPTED;
        acceptedAt = now;
    }

    /** H1: the after-sales owner returns the handover to the rep with their questions. */
    public void returnWithQuestions(String questions, Actor actor, Instant now) {
        require(Action.RETURN, actor);
        List<FieldError> errors = new ArrayList<>();
        String q = text("questions", questions, errors);
        if (errors.isEmpty() && q == null) {
            errors.add(new FieldError("questions", "aftersales.error.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        returnQuestions = q;
        returnCount++;
        status = HandoverStatus.RETURNED;
        returnedAt = now;
    }

    /**
     * The contract went to another rep with its customer's open business (decision 0023): a handover not yet accepted
     * is theirs to finish; an accepted one stays with the rep who handed the customer over.
     */
    public void passToRep(UUID newRep) {
        if (status == HandoverStatus.ACCEPTED) {
            throw new DomainException("aftersales.error.handover.accepted", code);
        }
        repId = Objects.requireNonNull(newRep);
    }

    /**
     * The contract was terminated: a handover not yet accepted stops where it is — nothing more is written, handed
     * over, accepted or returned. Answers whether this changed it (once only).
     */
    public boolean contractTerminated(LocalDate effectiveOn) {
        if (contractTerminatedOn != null) {
            return false;
        }
        contractTerminatedOn = Objects.requireNonNull(effectiveOn);
        return true;
    }

    /** What this actor may do now. */
    public Set<Action> availableActions(Actor actor) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if (theirs(action, actor) && open(action)) {
                actions.add(action);
            }
        }
        return actions;
    }

    /** Whose step an action is: the rep's (whoever sells) or the after-sales owner's. */
    private boolean theirs(Action action, Actor actor) {
        return switch (action) {
            case EDIT_CHECKLIST, HAND_OVER -> actor.seller();
            case ACCEPT, RETURN -> actor.id().equals(serviceOwnerId);
        };
    }

    /** When a step is open: the rep's while the handover is open or returned, the owner's once it is submitted. */
    private boolean open(Action action) {
        if (contractTerminatedOn != null) {
            return false;
        }
        return switch (action) {
            case EDIT_CHECKLIST, HAND_OVER -> status == HandoverStatus.OPEN || status == HandoverStatus.RETURNED;
            case ACCEPT, RETURN -> status == HandoverStatus.SUBMITTED;
        };
    }

    /**
     * Refuses what the actor may not do: 403 when the step is not theirs, 422 when the status forbids it. A service asks
     * this before it reads the input, so that who asks is answered first.
     */
    public void require(Action action, Actor actor) {
        if (!theirs(action, actor)) {
            throw new ForbiddenException("error.forbidden");
        }
        if (contractTerminatedOn != null) {
            throw new DomainException("aftersales.error.handover.contractTerminated", code, contractNumber,
                    contractTerminatedOn.toString());
        }
        if (!open(action)) {
            throw new DomainException("aftersales.error.handover." + action, code,
                    Label.of("aftersales.handover.status", status));
        }
    }

    private static String text(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Texts.checked(field, value, MAX_TEXT, errors);
    }

    private static void requireFilled(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "aftersales.error.required"));
        }
    }

    public UUID id() { return id; }
    public String code() { return code; }
    public UUID contractId() { return contractId; }
    public String contractNumber() { return contractNumber; }
    public UUID customerId() { return customerId; }
    public String customerName() { return customerName; }
    public UUID repId() { return repId; }
    public UUID serviceOwnerId() { return serviceOwnerId; }
    public HandoverStatus status() { return status; }
    public Checklist checklist() {
        return new Checklist(background, serviceNeeds, specialAgreements, keyContacts, openIssues, documents);
    }
    public String returnQuestions() { return returnQuestions; }
    /** The customer's contacts as they were when it was handed over, primary first. */
    public List<UUID> contactIds() {
        return contactIds == null ? List.of() : java.util.Arrays.stream(contactIds.split(",")).map(UUID::fromString).toList();
    }
    public int returnCount() { return returnCount; }
    public Instant openedAt() { return openedAt; }
    public Instant submittedAt() { return submittedAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant returnedAt() { return returnedAt; }
    public LocalDate contractTerminatedOn() { return contractTerminatedOn; }
    public Long version() { return version; }
}
