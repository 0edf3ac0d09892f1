package com.lead2cash.lead.internal.domain;

import com.lead2cash.lead.internal.grading.Criterion;
import com.lead2cash.lead.internal.grading.CriterionResult;
import java.util.List;
import org.springframework.data.relational.core.mapping.Table;

/** Why one grading criterion was met or not, as a bundle key and its arguments (stored for display). */
@Table("lead_grade_reason")
public record GradeReason(Criterion criterion, boolean met, String messageKey, String args) {

    public static final String SEPARATOR = "\u001f";

    static GradeReason of(CriterionResult r) {
        return new GradeReason(r.criterion(), r.met(), r.messageKey(),
                String.join(SEPARATOR, r.args().stream().map(a -> a == null ? "—" : String.valueOf(a)).toList()));
    }

    public List<String> argList() {
        return args == null || args.isEmpty() ? List.of() : List.of(args.split(SEPARATOR, -1));
    }
}
