package com.lead2cash.opportunity.internal;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.sop.SubjectDescriptions;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How an opportunity reads where records are listed by type and id (the audit screen): its code and name, linking
 * to its page when the reader may open it (in scope, or invited to evaluate it).
 */
@Component
class OpportunitySubjects extends SubjectDescriptions {

    OpportunitySubjects(JdbcClient jdbc, OpportunityAccess access) {
        // "invited": an invitation of the reader's that grants the view (OpportunityAccess.VIEW_GRANTING_INVITATIONS)
        super(SubjectDescriptions.of(OpportunityAccess.SUBJECT, () -> jdbc.sql("""
                        select o.id, o.code, o.name, o.owner_id,
                               exists (select 1 from %s g where g.opportunity_id = o.id
                                       and g.invitee_id = :me) as invited
                        from opportunity_opportunity o where o.id in (:ids)"""
                        .formatted(OpportunityAccess.VIEW_GRANTING_INVITATIONS))
                        .param("me", CurrentUser.get().map(CurrentUser::id).orElse(null), java.sql.Types.OTHER))
                .label(rs -> rs.getString("code") + " " + rs.getString("name"))
                .link(rs -> "/opportunities/" + rs.getObject("id", UUID.class))
                .openTo(access::visibleOpportunities, (visible, rs) ->
                        visible.test(rs.getObject("owner_id", UUID.class), rs.getBoolean("invited"))));
    }
}
