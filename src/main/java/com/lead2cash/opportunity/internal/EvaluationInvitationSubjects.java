package com.lead2cash.opportunity.internal;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.sop.SubjectDescriptions;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How an invited evaluator's O2 deadline reads on the deadline screens: the opportunity, linking to it when the
 * reader may open it (an invitation withdrawn, or an opportunity reassigned out of the reader's scope, closes it).
 */
@Component
class EvaluationInvitationSubjects extends SubjectDescriptions {

    EvaluationInvitationSubjects(JdbcClient jdbc, OpportunityAccess access) {
        // "invited": an invitation of the reader's that grants the view (OpportunityAccess.VIEW_GRANTING_INVITATIONS)
        super(SubjectDescriptions.of(OpportunityService.INVITATION_SUBJECT, () -> jdbc.sql("""
                        select i.id, o.id as opportunity_id, o.code, o.name, o.owner_id,
                               exists (select 1 from %s g where g.opportunity_id = o.id
                                       and g.invitee_id = :me) as invited
                        from opportunity_evaluation_invitation i join opportunity_opportunity o on o.id = i.opportunity_id
                        where i.id in (:ids)"""
                        .formatted(OpportunityAccess.VIEW_GRANTING_INVITATIONS))
                        .param("me", CurrentUser.get().map(CurrentUser::id).orElse(null), java.sql.Types.OTHER))
                .label(rs -> rs.getString("code") + " " + rs.getString("name"))
                .link(rs -> "/opportunities/" + rs.getObject("opportunity_id", UUID.class))
                .openTo(access::visibleOpportunities, (visible, rs) ->
                        visible.test(rs.getObject("owner_id", UUID.class), rs.getBoolean("invited"))));
    }
}
