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
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 客户投诉 — a customer's complaint from receipt to close: RECEIVED → CLASSIFIED → HANDLING → FEEDBACK →
 * CLOSED. Its first response (S1) and resolution (S2) are due by the windows of its severity; a major
 * one is flagged as a level-I incident (S3); a repeat of the customer's last complaint is linked (S4). The
 * handler records the root cause with the 5 Whys and the corrective and preventive actions, each with an
 * owner and a due date, before telling the customer the resolution; closing needs the customer's
 * satisfaction rating or a recorded reason why it could not be obtained. Each transition refuses what
 * the state does not allow; {@link #availableActions} says what an actor may do next.
 */
@Table("aftersales_complaint")
public class Complaint {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_SHORT = 200;

    /** What a person may do with a complaint next. */
    public enum Action { CLASSIFY, RESPOND, ANALYSE, ADD_EVIDENCE, GIVE_FEEDBACK, REQUEST_RATING, CLOSE }

    /** Who acts: the person, and whether they may work this complaint (its handler, or above them). */
    public record Actor(UUID id, boolean works) {
    }

    /** What is known at receipt. */
    public record Receipt(UUID customerId, String customerName, UUID customerOwnerId, UUID contactId,
                          String productLine, ComplaintCategory category, Severity severity, ReceivedVia via,
                          String description) {
    }

    /** The due times and flags the policy gives a complaint of a severity (S1, S2, S3). */
    public record Sla(long policyVersion, Instant responseDueAt, Instant resolutionDueAt, boolean levelOne) {
    }

    /** The root cause analysis (根因分析, 5 Whys) with the corrective (纠正) and preventive (预防) actions. */
    public record RootCause(List<String> whys, String rootCause, String correctiveAction, UUID correctiveOwnerId,
                            LocalDate correctiveDueOn, String preventiveAction, UUID preventiveOwnerId,
                            LocalDate preventiveDueOn) {
    }

    /** Where a complaint stands against its SLA. */
    public enum SlaState { ON_TRACK, BREACHED, MET }

    @Id
    private UUID id;
    private String code;
    private UUID customerId;
    private String customerName;
    private UUID customerOwnerId;
    private UUID contactId;
    private String productLine;
    private ComplaintCategory category;
    private Severity severity;
    private ReceivedVia receivedVia;
    private String description;
    private ComplaintStatus status;
    private UUID handlerId;
    private UUID receivedBy;
    private Instant receivedAt;
    private boolean levelOne;
    private UUID repeatOf;
    private long policyVersion;
    private Instant responseDueAt;
    private Instant resolutionDueAt;
    private Instant classifiedAt;
    private String firstResponse;
    private Instant firstResponseAt;
    private String why1;
    private String why2;
    private String why3;
    private String why4;
    private String why5;
    private String rootCause;
    private String correctiveAction;
    private UUID correctiveOwnerId;
    private LocalDate correctiveDueOn;
    private String preventiveAction;
    private UUID preventiveOwnerId;
    private LocalDate preventiveDueOn;
    private String resolution;
    private Instant feedbackAt;
    private UUID ratingConfirmationId;
    private Integer rating;
    private String ratingComment;
    private String noRatingReason;
    private Instant closedAt;
    @MappedCollection(idColumn = "complaint")
    private Set<Evidence> evidence = new HashSet<>();
    @Version
    private Long version;

    Complaint() {
    }

    /** An evidence file (证据) kept in the file store. */
    @Table("aftersales_complaint_evidence")
    public record Evidence(UUID fileId, UUID addedBy, Instant addedAt) {
    }

    /** A complaint received (已受理): its text checked, its SLA set, a repeat linked, its handler named. */
    public static Complaint receive(String code, Receipt r, UUID handler, UUID receivedBy, Sla sla, UUID repeatOf,
                                    Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (r.category() == null) {
            errors.add(new FieldError("category", "aftersales.error.required"));
        }
        if (r.severity() == null) {
            errors.add(new FieldError("severity", "aftersales.error.required"));
        }
        String description = Texts.checked("description", r.description(), MAX_TEXT, errors);
        if (description == null && errors.stream().noneMatch(e -> e.field().equals("description"))) {
            errors.add(new FieldError("description", "aftersales.error.required"));
        }
        String productLine = Texts.checked("productLine", r.productLine(), MAX_SHORT, errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        Complaint c = new Complaint();
        c.id = Ids.newId();
        c.code = code;
        c.customerId = Objects.requireNonNull(r.customerId());
        c.customerName = Objects.requireNonNull(r.customerName());
        c.customerOwnerId = r.customerOwnerId();
        c.contactId = r.contactId();
        c.productLine = productLine;
        c.category = r.category();
        c.severity = r.severity();
        c.receivedVia = r.via() == null ? ReceivedVia.OTHER : r.via();
        c.description = description;
        c.status = ComplaintStatus.RECEIVED;
        c.handlerId = Objects.requireNonNull(handler);
        c.receivedBy = Objects.requireNonNull(receivedBy);
        c.receivedAt = now;
        c.repeatOf = repeatOf;
        c.applySla(sla);
        return c;
    }

    /**
     * The handler confirms category and severity and may pass the complaint to another handler (已分类).
     * A changed severity takes the windows of the new one, counted from receipt ({@code sla}). A lower one
     * needs a reason: it may drop the level-I flag and loosens the SLA. Answers the reason as kept (trimmed),
     * null when none was given.
     */
    public String classify(ComplaintCategory newCategory, Severity newSeverity, UUID newHandler, String reason, Sla sla,
                           Actor actor, Instant now) {
        require(Action.CLASSIFY, actor);
        List<FieldError> errors = new ArrayList<>();
        if (newCategory == null) {
            errors.add(new FieldError("category", "aftersales.error.required"));
        }
        if (newSeverity == null) {
            errors.add(new FieldError("severity", "aftersales.error.required"));
        }
        String why = Texts.checked("reason", reason, MAX_TEXT, errors);
        if (why == null && newSeverity != null && newSeverity.isLowerThan(severity)
                && errors.stream().noneMatch(e -> e.field().equals("reason"))) {
            errors.add(new FieldError("reason", "aftersales.error.downgradeReason"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        category = newCategory;
        severity = newSeverity;
        if (newHandler != null) {
            handlerId = newHandler;
        }
        applySla(sla);
        status = ComplaintStatus.CLASSIFIED;
        classifiedAt = now;
        return why;
    }

    /** S1: the first response to the customer (首次响应); handling starts. */
    public void respond(String text, Actor actor, Instant now) {
        require(Action.RESPOND, actor);
        List<FieldError> errors = new ArrayList<>();
        String t = Texts.checked("firstResponse", text, MAX_TEXT, errors);
        if (t == null && errors.isEmpty()) {
            errors.add(new FieldError("firstResponse", "aftersales.error.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        firstResponse = t;
        firstResponseAt = now;
        status = ComplaintStatus.HANDLING;
    }

    /** The 5 Whys, root cause and actions, written while handling (may be revised until feedback). */
    public void analyse(RootCause rc, Actor actor, LocalDate today) {
        require(Action.ANALYSE, actor);
        List<FieldError> errors = new ArrayList<>();
        List<String> whys = rc.whys() == null ? List.of() : rc.whys();
        if (whys.size() > 5) {
            errors.add(new FieldError("whys", "aftersales.error.fiveWhys"));
        }
        // the Whys kept in order without the blank ones; feedback needs one, so a save without any is refused now
        List<String> given = new ArrayList<>();
        for (int i = 0; i < Math.min(5, whys.size()); i++) {
            String why = Texts.checked("whys[" + i + "]", whys.get(i), MAX_TEXT, errors);
            if (why != null) {
                given.add(why);
            }
        }
        if (given.isEmpty() && whys.size() <= 5) {
            errors.add(new FieldError("whys", "aftersales.error.oneWhy"));
        }
        String[] w = given.toArray(new String[5]);
        String cause = Texts.checked("rootCause", rc.rootCause(), MAX_TEXT, errors);
        String corrective = Texts.checked("correctiveAction", rc.correctiveAction(), MAX_TEXT, errors);
        String preventive = Texts.checked("preventiveAction", rc.preventiveAction(), MAX_TEXT, errors);
        actionDates("corrective", corrective, rc.correctiveOwnerId(), rc.correctiveDueOn(), today, errors);
        actionDates("preventive", preventive, rc.preventiveOwnerId(), rc.preventiveDueOn(), today, errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        why1 = w[0];
        why2 = w[1];
        why3 = w[2];
        why4 = w[3];
        why5 = w[4];
        rootCause = cause;
        correctiveAction = corrective;
        correctiveOwnerId = corrective == null ? null : rc.correctiveOwnerId();
        correctiveDueOn = corrective == null ? null : rc.correctiveDueOn();
        preventiveAction = preventive;
        preventiveOwnerId = preventive == null ? null : rc.preventiveOwnerId();
        preventiveDueOn = preventive == null ? null : rc.preventiveDueOn();
    }

    private static void actionDates(String prefix, String action, UUID owner, LocalDate due, LocalDate today,
                                    List<FieldError> errors) {
        if (action == null) {
            return;
        }
        if (owner == null) {
            errors.add(new FieldError(prefix + "OwnerId", "aftersales.error.required"));
        }
        if (due == null) {
            errors.add(new FieldError(prefix + "DueOn", "aftersales.error.required"));
        } else if (due.isBefore(today)) {
            errors.add(new FieldError(prefix + "DueOn", "aftersales.error.dueInPast"));
        }
    }

    /** An evidence file kept with the complaint, until it is closed. */
    public void addEvidence(UUID fileId, Actor actor, Instant now) {
        require(Action.ADD_EVIDENCE, actor);
        evidence.add(new Evidence(fileId, actor.id(), now));
    }

    /**
     * S2: the resolution told to the customer (反馈客户). Refused until the root cause is known
     * ({@link #rootCauseKnown}): {@link #availableActions} offers it only then.
     */
    public void giveFeedback(String resolutionText, Actor actor, Instant now) {
        require(Action.GIVE_FEEDBACK, actor);
        List<FieldError> errors = new ArrayList<>();
        String t = Texts.checked("resolution", resolutionText, MAX_TEXT, errors);
        if (t == null && errors.isEmpty()) {
            errors.add(new FieldError("resolution", "aftersales.error.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        resolution = t;
        feedbackAt = now;
        status = ComplaintStatus.FEEDBACK;
    }

    /**
     * Whether the customer's rating is still wanted: the resolution was told and the complaint is not closed. Its
     * rating links take an answer only while it is; closed (with a rating or a reason), they are withdrawn.
     */
    public boolean awaitsRating() {
        return status == ComplaintStatus.FEEDBACK;
    }

    /** The customer was asked to rate the handling through a link. */
    public void ratingRequested(UUID confirmationId, Actor actor) {
        require(Action.REQUEST_RATING, actor);
        ratingConfirmationId = confirmationId;
    }

    /**
     * A rating the customer gave on one of this complaint's links (a RATED confirmation): which link, when it was
     * answered, the rating 1–5 and the comment.
     */
    public record Rating(UUID confirmationId, Instant answeredAt, int rating, String comment) {
    }

    /**
     * The customer's rating that is this complaint's result, of those its links took: the one on the link it names
     * ({@link #ratingConfirmationId}, the latest asked — asking again withdraws the open links, so no rating came after
     * it) once answered, else the one answered last. Empty while the customer has rated none. The close takes this one
     * and no other; the page offers this one (0091).
     */
    public Optional<Rating> latestRating(Collection<Rating> ratings) {
        Optional<Rating> named = ratings.stream()
                .filter(r -> ratingConfirmationId != null && ratingConfirmationId.equals(r.confirmationId())).findFirst();
        return named.isPresent() ? named : ratings.stream()
                .max(Comparator.comparing(Rating::answeredAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /**
     * Closed (已关闭) with the customer's satisfaction rating (1–5 and comment, answered through a confirmation link of
     * this complaint: {@code ratings} are those its links took) or, when none could be obtained, a recorded reason.
     * Refused with neither; refused with a rating that is not the latest ({@link #latestRating}), which an earlier
     * link took before the rating was asked again; and refused with a reason once the customer has rated it.
     */
    public void close(UUID confirmationId, Collection<Rating> ratings, String reason, Actor actor, Instant now) {
        require(Action.CLOSE, actor);
        List<FieldError> errors = new ArrayList<>();
        String why = Texts.checked("noRatingReason", reason, MAX_TEXT, errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        Optional<Rating> latest = latestRating(ratings);
        if (confirmationId != null) {
            if (ratings.stream().noneMatch(r -> r.confirmationId().equals(confirmationId))) {
                throw new DomainException("aftersales.error.notRatedYet", code);
            }
            Rating given = latest.orElseThrow();
            if (!given.confirmationId().equals(confirmationId)) {
                throw new DomainException("aftersales.error.notLatestRating", code, given.rating());
            }
            if (given.rating() < 1 || given.rating() > 5) {
                throw new DomainException("aftersales.error.ratingRange");
            }
            rating = given.rating();
            ratingComment = given.comment();
            ratingConfirmationId = confirmationId;
        } else if (latest.isPresent()) {
            // rated: the rating is the result, the complaint never reads "no rating" beside it
            throw new DomainException("aftersales.error.ratedAlready", code, latest.get().rating());
        } else if (why != null) {
            noRatingReason = why;
            // the links asked for a rating are withdrawn with the close: none of them is the complaint's result
            ratingConfirmationId = null;
        } else {
            throw new DomainException("aftersales.error.closeNeedsRating", code);
        }
        status = ComplaintStatus.CLOSED;
        closedAt = now;
    }

    /** What this actor may do now. */
    public Set<Action> availableActions(Actor actor) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        if (!actor.works()) {
            return actions;
        }
        switch (status) {
            case RECEIVED -> actions.add(Action.CLASSIFY);
            case CLASSIFIED -> actions.add(Action.RESPOND);
            case HANDLING -> {
                actions.add(Action.ANALYSE);
                if (rootCauseKnown()) {
                    actions.add(Action.GIVE_FEEDBACK);
                }
            }
            case FEEDBACK -> {
                actions.add(Action.REQUEST_RATING);
                actions.add(Action.CLOSE);
            }
            case CLOSED -> {
                return actions;
            }
        }
        actions.add(Action.ADD_EVIDENCE);
        return actions;
    }

    /**
     * Whether the root cause is known by at least one Why and the corrective action is recorded (with its owner and
     * due date, which {@link #analyse} requires of it): the resolution is told to the customer only then.
     */
    private boolean rootCauseKnown() {
        return why1 != null && rootCause != null && correctiveAction != null;
    }

    /** S1/S2 as they stand at {@code now}: breached once a due time passed unmet or was met late. */
    public SlaState slaState(Instant now) {
        boolean responseLate = firstResponseAt == null ? now.isAfter(responseDueAt) : firstResponseAt.isAfter(responseDueAt);
        boolean resolutionLate = feedbackAt == null ? now.isAfter(resolutionDueAt) : feedbackAt.isAfter(resolutionDueAt);
        if (responseLate || resolutionLate) {
            return SlaState.BREACHED;
        }
        return feedbackAt != null ? SlaState.MET : SlaState.ON_TRACK;
    }

    private void applySla(Sla sla) {
        policyVersion = sla.policyVersion();
        responseDueAt = sla.responseDueAt();
        resolutionDueAt = sla.resolutionDueAt();
        levelOne = sla.levelOne();
    }

    /**
     * Refuses what the actor may not do: 403 when they do not work the complaint (nobody in their place could), 422
     * when its status forbids it. A service that checks before it does the work (a file stored, a link sent) asks this.
     */
    public void require(Action action, Actor actor) {
        if (!actor.works()) {
            throw new ForbiddenException("error.forbidden");
        }
        if (!availableActions(actor).contains(action)) {
            if (action == Action.GIVE_FEEDBACK && status == ComplaintStatus.HANDLING) {
                // handling, the resolution waits only for the root cause (rootCauseKnown)
                throw new DomainException("aftersales.error.rootCauseFirst", code);
            }
            throw new DomainException("aftersales.error.complaint." + action, code, statusLabel());
        }
    }

    public UUID id() { return id; }
    public String code() { return code; }
    public UUID customerId() { return customerId; }
    public String customerName() { return customerName; }
    public UUID customerOwnerId() { return customerOwnerId; }
    public UUID contactId() { return contactId; }
    public String productLine() { return productLine; }
    public ComplaintCategory category() { return category; }
    public Severity severity() { return severity; }
    public ReceivedVia receivedVia() { return receivedVia; }
    public String description() { return description; }
    public ComplaintStatus status() { return status; }

    /** The status as the reader's bundle names it: a refusal shows the word, not the code. */
    public DefaultMessageSourceResolvable statusLabel() {
        return Label.of("aftersales.complaint.status", status);
    }
    public UUID handlerId() { return handlerId; }
    public UUID receivedBy() { return receivedBy; }
    public Instant receivedAt() { return receivedAt; }
    public boolean levelOne() { return levelOne; }
    public UUID repeatOf() { return repeatOf; }
    public long policyVersion() { return policyVersion; }
    public Instant responseDueAt() { return responseDueAt; }
    public Instant resolutionDueAt() { return resolutionDueAt; }
    public Instant classifiedAt() { return classifiedAt; }
    public String firstResponse() { return firstResponse; }
    public Instant firstResponseAt() { return firstResponseAt; }
    public List<String> whys() {
        List<String> all = new ArrayList<>();
        for (String w : new String[] {why1, why2, why3, why4, why5}) {
            if (w != null) {
                all.add(w);
            }
        }
        return all;
    }
    public RootCause rootCauseAnalysis() {
        return new RootCause(whys(), rootCause, correctiveAction, correctiveOwnerId, correctiveDueOn, preventiveAction,
                preventiveOwnerId, preventiveDueOn);
    }
    public String resolution() { return resolution; }
    public Instant feedbackAt() { return feedbackAt; }
    public UUID ratingConfirmationId() { return ratingConfirmationId; }
    public Integer rating() { return rating; }
    public String ratingComment() { return ratingComment; }
    public String noRatingReason() { return noRatingReason; }
    public Instant closedAt() { return closedAt; }
    public List<Evidence> evidence() {
        return evidence.stream().sorted(java.util.Comparator.comparing(Evidence::addedAt)).toList();
    }
    public Long version() { return version; }
}
