package com.lead2cash.contract.internal.web;

/**
 * How a clause deviates from its template clause (与模板的差异), as reviewers read it: the text both
 * share before and after the change, what the template said there (removed) and what the contract says
 * instead (added). One changed stretch per clause, found by the longest common beginning and end — a
 * reviewer sees exactly which words differ without a full alignment; a clause the contract added is all
 * "added".
 */
public record ClauseDiff(String before, String removed, String added, String after) {

    static ClauseDiff of(String template, String body) {
        String t = template == null ? "" : template;
        String b = body == null ? "" : body;
        int start = 0;
        int max = Math.min(t.length(), b.length());
        while (start < max && t.charAt(start) == b.charAt(start)) {
            start++;
        }
        if (start > 0 && Character.isHighSurrogate(b.charAt(start - 1))) {
            start--;
        }
        int end = 0;
        while (end < max - start && t.charAt(t.length() - 1 - end) == b.charAt(b.length() - 1 - end)) {
            end++;
        }
        if (end > 0 && Character.isLowSurrogate(b.charAt(b.length() - end))) {
            end--;
        }
        return new ClauseDiff(b.substring(0, start), t.substring(start, t.length() - end),
                b.substring(start, b.length() - end), b.substring(b.length() - end));
    }
}
