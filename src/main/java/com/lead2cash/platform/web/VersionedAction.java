package com.lead2cash.platform.web;

import com.lead2cash.platform.Versioned;

/**
 * The body of an action that must name the version of the record the client read, and nothing else
 * (accept a handover, publish a template, prepare an order): without a version or {@code If-Match} it is
 * answered 428 like every update (docs/decisions/0014-refusals.md). One class for every module.
 */
public record VersionedAction(Long version) implements Versioned {
}
