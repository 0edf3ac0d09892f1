package com.lead2cash.quote.internal.domain;

import java.util.UUID;

/**
 * Who asks about a quote: {@code works} — they may work its opportunity (its owner or a manager above);
 * {@code manager} — they hold a manager's role (they review, Q1).
 */
public record QuoteActor(UUID id, boolean works, boolean manager) {
}
