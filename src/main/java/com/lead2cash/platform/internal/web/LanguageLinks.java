package com.lead2cash.platform.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The page shell's language switch (语言切换): the page the reader is on, its query kept and only {@code lang}
 * replaced. A bare {@code ?lang=en} dropped the rest, so a switch on {@code /invoices/new?contractId=…} answered
 * 400 and a search lost its filters. Every name and value is decoded and encoded again, so whatever the query
 * held reaches the {@code href} as percent-encoded text.
 *
 * @param zh the link to the page in Chinese
 * @param en the link to the page in English
 */
record LanguageLinks(String zh, String en) {

    /** The request parameter the locale-change interceptor reads. */
    static final String PARAM = "lang";

    /** The links for a request's raw query string (null when it has none). */
    static LanguageLinks of(String rawQuery) {
        List<String> kept = new ArrayList<>();
        for (QueryPair pair : QueryPair.of(rawQuery)) {
            // a broken escape is refused before any page renders; a link simply leaves it out
            if (!pair.name().isEmpty() && !pair.name().equals(PARAM)) {
                kept.add(encode(pair.name()) + (pair.value() == null ? "" : "=" + encode(pair.value())));
            }
        }
        String query = kept.isEmpty() ? "?" : "?" + String.join("&", kept) + "&";
        return new LanguageLinks(query + PARAM + "=zh-CN", query + PARAM + "=en");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
