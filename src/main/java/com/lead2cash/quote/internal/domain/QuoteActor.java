package com.lead2cash.quote.internal.domain;

import com.lead2cash.opportunity.Stage;
import java.util.UUID;

/**
 * Who asks about a quote, and where its opportunity stands: {@code works} — they work its opportunity (its owner or a
 * manager above), whatever its stage; {@code manager} — they hold a manager's role (they review, Q1);
 * {@code opportunityStage} — the opportunity's stage now; {@code quoteAccepted} — the customer already accepted a quote
 * of the opportunity. Who asks is refused 403, what the opportunity's state forbids 422 (docs/decisions/0014).
 */
public record QuoteActor(UUID id, boolean works, boolean manager, Stage opportunityStage, boolean quoteAccepted) {

    /** Someone asking about a quote of an opportunity in the proposal stage with no quote accepted yet. */
    public QuoteActor(UUID id, boolean works, boolean manager) {
        this(id, works, manager, Stage.PROPOSAL, false);
    }

    /** The opportunity is neither won nor lost. */
    public boolean opportunityOpen() {
        return opportunityStage.isOpen();
    }

    /**
     * SPEC §4: a quote goes to the customer from the proposal stage on, which the opportunity reaches only with a
     * passing evaluation (O1, O2) — its acceptance moves the opportunity on from there.
     */
    public boolean opportunityProposing() {
        return opportunityStage.isOpen() && opportunityStage.isPastEvaluation();
    }
}
