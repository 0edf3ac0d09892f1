package com.lead2cash.platform;

/**
 * An update request (every aggregate takes its {@code version} back on update, as a field or as
 * {@code If-Match}). A request body of this type is checked by the platform before the controller runs:
 * with neither a version nor {@code If-Match} it is answered 428; {@code If-Match} fills a missing
 * version; both present and different is refused (422). Implemented by request records only, so the
 * platform can fill the version in. Which routes are updates is decided in docs/decisions/0014-refusals.md.
 */
public interface Versioned {

    /** The version of the record the client read and wants to change; null when not sent. */
    Long version();
}
