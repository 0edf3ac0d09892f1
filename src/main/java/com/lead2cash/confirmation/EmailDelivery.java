package com.lead2cash.confirmation;

/**
 * Whether a confirmation reached its contact by e-mail (one of its links was mailed) and, if not, why its latest link
 * was not, as decided when that link was issued ({@code reason} null when it was mailed, and for links issued before
 * the reason was recorded, whose reason is unknown).
 */
public record EmailDelivery(boolean emailed, EmailNotSent reason) {
}
