package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How a lead reads on the deadline screens: its code and company, linking to its page when the reader may open it. */
@Component
public class LeadSubjects implements SubjectDescriber {

    private final JdbcClient jdbc;
    private final LeadAccess access;

    LeadSubjects(JdbcClient jdbc, LeadAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public String subjectType() {
        return Lead.SUBJECT;
    }

    @Override
    public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
        BiPredicate<UUID, UUID> readable = access.readableByOwnerAndCapturer();
        return SubjectDescriber.byRows(jdbc.sql(
                        "select id, code, company_name, owner_id, captured_by from lead_lead where id in (:ids)"), subjectIds,
                rs -> new SubjectLabel(rs.getString("code") + " " + rs.getString("company_name"),
                        readable.test(rs.getObject("owner_id", UUID.class), rs.getObject("captured_by", UUID.class))
                                ? "/leads/" + rs.getObject("id", UUID.class) : null));
    }
}
