package com.lead2cash.approval.internal;

import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.internal.domain.Actor;
import com.lead2cash.approval.internal.domain.Approval;
import com.lead2cash.approval.internal.domain.FlowStep;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The inbox lists: tasks waiting for a person (own, role pool, delegated) and the person's submissions. */
@Component
@Transactional(readOnly = true)
public class ApprovalQueries {

    /**
     * One line of a list: the approval, and for the pending list the task waiting for the caller.
     * {@code onBehalfOf} names the delegator when the task is in the list by delegation.
     */
    public record ApprovalSummary(UUID id, String subjectType, String subjectId, String title,
                                  ApprovalView.State state, int round, UUID submitterId, Instant submittedAt,
                                  PendingTask task) {
    }

    public record PendingTask(UUID id, int stepIndex, String stepName, UUID assigneeId, Role assigneeRole,
                              UUID onBehalfOf, Instant openedAt) {
    }

    private final JdbcClient jdbc;

    ApprovalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * At most this many reads of a page's length make up one page of a pending list that has a task to show (see
     * {@link #pendingRows}); one that has none yet reads on, {@link #READ_ON} tasks at a time.
     */
    static final int MAX_READS = 10;

    /** How many tasks a pending list reads at a time past {@link #MAX_READS} reads with none kept. */
    static final int READ_ON = CursorPage.MAX_SIZE;

    /**
     * Pending tasks the actor may decide, oldest first; not their own submissions, not a step they already voted in, not
     * one naming a person who no longer fits its step (0092: opening it would answer 404).
     */
    public CursorPage<ApprovalSummary> pendingFor(Actor actor, String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        Instant afterAt = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("approval-pending", cursor, 2);
            afterAt = key.timestamp(0).toInstant();
            afterId = key.uuid(1);
        }
        Pending pending = pendingRows(actor, null, afterAt, afterId, size + 1);
        List<ApprovalSummary> rows = pending.rows().stream().map(r -> r.summary(actor)).toList();
        if (pending.lastRead() != null && rows.size() <= size) {
            // the reads stopped before the list's end: a shorter page, its cursor after the last task read
            PendingRow last = pending.lastRead();
            return CursorPage.readUpTo("approval-pending", rows, List.of(last.openedAt(), last.taskId()));
        }
        return CursorPage.of("approval-pending", rows, size, r -> List.of(r.task().openedAt(), r.task().id()));
    }

    /**
     * Pending tasks the actor may decide on records of one subject type, oldest first, at most {@code limit}; as
     * {@link #pendingFor} lists them.
     */
    public List<com.lead2cash.approval.PendingApproval> pendingOfType(Actor actor, String subjectType, int limit) {
        return pendingRows(actor, subjectType, null, null, Math.max(1, Math.min(limit, 500))).rows().stream()
                .map(r -> new com.lead2cash.approval.PendingApproval(r.approvalId(), r.subjectType(), r.subjectId(),
                        r.title(), r.taskId(), r.stepIndex(), r.stepName(), r.assigneeId(), r.assigneeRole(),
                        r.openedAt()))
                .toList();
    }

    /** A pending task as the inbox reads it, with what tells whether the person it names still fits its step. */
    private record PendingRow(UUID taskId, int stepIndex, String stepName, UUID assigneeId, Role assigneeRole,
                              Instant openedAt, UUID approvalId, String subjectType, String subjectId, String title,
                              ApprovalView.State state, int round, int taskRound, UUID submitterId, Instant submittedAt,
                              List<ApproverRule> approvers, UUID standsInFor) {

        /**
         * Docs/decisions/0092: a pool's task is its role's; a task naming a person is theirs (or their delegator's)
         * while the aggregate's rule says it still names them ({@link Approval#stillNames}, the fit asked once a
         * question, {@link Actor#fit()}). The row is a pending task: open.
         */
        boolean stillNames(Actor actor) {
            return assigneeId == null || Approval.stillNames(state, round, true, taskRound, assigneeId,
                    () -> approvers, submitterId, standsInFor, actor.fit());
        }

        ApprovalSummary summary(Actor actor) {
            UUID onBehalf = null;
            if (assigneeId != null && !assigneeId.equals(actor.userId())) {
                onBehalf = assigneeId;
            } else if (assigneeRole != null && !actor.roles().contains(assigneeRole)) {
                onBehalf = actor.delegatorWithRole(assigneeRole).orElse(null);
            }
            return new ApprovalSummary(approvalId, subjectType, subjectId, title, state, round, submitterId,
                    submittedAt, new PendingTask(taskId, stepIndex, stepName, assigneeId, assigneeRole, onBehalf,
                    openedAt));
        }
    }

