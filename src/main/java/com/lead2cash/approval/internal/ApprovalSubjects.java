package com.lead2cash.approval.internal;

import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How an approval task's SLA deadline reads on the deadline screens: the approval's title, linking to it. */
@Component
public class ApprovalSubjects implements SubjectDescriber {

    private final JdbcClient jdbc;

    ApprovalSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String subjectType() {
        return ApprovalService.TASK_SUBJECT;
    }

    @Override
    public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
        List<UUID> ids = SubjectDescriber.uuids(subjectIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select t.id, a.id as approval_id, a.title from approval_task t join approval a on a.id = t.approval "
                        + "where t.id in (:ids)").param("ids", ids)
                .query((rs, i) -> Map.entry(rs.getObject("id", UUID.class).toString(),
                        new SubjectLabel(rs.getString("title"), "/approvals/" + rs.getObject("approval_id", UUID.class))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
