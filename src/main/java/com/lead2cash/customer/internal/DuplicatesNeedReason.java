package com.lead2cash.customer.internal;

import com.lead2cash.platform.FieldValidationException;
import java.util.List;

/**
 * The duplicate rule (查重) of registration and correction, in one place: a customer that matches possible
 * duplicates is kept only with a reason why it is another company ({@code duplicateReason}); people decide, but not
 * silently. Refused with the duplicates found, so a screen can show them beside the reason it asks for.
 */
public class DuplicatesNeedReason extends FieldValidationException {

    private final transient List<DuplicateCheck.Match> duplicates;

    private DuplicatesNeedReason(List<DuplicateCheck.Match> duplicates) {
        super("duplicateReason", "customer.duplicates.reason.required");
        this.duplicates = List.copyOf(duplicates);
    }

    /** Refuses keeping a customer that matches {@code found} without a reason; nothing found needs none. */
    public static void require(List<DuplicateCheck.Match> found, String reason) {
        if (!found.isEmpty() && (reason == null || reason.isBlank())) {
            throw new DuplicatesNeedReason(found);
        }
    }

    /** The possible duplicates that need the reason. */
    public List<DuplicateCheck.Match> duplicates() {
        return duplicates;
    }
}
