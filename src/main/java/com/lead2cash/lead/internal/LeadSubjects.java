package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.sop.SubjectDescriptions;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a lead reads on the deadline screens: its code and company, linking to its page when the reader may open it.
 * A reader who does not work with leads ({@link LeadAccess#READERS}: finance, legal, …) sees its deadlines for the
 * compliance figures, as the deadline API shows them, by the lead's code alone: no company, no link.
 */
@Component
public class LeadSubjects extends SubjectDescriptions {

    LeadSubjects(JdbcClient jdbc, LeadAccess access) {
        super(SubjectDescriptions.of(Lead.SUBJECT, () -> jdbc.sql(
                        "select id, code, company_name, owner_id, captured_by from lead_lead where id in (:ids)"))
                .label(rs -> LeadAccess.readsLeads() ? rs.getString("code") + " " + rs.getString("company_name")
                        : rs.getString("code"))
                .link(rs -> "/leads/" + rs.getObject("id", UUID.class))
                .openTo(access::readableByOwnerAndCapturer, (readable, rs) ->
                        readable.test(rs.getObject("owner_id", UUID.class), rs.getObject("captured_by", UUID.class))));
    }
}
