package com.lead2cash.approval.internal;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How an approval task's SLA deadline reads on the deadline screens: the approval's title, linking to it when the
 * reader may open it (a manager reading a report's task deadline may not be involved in the approval).
 */
@Component
public class ApprovalSubjects implements SubjectDescriber {

    private final JdbcClient jdbc;
    private final ApprovalService approvals;

    ApprovalSubjects(JdbcClient jdbc, ApprovalService approvals) {
        this.jdbc = jdbc;
        this.approvals = approvals;
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
        record Task(String id, UUID approvalId, String title) {
        }
        List<Task> tasks = jdbc.sql("select t.id, a.id as approval_id, a.title from approval_task t "
                        + "join approval a on a.id = t.approval where t.id in (:ids)").param("ids", ids)
                .query((rs, i) -> new Task(rs.getObject("id", UUID.class).toString(),
                        rs.getObject("approval_id", UUID.class), rs.getString("title")))
                .list();
        // whether an approval opens for the reader is the approval's own answer (involves, delegations included)
        Set<UUID> visible = tasks.isEmpty() ? Set.of() : CurrentUser.get()
                .map(me -> approvals.visibleAmong(tasks.stream().map(Task::approvalId).collect(Collectors.toSet()), me.id()))
                .orElse(Set.of());
        return tasks.stream().collect(Collectors.toMap(Task::id, t -> new SubjectLabel(t.title(),
                visible.contains(t.approvalId()) ? "/approvals/" + t.approvalId() : null)));
    }
}
