package com.lead2cash.platform;

/**
 * The caller's role may not do this (403, docs/decisions/0014-refusals.md), whatever the record or the input. Thrown by a
 * module's service when the refusal depends on who asks; routes that only a role may use say so with
 * {@code @PreAuthorize}, which the platform checks before the request body is read.
 */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
