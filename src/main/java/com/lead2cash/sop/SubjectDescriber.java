package com.lead2cash.sop;

import com.lead2cash.platform.RecordNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lets the module that owns a kind of subject say how a deadline's subject reads on screen ("L-2026-000123
 * 上海某某公司") and where it lives ("/leads/…"). A module contributes one bean per subject type it
 * opens deadlines for; without one, screens show the type and id. A deadline stays on its owner's (and their
 * team's) screens after its record moved out of their read scope (a lead reassigned, a customer transferred):
 * the label is still theirs to read, the link only when the page would open for them.
 *
 * <p>A subject is a record of its module, so a describer also names it where the platform lists records (the audit
 * trail, {@link RecordNames}): the subject type is the record type there when the two are the same word.
 */
public interface SubjectDescriber extends RecordNames {

    /** The {@link SubjectRef#type()} this describer knows. */
    String subjectType();

    /**
     * Labels for the given subject ids, as the person on this thread may follow them: the link only to a page
     * the module's own access rules open for them (no one on the thread: no link). Ids it does not know are
     * simply absent. One query for the lot, not one per id ({@link SubjectDescriptions} is the usual way).
     */
    Map<String, SubjectLabel> describe(Collection<String> subjectIds);

    @Override
    default String recordType() {
        return subjectType();
    }

    @Override
    default Map<String, RecordName> names(Collection<String> ids) {
        Map<String, RecordName> names = new HashMap<>();
        describe(ids).forEach((id, label) -> names.put(id, new RecordName(label.label(), label.link())));
        return names;
    }

    /** The ids that are UUIDs (most subjects' are), skipping any that are not. */
    static List<UUID> uuids(Collection<String> subjectIds) {
        return RecordNames.uuids(subjectIds);
    }

    /** How a subject reads; link: the page's app-relative path when the reader may open it, else null. */
    record SubjectLabel(String label, String link) {
    }
}
