package com.lead2cash.approval;

import java.util.Objects;

/**
 * An approver's remark on one section of what they approve (a contract's liability clause, a quote's
 * payment terms): the owning module names its sections, the approval keeps the remark with the decision.
 */
public record ApprovalRemark(String section, String text) {

    public static final int MAX_TEXT = 2000;

    public ApprovalRemark {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(text, "text");
        section = section.strip();
        text = text.strip();
    }
}
