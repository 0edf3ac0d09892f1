package com.lead2cash.approval.internal;

import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.internal.domain.Actor;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.Role;
import java.time.Instant;
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

    /** Pending tasks the actor may decide, oldest first; not their own submissions, not a step they already voted in. */
    public CursorPage<ApprovalSummary> pendingFor(Actor actor, String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        Set<UUID> people = new LinkedHashSet<>();
        people.add(actor.userId());
        people.addAll(actor.delegators().keySet());
        Set<String> roles = new LinkedHashSet<>();
        actor.roles().forEach(r -> roles.add(r.name()));
        actor.delegators().values().forEach(rs -> rs.forEach(r -> roles.add(r.name())));
        roles.add("-"); // keeps the in-list valid for a person without roles
        StringBuilder sql = new StringBuilder("""
                select t.id as task_id, t.step_index, s.name as step_name, t.assignee_id, t.assignee_role,
                       t.opened_at, a.id, a.subject_type, a.subject_id, a.title, a.state, a.round, a.submitter_id,
                       a.submitted_at
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
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode(cursor, 2);
            sql.append(" and (t.opened_at, t.id) > (:k0, :k1)");
            params.put("k0", key.timestamp(0));
            params.put("k1", key.uuid(1));
        }
        sql.append(" order by t.opened_at, t.id limit ").append(size + 1);
        List<ApprovalSummary> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
            UUID assignee = rs.getObject("assignee_id", UUID.class);
            String roleName = rs.getString("assignee_role");
            Role role = roleName == null ? null : Role.valueOf(roleName);
            UUID onBehalf = null;
            if (assignee != null && !assignee.equals(actor.userId())) {
                onBehalf = assignee;
            } else if (role != null && !actor.roles().contains(role)) {
                onBehalf = actor.delegatorWithRole(role).orElse(null);
            }
            PendingTask task = new PendingTask(rs.getObject("task_id", UUID.class), rs.getInt("step_index"),
                    rs.getString("step_name"), assignee, role, onBehalf, rs.getTimestamp("opened_at").toInstant());
            return summary(rs, task);
        }).list();
        return CursorPage.of(rows, size, r -> List.of(r.task().openedAt(), r.task().id()));
    }

    /** Pending tasks the actor may decide on records of one subject type, oldest first, at most {@code limit}. */
    public List<com.lead2cash.approval.PendingApproval> pendingOfType(Actor actor, String subjectType, int limit) {
        Set<UUID> people = new LinkedHashSet<>();
        people.add(actor.userId());
        people.addAll(actor.delegators().keySet());
        Set<String> roles = new LinkedHashSet<>();
        actor.roles().forEach(r -> roles.add(r.name()));
        actor.delegators().values().forEach(rs -> rs.forEach(r -> roles.add(r.name())));
        roles.add("-");
        return jdbc.sql("""
                select t.id as task_id, t.step_index, s.name as step_name, t.assignee_id, t.assignee_role, t.opened_at,
                       a.id, a.subject_type, a.subject_id, a.title
                from approval_task t
                join approval a on a.id = t.approval
                join approval_step_def s on s.approval = t.approval and s.position = t.step_index
                where t.state = 'PENDING' and a.subject_type = :type and a.submitter_id <> :me
                  and (t.assignee_id in (:people) or t.assignee_role in (:roles))
                  and not exists (select 1 from approval_task o where o.approval = t.approval and o.round = t.round
                                  and o.step_index = t.step_index and o.acted_by = :me)
                order by t.opened_at, t.id limit :limit
                """).param("type", subjectType).param("me", actor.userId()).param("people", people)
                .param("roles", roles).param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, i) -> {
                    String role = rs.getString("assignee_role");
                    return new com.lead2cash.approval.PendingApproval(rs.getObject("id", UUID.class),
                            rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("title"),
                            rs.getObject("task_id", UUID.class), rs.getInt("step_index"), rs.getString("step_name"),
                            rs.getObject("assignee_id", UUID.class), role == null ? null : Role.valueOf(role),
                            rs.getTimestamp("opened_at").toInstant());
                }).list();
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
            CursorPage.Key key = CursorPage.decode(cursor, 2);
            sql.append(" and (a.submitted_at, a.id) < (:k0, :k1)");
            params.put("k0", key.timestamp(0));
            params.put("k1", key.uuid(1));
        }
        sql.append(" order by a.submitted_at desc, a.id desc limit ").append(size + 1);
        List<ApprovalSummary> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> summary(rs, null)).list();
        return CursorPage.of(rows, size, r -> List.of(r.submittedAt(), r.id()));
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

    /** The approvals in progress in whose current step the person holds an open task (pending or waiting its turn). */
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
