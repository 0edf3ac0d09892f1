package com.lead2cash.sop.internal.deadline;

import com.lead2cash.sop.SubjectDescriber;
import com.lead2cash.sop.SubjectRef;
import com.lead2cash.sop.Subjects;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Asks the owning modules how subjects read, one describer per subject type. */
@Component
class SubjectLabels implements Subjects {

    private final Map<String, SubjectDescriber> describers;

    SubjectLabels(List<SubjectDescriber> describers) {
        this.describers = describers.stream().collect(Collectors.toMap(SubjectDescriber::subjectType, d -> d, (a, b) -> a));
    }

    /** The subjects of a page of deadlines. */
    Map<String, SubjectDescriber.SubjectLabel> of(Collection<DeadlineQueries.Row> rows) {
        return labels(rows.stream().map(r -> new SubjectRef(r.subjectType(), r.subjectId())).toList());
    }

    @Override
    public Map<String, SubjectDescriber.SubjectLabel> labels(Collection<SubjectRef> subjects) {
        Map<String, SubjectDescriber.SubjectLabel> labels = new HashMap<>();
        subjects.stream().collect(Collectors.groupingBy(SubjectRef::type,
                        Collectors.mapping(SubjectRef::id, Collectors.toSet())))
                .forEach((type, ids) -> {
                    SubjectDescriber describer = describers.get(type);
                    if (describer != null) {
                        describer.describe(ids).forEach((id, label) ->
                                labels.put(Subjects.key(new SubjectRef(type, id)), label));
                    }
                });
        return labels;
    }
}
