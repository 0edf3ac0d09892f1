package com.lead2cash.confirmation;

/**
 * Whether a confirmation reached its contact by e-mail (one of its links was mailed) and, if not, why as far as can
 * be told now ({@code reason} null when none of the reasons holds any more: the configuration changed since).
 */
public record EmailDelivery(boolean emailed, EmailNotSent reason) {
}
