package com.lead2cash.approval.internal;

import com.lead2cash.approval.internal.domain.Reassignment;
import com.lead2cash.platform.HandedOnWork;
import com.lead2cash.platform.UserDeactivated;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Docs/decisions/0073: a deactivated approver's open tasks are handed on in the administrator's own transaction — an
 * approval never waits for someone who can no longer sign in — and the administrator is told where they went.
 */
@Component
class DeactivatedApprovers implements HandedOnWork {

    static final String KIND = "APPROVAL_TASK";

    private final ApprovalService service;
    private final JdbcClient jdbc;

    DeactivatedApprovers(ApprovalService service, JdbcClient jdbc) {
        this.service = service;
        this.jdbc = jdbc;
    }

    /** Heard in the deactivation's transaction, not after it: its answer says where the tasks went. */
    @EventListener
    void on(UserDeactivated deactivated) {
        service.handOnTasksOf(deactivated.userId(), deactivated.by());
    }

    /** The tasks moved from the person since then, each with its approval and where it went, as the history says. */
    @Override
    public List<Handover> handedOnFrom(UUID userId, Instant since) {
        return jdbc.sql("""
                select h.detail, a.id, a.title from approval_history h join approval a on a.id = h.approval_id
                where h.event = :event and h.detail like :from and h.occurred_at >= :since
                order by h.id
                """).param("event", Reassignment.EVENT)
                .param("from", Reassignment.detailPrefix(userId) + "%")
                .param("since", Timestamp.from(since))
                .query((rs, i) -> {
                    UUID approval = rs.getObject("id", UUID.class);
                    String title = rs.getString("title");
                    return Reassignment.parse(rs.getString("detail"))
                            .map(r -> new Handover(KIND, approval, title, r.toUserId(), r.toRole())).orElse(null);
                })
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }
}
