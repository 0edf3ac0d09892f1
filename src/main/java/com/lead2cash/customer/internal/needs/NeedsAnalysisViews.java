package com.lead2cash.customer.internal.needs;

import com.lead2cash.confirmation.ConfirmationState;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.customer.internal.domain.DecisionRole;
import com.lead2cash.sop.Deadlines;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A version of the report as the API and the screens show it, with where its confirmation stands. */
@Component
class NeedsAnalysisViews {

    /** A version of the report (SPEC §6: {@code id, version, confirmation: {state, sentAt, dueAt}}). */
    record NeedsView(UUID id, UUID customerId, UUID reportId, int version, boolean current, Instant interviewedAt,
                     String background, String currentState, List<String> painPoints, String goals, String budget,
                     String decisionProcess, List<DecisionMakerView> decisionMakers, String customerWords,
                     UUID writtenBy, Instant writtenAt, Instant supersededAt, ConfirmationSummary confirmation,
                     List<ConfirmationItem> confirmations) {
    }

    /**
     * One confirmation of the version: to whom, where it stands, and the answer once given — the name signed as typed
     * and whether it is the recipient's ({@code nameMatchesRecipient}, as {@code /api/v1/confirmations/{id}} says it).
     */
    record ConfirmationItem(UUID id, ConfirmationState state, UUID recipientContactId, String recipientName,
                            Instant sentAt, Instant expiresAt, Instant viewedAt, Instant answeredAt,
                            String answeredName, Boolean nameMatchesRecipient, String comment) {

        static ConfirmationItem of(ConfirmationView c) {
            return new ConfirmationItem(c.id(), c.state(), c.recipientContactId(), c.recipientName(), c.sentAt(),
                    c.expiresAt(), c.viewedAt(), c.answeredAt(), c.answeredName(),
                    c.answeredAt() == null ? null : c.nameMatchesRecipient(), c.comment());
        }
    }

    record DecisionMakerView(UUID contactId, String name, String title, DecisionRole role) {
    }

    /**
     * Where the version's confirmation stands: its latest confirmation's state (NOT_SENT before any), when
     * it was first sent, and when C6 wants it sent. {@code dueState} is the C6 deadline's state (OPEN,
     * BREACHED, MET, MET_LATE or CANCELLED).
     */
    record ConfirmationSummary(UUID id, String state, Instant sentAt, Instant dueAt, String dueState) {
    }

    static final String NOT_SENT = "NOT_SENT";

    private final NeedsAnalysisService service;

    NeedsAnalysisViews(NeedsAnalysisService service) {
        this.service = service;
    }

    NeedsView of(NeedsAnalysis a) {
        List<ConfirmationView> confirmations = service.confirmationsOf(a);
        Deadlines.DeadlineRecord deadline = service.deadlineOf(a).orElse(null);
        ConfirmationView latest = confirmations.isEmpty() ? null : confirmations.get(0);
        ConfirmationSummary summary = new ConfirmationSummary(latest == null ? null : latest.id(),
                latest == null ? NOT_SENT : latest.state().name(), a.firstSentAt(),
                deadline == null ? null : deadline.dueAt(), deadline == null ? null
                : "MET".equals(deadline.state()) && !deadline.metOnTime() ? "MET_LATE" : deadline.state());
        return new NeedsView(a.id(), a.customerId(), a.reportId(), a.number(), a.isCurrent(), a.interviewedAt(),
                a.background(), a.currentState(), a.painPoints(), a.goals(), a.budget(), a.decisionProcess(),
                a.decisionMakers().stream().map(m -> new DecisionMakerView(m.contactId(), m.name(), m.title(), m.role()))
                        .toList(),
                a.customerWords(), a.writtenBy(), a.writtenAt(), a.supersededAt(), summary,
                confirmations.stream().map(ConfirmationItem::of).toList());
    }

    /** Whether the version's latest confirmation is the customer's "confirmed". */
    static boolean confirmed(NeedsView v) {
        return ConfirmationState.CONFIRMED.name().equals(v.confirmation().state());
    }
}
