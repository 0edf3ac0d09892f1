package com.lead2cash.customer.internal.needs;

import com.lead2cash.customer.internal.domain.DecisionRole;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 需求分析报告 — one version of the needs-analysis report written after the needs interview (SOP 001
 * stage two), sent to a contact of the customer for written confirmation within the C6 window. A version
 * is never changed once written: a correction is a new version that supersedes it (and its open
 * confirmation, so the customer confirms what is current).
 */
@Table("customer_needs_analysis")
class NeedsAnalysis {

    /** A person of the decision chain as written into this version (决策人 / 影响人 / 使用人). */
    @Table("customer_needs_decision_maker")
    record DecisionMaker(UUID contactId, String name, String title, DecisionRole role) {
    }

    @Id
    private UUID id;
    private UUID reportId;
    private UUID customerId;
    private int number;
    private Instant interviewedAt;
    private String background;
    private String currentState;
    private String[] painPoints;
    private String goals;
    private String budget;
    private String decisionProcess;
    @MappedCollection(idColumn = "analysis_id", keyColumn = "position")
    private List<DecisionMaker> decisionMakers;
    private String customerWords;
    private UUID writtenBy;
    private Instant writtenAt;
    private Instant supersededAt;
    private Instant firstSentAt;
    @Version
    private Long version;

    @PersistenceCreator
    NeedsAnalysis(UUID id, UUID reportId, UUID customerId, int number, Instant interviewedAt, String background,
                  String currentState, String[] painPoints, String goals, String budget, String decisionProcess,
                  List<DecisionMaker> decisionMakers, String customerWords, UUID writtenBy, Instant writtenAt,
                  Instant supersededAt, Instant firstSentAt, Long version) {
        this.id = id;
        this.reportId = reportId;
        this.customerId = customerId;
        this.number = number;
        this.interviewedAt = interviewedAt;
        this.background = background;
        this.currentState = currentState;
        this.painPoints = painPoints == null ? new String[0] : painPoints;
        this.goals = goals;
        this.budget = budget;
        this.decisionProcess = decisionProcess;
        this.decisionMakers = decisionMakers == null ? new ArrayList<>() : new ArrayList<>(decisionMakers);
        this.customerWords = customerWords;
        this.writtenBy = writtenBy;
        this.writtenAt = writtenAt;
        this.supersededAt = supersededAt;
        this.firstSentAt = firstSentAt;
        this.version = version;
    }

    /**
     * The first version of a customer's report; its interview held from {@code registeredOn}, the day the customer
     * was registered (in {@code zone}), to now ({@link NeedsAnalysisDraft#validated}).
     */
    static NeedsAnalysis first(UUID customerId, NeedsAnalysisDraft draft, List<DecisionMaker> chain, UUID author,
                               Instant now, LocalDate registeredOn, ZoneId zone) {
        UUID id = Ids.newId();
        return of(id, id, customerId, 1, draft.validated(now, registeredOn, zone), chain, author, now);
    }

    /** The next version of this report; this one is superseded by it. Its interview as {@link #first}'s. */
    NeedsAnalysis revise(NeedsAnalysisDraft draft, List<DecisionMaker> chain, UUID author, Instant now,
                         LocalDate registeredOn, ZoneId zone) {
        requireCurrent();
        NeedsAnalysis next = of(Ids.newId(), reportId, customerId, number + 1, draft.validated(now, registeredOn, zone),
                chain, author, now);
        supersededAt = now;
        return next;
    }

    private static NeedsAnalysis of(UUID id, UUID reportId, UUID customerId, int number, NeedsAnalysisDraft d,
                                    List<DecisionMaker> chain, UUID author, Instant now) {
        return new NeedsAnalysis(id, reportId, customerId, number, d.interviewedAt(), d.background(),
                d.currentState(), d.painPoints().toArray(String[]::new), d.goals(), d.budget(), d.decisionProcess(),
                chain, d.customerWords(), author, now, null, null, null);
    }

    /**
     * C6 — whether writing this version starts the clock of a new "sent within the window after the
     * interview" deadline: the first version does, a revision only when it follows a new interview.
     */
    boolean startsNewInterviewClock(NeedsAnalysis previous) {
        return previous == null || interviewedAt.isAfter(previous.interviewedAt);
    }

    /** The version goes to the customer for confirmation; only the current version may. */
    void sent(Instant now) {
        requireCurrent();
        if (firstSentAt == null) {
            firstSentAt = now;
        }
    }

    boolean isCurrent() {
        return supersededAt == null;
    }

    private void requireCurrent() {
        if (!isCurrent()) {
            throw new DomainException("customer.needs.superseded", number);
        }
    }

    UUID id() { return id; }
    UUID reportId() { return reportId; }
    UUID customerId() { return customerId; }
    int number() { return number; }
    Instant interviewedAt() { return interviewedAt; }
    String background() { return background; }
    String currentState() { return currentState; }
    List<String> painPoints() { return List.copyOf(Arrays.asList(painPoints)); }
    String goals() { return goals; }
    String budget() { return budget; }
    String decisionProcess() { return decisionProcess; }
    List<DecisionMaker> decisionMakers() { return List.copyOf(decisionMakers); }
    String customerWords() { return customerWords; }
    UUID writtenBy() { return writtenBy; }
    Instant writtenAt() { return writtenAt; }
    Instant supersededAt() { return supersededAt; }
    Instant firstSentAt() { return firstSentAt; }
}
