package com.lead2cash.platform;

/** An update sent without the version it was read at (neither a {@code version} nor {@code If-Match}): 428. */
public class VersionRequiredException extends DomainException {

    public VersionRequiredException() {
        super("error.versionRequired");
    }
}
