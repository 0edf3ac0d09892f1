package com.lead2cash.platform.web;

import com.lead2cash.platform.BadRequestException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.VersionRequiredException;

/**
 * The version an update or action names, as the {@code version} field or {@code If-Match}: neither is 428,
 * both and different 422, an {@code If-Match} that is no version 400 (docs/decisions/0014-refusals.md).
 * Every {@link com.lead2cash.platform.Versioned} JSON body is checked with it by the platform; an action
 * without a JSON body (a multipart upload) calls it with its {@code version} parameter and header.
 */
public final class RequiredVersion {

    private RequiredVersion() {
    }

    /**
     * {@link #of(Long, String)} with every {@code If-Match} line of the request: sent more than once it is refused
     * (400 {@code error.header.repeated}, as a repeated {@link SingleHeader} is), never the first one taken.
     */
    public static long of(Long version, java.util.List<String> ifMatchHeaders) {
        // the lines read as one list of tags, as the container joins them: more than one tag is refused there
        return of(version, ifMatchHeaders == null || ifMatchHeaders.isEmpty() ? null : String.join(",", ifMatchHeaders));
    }

    public static long of(Long version, String ifMatchHeader) {
        Long ifMatch = ifMatch(ifMatchHeader);
        if (version == null) {
            if (ifMatch == null) {
                throw new VersionRequiredException();
            }
            return ifMatch;
        }
        if (ifMatch != null && !ifMatch.equals(version)) {
            throw new FieldValidationException("version", "error.version.ifMatchDiffers", version, ifMatch);
        }
        return version;
    }

    /**
     * The version an {@code If-Match} header names ({@code "3"} or {@code 3}); null without one. A weak tag
     * ({@code W/"3"}) never matches under {@code If-Match} (RFC 9110 §13.1.1, strong comparison): it is refused (400), as
     * a tag that is no version is, rather than taken as the version it names. Two tags — the header sent twice, or
     * a list in one — name no one version: refused (400 {@code error.header.repeated}) rather than the first taken.
     */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip();
        if (tag.indexOf(',') >= 0) {
            throw new BadRequestException("If-Match", "error.header.repeated", "If-Match");
        }
        if (tag.startsWith("W/")) {
            throw new BadRequestException("If-Match", "error.ifMatch.weak");
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.valueOf(tag);
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match", "error.ifMatch.invalid");
        }
    }
}
