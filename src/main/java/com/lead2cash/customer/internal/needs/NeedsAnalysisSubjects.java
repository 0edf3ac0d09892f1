package com.lead2cash.customer.internal.needs;

import com.lead2cash.confirmation.ConfirmationSubjects;
import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a needs-analysis report reads on the deadline screens (its C6 deadline) and on its confirmations:
 * "需求分析报告 · 客户名", linking to the customer's reports, owned by the customer's owner now. On the deadline
 * screens the link is there only while the reader may see that customer (a transferred one may be out of reach).
 */
@Component
class NeedsAnalysisSubjects implements SubjectDescriber {

    static final String TYPE = "NeedsAnalysis";

    private final JdbcClient jdbc;
    private final CustomerAccess access;

    NeedsAnalysisSubjects(JdbcClient jdbc, CustomerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public String subjectType() {
        return TYPE;
    }

    @Override
    public Map<String, SubjectLabel> describe(Collection<String> reportIds) {
        Predicate<UUID> visible = access.visibleOwners();
        return find(reportIds).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new SubjectLabel(e.getValue().label(),
                        visible.test(e.getValue().ownerId()) ? e.getValue().link() : null)));
    }

    /** The same reports as subjects of their confirmations (one per version sent): label, link and owner. */
    @Component
    static class OfConfirmations implements ConfirmationSubjects {

        private final NeedsAnalysisSubjects subjects;

        OfConfirmations(NeedsAnalysisSubjects subjects) {
            this.subjects = subjects;
        }

        @Override
        public String subjectType() {
            return TYPE;
        }

        @Override
        public Map<String, SubjectInfo> describe(Collection<String> reportIds) {
            return subjects.find(reportIds);
        }
    }

    Map<String, ConfirmationSubjects.SubjectInfo> find(Collection<String> reportIds) {
        List<UUID> ids = SubjectDescriber.uuids(reportIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        // the customer the report belongs to now (merges move reports), and its owner now
        return jdbc.sql("""
                        select distinct on (a.report_id) a.report_id, c.id as customer_id, c.code, c.name, c.owner_id
                        from customer_needs_analysis a join customer_customer c on c.id = a.customer_id
                        where a.report_id in (:ids)
                        order by a.report_id, a.number desc""")
                .param("ids", ids)
                .query((rs, i) -> Map.entry(rs.getObject("report_id", UUID.class).toString(),
                        new ConfirmationSubjects.SubjectInfo(rs.getString("code") + " " + rs.getString("name"),
                                NeedsAnalysisController.pagePath(rs.getObject("customer_id", UUID.class)),
                                rs.getObject("owner_id", UUID.class))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
