package com.lead2cash.opportunity.internal;

import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How an invited evaluator's O2 deadline reads on the deadline screens: the opportunity, linking to it. */
@Component
class EvaluationInvitationSubjects implements SubjectDescriber {

    private final JdbcClient jdbc;

    EvaluationInvitationSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String subjectType() {
        return OpportunityService.INVITATION_SUBJECT;
    }

    @Override
    public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
        List<UUID> ids = SubjectDescriber.uuids(subjectIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select i.id, o.id as opportunity_id, o.code, o.name from opportunity_evaluation_invitation i "
                        + "join opportunity_opportunity o on o.id = i.opportunity_id where i.id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class).toString(),
                        new SubjectLabel(rs.getString("code") + " " + rs.getString("name"),
                                "/opportunities/" + rs.getObject("opportunity_id", UUID.class))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
