package com.lead2cash.sop;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the subjects of any module read to the reader on this thread: each asked of the module that owns its type
 * (its {@link SubjectDescriber}), so a page that lists deadlines, approvals or replayed decisions names and links
 * quotes, contracts and customers without knowing their modules.
 */
public interface Subjects {

    /** Labels of the subjects a describer knows (one describer call per type); keyed {@link #key}. */
    Map<String, SubjectDescriber.SubjectLabel> labels(Collection<SubjectRef> subjects);

    /** One subject's label; empty when no module describes it or its module does not know the id. */
    default Optional<SubjectDescriber.SubjectLabel> label(SubjectRef subject) {
        return Optional.ofNullable(labels(List.of(subject)).get(key(subject)));
    }

    /** The key of a subject in {@link #labels}: "type:id", as pages look labels up. */
    static String key(SubjectRef subject) {
        return subject.type() + ":" + subject.id();
    }
}
