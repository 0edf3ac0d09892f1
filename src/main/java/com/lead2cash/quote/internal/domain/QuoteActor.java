package com.lead2cash.quote.internal.domain;

import java.util.UUID;

/**
 * Who asks about a quote: {@code works} — they work its opportunity (its owner or a manager above), whatever its
 * stage; {@code manager} — they hold a manager's role (they review, Q1); {@code opportunityOpen} — the opportunity is
 * neither won nor lost. Who asks is refused 403, a closed opportunity 422 (docs/decisions/0014).
 */
public record QuoteActor(UUID id, boolean works, boolean manager, boolean opportunityOpen) {

    /** Someone asking about a quote of an open opportunity. */
    public QuoteActor(UUID id, boolean works, boolean manager) {
        this(id, works, manager, true);
    }
}
