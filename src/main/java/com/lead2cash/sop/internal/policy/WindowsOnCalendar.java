package com.lead2cash.sop.internal.policy;

import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.TimeBasis;
import com.lead2cash.sop.WorkingCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the policy's business-time windows can be counted on a working calendar ({@link WorkingCalendar#countable}):
 * the one place deciding it, asked from both sides — a policy change (direct or an approved proposal,
 * {@link PolicyService}) on the calendar in force, and a calendar change (settings, a holiday, an import) on the policy
 * in force. A window that could not be counted would fail every piece of work that opens its deadline (an L1 of
 * 87,600 business hours on a working day of one minute stopped all lead capture).
 */
public final class WindowsOnCalendar {

    private WindowsOnCalendar() {
    }

    /** The parameters ({@code L1.window}) whose business windows the calendar cannot count, in catalogue order. */
    static List<String> uncountable(Map<String, Map<String, Object>> values, WorkingCalendar calendar) {
        List<String> fields = new ArrayList<>();
        for (RuleCatalog.RuleDef rule : RuleCatalog.all()) {
            for (RuleCatalog.ParamDef param : rule.params()) {
                if (param.type() != ParamType.DURATION || values.get(rule.id()) == null) {
                    continue;
                }
                Object value = values.get(rule.id()).get(param.name());
                if (value instanceof DeadlineWindow window && window.basis() == TimeBasis.BUSINESS
                        && !calendar.countable(window.duration())) {
                    fields.add(rule.id() + "." + param.name());
                }
            }
        }
        return fields;
    }

    /** The same for a stored version: what a calendar change would leave uncountable. */
    public static List<String> uncountable(PolicyVersion policy, WorkingCalendar calendar) {
        return uncountable(policy.values(), calendar);
    }
}
