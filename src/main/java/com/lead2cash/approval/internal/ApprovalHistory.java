package com.lead2cash.approval.internal;

import com.lead2cash.approval.ApprovalRemark;
import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.internal.domain.Happening;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only history of approvals (审批记录): written once per event, never changed. */
@Component
public class ApprovalHistory {

    private final JdbcClient jdbc;

    ApprovalHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(UUID approvalId, Happening.Logged line) {
        jdbc.sql("""
                insert into approval_history (approval_id, round, event, step_index, task_id, actor_id, on_behalf_of,
                                              comment, detail, occurred_at)
                values (:approval, :round, :event, :step, :task, :actor, :onBehalfOf, :comment, :detail, :at)
                """)
                .param("approval", approvalId).param("round", line.round()).param("event", line.event())
                .param("step", line.stepIndex()).param("task", line.taskId()).param("actor", line.actorId())
                .param("onBehalfOf", line.onBehalfOf()).param("comment", line.comment())
                .param("detail", line.detail()).param("at", Timestamp.from(line.at()))
                .update();
    }

    List<ApprovalView.HistoryEntry> of(UUID approvalId) {
        return jdbc.sql("""
                select occurred_at, round, event, step_index, task_id, actor_id, on_behalf_of, comment, detail
                from approval_history where approval_id = :approval order by id
                """).param("approval", approvalId)
                .query((rs, i) -> new ApprovalView.HistoryEntry(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getInt("round"), rs.getString("event"), rs.getObject("step_index", Integer.class),
                        rs.getObject("task_id", UUID.class), rs.getObject("actor_id", UUID.class),
                        rs.getObject("on_behalf_of", UUID.class), rs.getString("comment"), rs.getString("detail")))
                .list();
    }

    /** Remarks on sections given with a decision; append-only like the history. */
    void appendRemarks(UUID approvalId, Happening.Remarked remarked) {
        int position = 0;
        for (ApprovalRemark r : remarked.remarks()) {
            jdbc.sql("""
                    insert into approval_remark (approval_id, task_id, round, position, section, text, occurred_at)
                    values (:approval, :task, :round, :position, :section, :text, :at)
                    """).param("approval", approvalId).param("task", remarked.taskId()).param("round", remarked.round())
                    .param("position", position++).param("section", r.section()).param("text", r.text())
                    .param("at", Timestamp.from(remarked.at())).update();
        }
    }

    /** Every remark given on the approval, by the task whose decision gave it, in the order given. */
    Map<UUID, List<ApprovalRemark>> remarksOf(UUID approvalId) {
        Map<UUID, List<ApprovalRemark>> byTask = new LinkedHashMap<>();
        jdbc.sql("select task_id, section, text from approval_remark where approval_id = :a order by id")
                .param("a", approvalId)
                .query(rs -> {
                    byTask.computeIfAbsent(rs.getObject("task_id", UUID.class), k -> new ArrayList<>())
                            .add(new ApprovalRemark(rs.getString("section"), rs.getString("text")));
                });
        return byTask;
    }
}
