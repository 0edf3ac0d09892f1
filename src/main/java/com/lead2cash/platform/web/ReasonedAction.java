package com.lead2cash.platform.web;

import com.lead2cash.platform.Versioned;

/**
 * The body of an action that undoes or ends something and must say why, on the version the client read
 * (reverse a receipt, write off a plan, red-letter an invoice). One class for every module.
 */
public record ReasonedAction(String reason, Long version) implements Versioned {
}
