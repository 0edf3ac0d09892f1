package com.lead2cash.lead.internal;

import java.util.List;
import org.springframework.data.relational.core.mapping.Table;

/** Why one grading criterion was met or not, as a bundle key and its arguments (stored for display). */
@Table("lead_grade_reason")
record GradeReason(Criterion criterion, boolean met, String messageKey, String args) {

    static final String SEPARATOR = "\u001f";

    static GradeReason of(CriterionResult r) {
        return new GradeReason(r.criterion(), r.met(), r.messageKey(),
                String.join(SEPARATOR, r.args().stream().map(a -> a == null ? "—" : String.valueOf(a)).toList()));
    }

    List<String> argList() {
        return args == null || args.isEmpty() ? List.of() : List.of(args.split(SEPARATOR, -1));
    }
}
