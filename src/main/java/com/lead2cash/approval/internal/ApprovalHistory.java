package com.lead2cash.approval.internal;

import com.lead2cash.approval.ApprovalView;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only history of approvals (审批记录): written once per event, never changed. */
@Component
class ApprovalHistory {

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
}