    /**
     * The rows read: up to {@code wanted} of the actor's, at least one unless there is none, and the last task read when
     * the reads stopped before the list's end with fewer ({@code null} when the rows are all there are, or as many as
     * wanted).
     */
    private record Pending(List<PendingRow> rows, PendingRow lastRead) {
    }

    /**
     * Pending tasks the actor may decide, oldest first, after the key given: their own, their delegators', their roles'
     * pools (not their submissions, not a step they voted in); of one subject type when given. A task naming a person
     * who no longer fits its step (left with them by a change that did not hand it on, 0092) is passed over, and as
     * many more are read as were passed over — {@link #MAX_READS} reads at most, so that a list of many such tasks
     * answers a shorter page, its cursor after the last one read. Never an empty one whose cursor goes on: with nothing
     * kept after those reads it reads on, {@link #READ_ON} tasks at a time, until a task is the actor's or none is left —
     * a scan bounded by the tasks naming the actor and their delegators (a pool's task is always kept).
     */
    private Pending pendingRows(Actor actor, String subjectType, Instant afterAt, UUID afterId, int wanted) {
        Set<UUID> people = new LinkedHashSet<>();
        people.add(actor.userId());
        people.addAll(actor.delegators().keySet());
        Set<String> roles = new LinkedHashSet<>();
        actor.roles().forEach(r -> roles.add(r.name()));
        actor.delegators().values().forEach(rs -> rs.forEach(r -> roles.add(r.name())));
        roles.add("-"); // keeps the in-list valid for a person without roles
        List<PendingRow> kept = new ArrayList<>();
        PendingRow last = null;
        for (int read = 0; read < MAX_READS || kept.isEmpty(); read++) {
            StringBuilder sql = new StringBuilder("""
                    select t.id as task_id, t.step_index, s.name as step_name, t.assignee_id, t.assignee_role,
                           t.opened_at, t.round as task_round, t.stands_in_for, s.approvers, a.id, a.subject_type,
                           a.subject_id, a.title, a.state, a.round, a.submitter_id, a.submitted_at
                    from approval_task t
                    join approval a on a.id = t.approval
                    join approval_step_def s on s.approval = t.approval and s.position = t.step_index
                    where t.state = 'PENDING' and a.submitter_id <> :me
                      and (t.assignee_id in (:people) or t.assignee_role in (:roles))
                      and not exists (select 1 from approval_task o where o.approval = t.approval and o.round = t.round
                                      and o.step_index = t.step_index and o.acted_by = :me)
                    """);
            Map<String, Object> params = new HashMap<>();
            params.put("me", actor.userId());
            params.put("people", people);
            params.put("roles", roles);
            if (subjectType != null) {
                sql.append(" and a.subject_type = :type");
                params.put("type", subjectType);
            }
            if (afterAt != null) {
                sql.append(" and (t.opened_at, t.id) > (:k0, :k1)");
                params.put("k0", java.sql.Timestamp.from(afterAt));
                params.put("k1", afterId);
            }
            // past the reads of a page's length, only while none is kept: more at a time, the page cut at wanted
            int asked = read < MAX_READS ? wanted - kept.size() : Math.max(wanted, READ_ON);
            sql.append(" order by t.opened_at, t.id limit ").append(asked);
            List<PendingRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
                String role = rs.getString("assignee_role");
                return new PendingRow(rs.getObject("task_id", UUID.class), rs.getInt("step_index"),
                        rs.getString("step_name"), rs.getObject("assignee_id", UUID.class),
                        role == null ? null : Role.valueOf(role), rs.getTimestamp("opened_at").toInstant(),
                        rs.getObject("id", UUID.class), rs.getString("subject_type"), rs.getString("subject_id"),
                        rs.getString("title"), ApprovalView.State.valueOf(rs.getString("state")), rs.getInt("round"),
                        rs.getInt("task_round"), rs.getObject("submitter_id", UUID.class),
                        rs.getTimestamp("submitted_at").toInstant(), FlowStep.rulesOf(rs.getString("approvers")),
                        rs.getObject("stands_in_for", UUID.class));
            }).list();
            for (PendingRow row : rows) {
                if (kept.size() < wanted && row.stillNames(actor)) {
                    kept.add(row);
                }
            }
            if (rows.size() < asked || kept.size() == wanted) {
                return new Pending(kept, null);
            }
            last = rows.get(rows.size() - 1);
            afterAt = last.openedAt();
            afterId = last.taskId();
        }
        return new Pending(kept, last);
    }

    /** Approvals the person submitted, newest first. */
    public CursorPage<ApprovalSummary> submittedBy(UUID submitterId, String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        StringBuilder sql = new StringBuilder("""
                select a.id, a.subject_type, a.subject_id, a.title, a.state, a.round, a.submitter_id, a.submitted_at
                from approval a where a.submitter_id = :me
                """);
        Map<String, Object> params = new HashMap<>();
        params.put("me", submitterId);
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("approval-submitted", cursor, 2);
            sql.append(" and (a.submitted_at, a.id) < (:k0, :k1)");
            params.put("k0", key.timestamp(0));
            params.put("k1", key.uuid(1));
        }
        sql.append(" order by a.submitted_at desc, a.id desc limit ").append(size + 1);
        List<ApprovalSummary> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> summary(rs, null)).list();
        return CursorPage.of("approval-submitted", rows, size, r -> List.of(r.submittedAt(), r.id()));
    }

    /** The approvals of this record that an approver sent back to their submitter and that wait for them still. */
    public List<UUID> sentBackOf(String subjectType, String subjectId) {
        return jdbc.sql("""
                select id from approval where subject_type = :type and subject_id = :id and state = 'SENT_BACK'
                """).param("type", subjectType).param("id", subjectId).query(UUID.class).list();
    }

    private static ApprovalSummary summary(java.sql.ResultSet rs, PendingTask task) throws java.sql.SQLException {
        return new ApprovalSummary(rs.getObject("id", UUID.class), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("title"), ApprovalView.State.valueOf(rs.getString("state")),
                rs.getInt("round"), rs.getObject("submitter_id", UUID.class),
                rs.getTimestamp("submitted_at").toInstant(), task);
    }

    /**
     * The approvals in progress with an open task of a person in their current step, or submitted by the person with
     * one of anyone (0092: their manager is another when they move), by id.
     */
    public List<UUID> withOpenTasksOfOrSubmittedBy(UUID userId) {
        return jdbc.sql("""
                select distinct a.id from approval a join approval_task t on t.approval = a.id
                where a.state = 'IN_PROGRESS' and (t.assignee_id = :user or a.submitter_id = :user)
                  and t.assignee_id is not null and t.state in ('PENDING', 'WAITING')
                  and t.round = a.round and t.step_index = a.current_step
                order by a.id
                """).param("user", userId).query(UUID.class).list();
    }

    public List<UUID> withOpenTasksOf(UUID userId) {
        return jdbc.sql("""
                select distinct a.id from approval a join approval_task t on t.approval = a.id
                where a.state = 'IN_PROGRESS' and t.assignee_id = :user and t.state in ('PENDING', 'WAITING')
                  and t.round = a.round and t.step_index = a.current_step
                order by a.id
                """).param("user", userId).query(UUID.class).list();
    }

    /**
     * An open task of a role's pool in the current step of an approval in progress: pending, or waiting for its turn;
     * its step's SLA rule, and whether {@code userId} (of {@link #openPoolTasksOf}) decided in that step already.
     */
    public record PoolTask(UUID taskId, UUID approvalId, String title, UUID submitterId, Role role, boolean pending,
                           String slaRuleId, boolean decidedInStep) {
    }

    /** The open pool tasks of these roles (0074), oldest first; {@code userId} null asks no one's part in the step. */
    public List<PoolTask> openPoolTasksOf(Set<Role> roles, UUID userId) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select t.id as task_id, a.id, a.title, a.submitter_id, t.assignee_role, t.state, s.sla_rule_id,
                       exists (select 1 from approval_task o where o.approval = t.approval and o.round = t.round
                               and o.step_index = t.step_index and o.acted_by = :user) as decided
                from approval a join approval_task t on t.approval = a.id
                join approval_step_def s on s.approval = t.approval and s.position = t.step_index
                where a.state = 'IN_PROGRESS' and t.assignee_role in (:roles) and t.state in ('PENDING', 'WAITING')
                  and t.round = a.round and t.step_index = a.current_step
                order by t.opened_at nulls last, t.id
                """).param("roles", roles.stream().map(Role::name).toList())
                .param("user", userId == null ? new UUID(0, 0) : userId)
                .query((rs, i) -> new PoolTask(rs.getObject("task_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getString("title"), rs.getObject("submitter_id", UUID.class),
                        Role.valueOf(rs.getString("assignee_role")), "PENDING".equals(rs.getString("state")),
                        rs.getString("sla_rule_id"), rs.getBoolean("decided"))).list();
    }
}
