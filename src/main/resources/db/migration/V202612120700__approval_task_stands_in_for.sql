-- Docs/decisions/0092: a task handed on to the delegate standing in for its deactivated approver (0073) keeps whom they
-- stand in for: they decide it while they hold that person's approval authority (0069), as a delegate would.
alter table approval_task add column stands_in_for uuid;

-- the open tasks already handed on: the person each was last moved from, when it was moved to its present approver
update approval_task t set stands_in_for = moved.from_user
from (select distinct on (h.task_id) h.task_id, substring(h.detail from 6 for 36)::uuid as from_user,
             substring(h.detail from 48)::uuid as to_user
      from approval_history h
      where h.event = 'REASSIGNED' and h.detail ~ '^USER:[0-9a-f-]{36}>USER:[0-9a-f-]{36}$'
      order by h.task_id, h.id desc) moved
where moved.task_id = t.id and moved.to_user = t.assignee_id and t.state in ('PENDING', 'WAITING');
