package com.lead2cash.opportunity.internal;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How an invited evaluator's O2 deadline reads on the deadline screens: the opportunity, linking to it when the
 * reader may open it (an invitation withdrawn, or an opportunity reassigned out of the reader's scope, closes it).
 */
@Component
class EvaluationInvitationSubjects implements SubjectDescriber {

    private final JdbcClient jdbc;
    private final OpportunityAccess access;

    EvaluationInvitationSubjects(JdbcClient jdbc, OpportunityAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public String subjectType() {
        return OpportunityService.INVITATION_SUBJECT;
    }

    @Override
    public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
        BiPredicate<UUID, Boolean> visible = access.visibleOpportunities();
        UUID me = CurrentUser.get().map(CurrentUser::id).orElse(null);
        // "invited": an invitation of the reader's that is not withdrawn (EvaluationInvitation.grantsView)
        return SubjectDescriber.byRows(jdbc.sql("""
                        select i.id, o.id as opportunity_id, o.code, o.name, o.owner_id,
                               exists (select 1 from opportunity_evaluation_invitation g where g.opportunity_id = o.id
                                       and g.invitee_id = :me and g.withdrawn_at is null) as invited
                        from opportunity_evaluation_invitation i join opportunity_opportunity o on o.id = i.opportunity_id
                        where i.id in (:ids)""")
                .param("me", me, java.sql.Types.OTHER), subjectIds,
                rs -> new SubjectLabel(rs.getString("code") + " " + rs.getString("name"),
                        visible.test(rs.getObject("owner_id", UUID.class), rs.getBoolean("invited"))
                                ? "/opportunities/" + rs.getObject("opportunity_id", UUID.class) : null));
    }
}
