package com.lead2cash.quote.internal.minutes;

import com.lead2cash.opportunity.Stage;

/**
 * Who asks about an opportunity's minutes: {@code works} — they write its minutes (its owner, a manager above, the
 * team's sales assistant: decision 0082), whatever its stage; {@code stage} — where the opportunity stands. Who asks is refused 403, the stage 422
 * (docs/decisions/0014).
 */
public record MinutesActor(boolean works, Stage stage) {

    boolean opportunityOpen() {
        return stage.isOpen();
    }

    /** Q3 — minutes are written while the opportunity is negotiated or its contract prepared. */
    boolean negotiating() {
        return stage == Stage.NEGOTIATION || stage == Stage.CONTRACT;
    }
}
