package com.lead2cash.lead.internal.domain;

import com.lead2cash.lead.internal.grading.Criterion;
import com.lead2cash.lead.internal.grading.CriterionResult;
import com.lead2cash.platform.MoneyText;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.data.relational.core.mapping.Table;

/** Why one grading criterion was met or not, as a bundle key and its arguments (stored for display). */
@Table("lead_grade_reason")
public record GradeReason(Criterion criterion, boolean met, String messageKey, String args) {

    public static final String SEPARATOR = "\u001f";

    static GradeReason of(CriterionResult r) {
        return new GradeReason(r.criterion(), r.met(), r.messageKey(),
                String.join(SEPARATOR, r.args().stream().map(GradeReason::text).toList()));
    }

    /** An argument as the reason shows it: the decimals among them are the budget and its threshold, money. */
    private static String text(Object arg) {
        if (arg == null) {
            return "—";
        }
        return arg instanceof BigDecimal amount ? MoneyText.of(amount) : String.valueOf(arg);
    }

    public List<String> argList() {
        return args == null || args.isEmpty() ? List.of() : List.of(args.split(SEPARATOR, -1));
    }
}
