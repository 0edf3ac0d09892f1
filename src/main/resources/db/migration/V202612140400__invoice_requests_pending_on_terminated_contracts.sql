-- Decision 0088 (repaired by 0102): a contract's termination cancels its invoice requests still waiting for finance.
-- Requests left PENDING_APPROVAL on contracts terminated before it are moved now as InvoiceService's listener of
-- ContractTerminated moves one, by no one (the audit line is the system's), at this moment:
--   - the request's approval, when it still runs (IN_PROGRESS), is withdrawn by its submitter (Approval.withdraw): its
--     open tasks skipped, the flow WITHDRAWN and ended, its history (审批记录) given the WITHDRAWN line, finance's
--     "approval waiting for you" notices settled (and what of them has not left the outbox withdrawn, as
--     OutboxNotifier.settle does). The finance step of an invoice request names no SLA rule, so no deadline runs;
--   - the request is CANCELLED, cancelled_on_termination, no reason typed, no one cancelling it, its amount free;
--   - the audit trail gets what saving them writes: each changed field of the approval and of the request (old → new,
--     as AggregateAuditListener renders it) and the request's INVOICE_CANCELLED line (invoice.audit.cancelledOnTermination).
-- The requester is not notified now (docs/decisions/0102). A request finance approved stays finance's to close (0088).
-- One statement; run again, it finds no pending request on a terminated contract and changes nothing.
with stuck as (
    select i.id, i.number, i.contract_number, i.approval_id, i.status, i.cancelled_at, i.cancelled_on_termination,
           i.updated_at
      from invoice_invoice i
      join contract_contract c on c.id = i.contract_id
     where i.status = 'PENDING_APPROVAL' and c.status = 'TERMINATED'
), running as (
    select a.id, s.id as invoice_id, a.round, a.submitter_id, a.state, a.ended_at
      from approval a
      join stuck s on s.approval_id = a.id
     where a.state = 'IN_PROGRESS'
), task_lists as (
    -- the approval's tasks as the audit trail writes them: each "id:STATE (acted by)", sorted, before and after
    select t.approval,
           '[' || string_agg(t.id || ':' || t.state || coalesce(' (' || t.acted_by || ')', ''), ', '
                             order by (t.id || ':' || t.state || coalesce(' (' || t.acted_by || ')', '')) collate "C")
               || ']' as before,
           '[' || string_agg(t.id || ':' || t.after || coalesce(' (' || t.acted_by || ')', ''), ', '
                             order by (t.id || ':' || t.after || coalesce(' (' || t.acted_by || ')', '')) collate "C")
               || ']' as after
      from (select t.*, case when t.state in ('PENDING', 'WAITING') then 'SKIPPED' else t.state end as after
              from approval_task t join running r on r.id = t.approval) t
     group by t.approval
), skipped as (
    update approval_task t set state = 'SKIPPED'
      from running r
     where t.approval = r.id and t.state in ('PENDING', 'WAITING')
    returning t.id
), withdrawn as (
    update approval a set state = 'WITHDRAWN', ended_at = now(), version = a.version + 1
      from running r
     where a.id = r.id
    returning a.id
), logged as (
    insert into approval_history (approval_id, round, event, actor_id, occurred_at)
    select r.id, r.round, 'WITHDRAWN', r.submitter_id, now()
      from running r join withdrawn w on w.id = r.id
), cancelled as (
    update invoice_invoice i
       set status = 'CANCELLED', cancelled_on_termination = true, cancelled_at = now(), updated_at = now(),
           version = i.version + 1
      from stuck s
     where i.id = s.id
    returning i.id
), said as (
    -- an instant as the audit trail writes it (Instant.toString: seconds always, the fraction in groups of three)
    select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
               || regexp_replace(to_char(now() at time zone 'UTC', '.US'), '^\.000000$|000$', '') || 'Z' as at_now
), audited as (
    insert into platform_audit_event (occurred_at, actor_id, actor_name, action, entity_type, entity_id, field,
                                      old_value, new_value, detail)
    select now(), null, 'system', e.action, e.entity_type, e.entity_id, e.field, e.old_value, e.new_value, e.detail
      from (select r.invoice_id, 1 as seq, 'UPDATE' as action, 'Approval' as entity_type, r.id::text as entity_id,
                   'state' as field, r.state as old_value, 'WITHDRAWN' as new_value, null as detail
              from running r
            union all
            select r.invoice_id, 2, 'UPDATE', 'Approval', r.id::text, 'tasks',
                   case when length(l.before) > 2000 then left(l.before, 2000) || '…' else l.before end,
                   case when length(l.after) > 2000 then left(l.after, 2000) || '…' else l.after end, null
              from running r join task_lists l on l.approval = r.id
             where l.before <> l.after
            union all
            select r.invoice_id, 3, 'UPDATE', 'Approval', r.id::text, 'endedAt',
                   to_char(r.ended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                       || regexp_replace(to_char(r.ended_at at time zone 'UTC', '.US'), '^\.000000$|000$', '') || 'Z',
                   said.at_now, null
              from running r, said
            union all
            select s.id, 4, 'UPDATE', 'Invoice', s.id::text, 'status', s.status, 'CANCELLED', null
              from stuck s
            union all
            select s.id, 5, 'UPDATE', 'Invoice', s.id::text, 'cancelledAt',
                   to_char(s.cancelled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                       || regexp_replace(to_char(s.cancelled_at at time zone 'UTC', '.US'), '^\.000000$|000$', '')
                       || 'Z',
                   said.at_now, null
              from stuck s, said
            union all
            select s.id, 6, 'UPDATE', 'Invoice', s.id::text, 'cancelledOnTermination', 'false', 'true', null
              from stuck s
             where not s.cancelled_on_termination
            union all
            select s.id, 7, 'UPDATE', 'Invoice', s.id::text, 'updatedAt',
                   to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                       || regexp_replace(to_char(s.updated_at at time zone 'UTC', '.US'), '^\.000000$|000$', '')
                       || 'Z',
                   said.at_now, null
              from stuck s, said
            union all
            select s.id, 8, 'INVOICE_CANCELLED', 'Invoice', s.id::text, null, null, null,
                   'invoice.audit.cancelledOnTermination' || chr(10) || s.number || chr(10) || s.contract_number
              from stuck s) e
     where e.old_value is distinct from e.new_value or e.field is null
     order by e.invoice_id, e.seq
), to_settle as (
    -- what the withdrawal settles: finance's notices of the tasks that waited, and any send-back notice of the flow
    select t.id as subject_id, 'approval.task.assigned' as kind
      from approval_task t join running r on r.id = t.approval
     where t.state = 'PENDING'
    union all
    select r.id, 'approval.sentBack' from running r
), settled as (
    update notification_message m set settled_at = now(), read_at = coalesce(m.read_at, now())
      from to_settle s
     where m.subject_id = s.subject_id and m.kind = s.kind and m.settled_at is null
    returning m.id
), withdrawn_lines as (
    update notification_delivery d set state = 'WITHDRAWN'
      from settled s
     where d.message_id = s.id
       and (d.state = 'PENDING'
            or d.state = 'DIGESTED' and exists (
                   select 1 from notification_delivery g
                    where g.digest_id = d.digest_id and g.message_id is null and g.state = 'PENDING'))
    returning d.id, d.digest_id
)
update notification_delivery g set state = 'WITHDRAWN'
 where g.message_id is null and g.state = 'PENDING'
   and g.digest_id in (select w.digest_id from withdrawn_lines w)
   and not exists (select 1 from notification_delivery l
                    where l.digest_id = g.digest_id and l.message_id is not null
                      and l.state = 'DIGESTED' and l.id not in (select w.id from withdrawn_lines w));
