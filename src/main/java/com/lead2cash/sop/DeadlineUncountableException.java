package com.lead2cash.sop;

import com.lead2cash.platform.DomainException;

/**
 * An SOP deadline that cannot be counted on the working calendar in force: its business-time window would end more
 * than {@value WorkingCalendar#MAX_SPAN_DAYS} days away (a mistyped window, or a calendar with hardly any working
 * time). The policy and the calendar refuse such a combination when either is saved; this refusal (422) keeps one that
 * got in anyway from failing the work that opens the deadline with a server error, and rolls that work back whole.
 * Its message names the rule and the window, for an administrator to shorten it or widen the calendar.
 */
public class DeadlineUncountableException extends DomainException {

    public DeadlineUncountableException(String ruleId, DeadlineWindow window) {
        super("sop.error.deadlineUncountable", ruleId == null ? "—" : ruleId,
                window.duration() + " " + window.basis().name().toLowerCase(java.util.Locale.ROOT));
    }
}
