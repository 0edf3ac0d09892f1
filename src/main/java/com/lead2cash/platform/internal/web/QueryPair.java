package com.lead2cash.platform.internal.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One name and value of a raw query string, decoded as a form's are (UTF-8, {@code +} a space).
 *
 * @param name  the decoded name
 * @param value the decoded value; null when the pair has no {@code =}
 */
record QueryPair(String name, String value) {

    /** The pairs of a raw query string (null when it has none), in order; one that does not decode is left out. */
    static List<QueryPair> of(String rawQuery) {
        List<QueryPair> pairs = new ArrayList<>();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                pairs.add(new QueryPair(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? null : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException undecodable) {
                // a broken escape: the container leaves the pair out too
            }
        }
        return pairs;
    }
}
