package com.lead2cash.approval.internal.web;

import com.lead2cash.sop.SubjectDescriber;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What an approval decides on (a quote, a contract, an invoice, a customer's credit), as the module that owns it
 * describes it to the reader: its label, and its page when the reader may open it — so an approver reads the whole
 * quote or contract, not only the facts the approval carries.
 */
@Component
class ApprovedSubjects {

    private final Map<String, SubjectDescriber> byType;

    ApprovedSubjects(List<SubjectDescriber> describers) {
        this.byType = describers.stream().collect(Collectors.toMap(SubjectDescriber::subjectType, Function.identity(),
                (a, b) -> a));
    }

    /** The subject as the reader on this thread may follow it; empty when no module describes it. */
    Optional<SubjectDescriber.SubjectLabel> of(String subjectType, String subjectId) {
        return Optional.ofNullable(byType.get(subjectType))
                .map(d -> d.describe(List.of(subjectId)).get(subjectId));
    }
}
