-- A contract resubmitted after its owner withdrew its approval (decision 0068) is reviewed in a new flow, whose rounds
-- start at 1 while the contract counts its submissions. The contract followed its approval only while the two rounds
-- agreed or it was IN_REVIEW, so in FINAL_APPROVAL it heard nothing more: its approval ended (the final approvers
-- approved it or sent it back, or its owner withdrew it again) and the contract stayed FINAL_APPROVAL with nothing left
-- to decide. Each contract in review whose own approval has ended moves as the product now moves it, at the approval's
-- end, with its own event on the timeline. The signing deadline (K3) is not opened here: the deadline engine counts its
-- window on the working calendar from the policy in force; the owner sees the contract APPROVED and signs it.

-- approved by the final approvers (K2): APPROVED, to be signed, recorded as the last approver's approval of that copy
insert into contract_event (contract_id, kind, actor_id, detail, occurred_at)
select c.id, 'APPROVED',
       (select t.acted_by from approval_task t
         where t.approval = a.id and t.round = a.round and t.state = 'APPROVED'
           and t.acted_by is not null and t.acted_at is not null
         order by t.step_index desc, t.acted_at desc, t.position desc limit 1),
       'sha256 ' || c.review_copy_sha256, coalesce(a.ended_at, c.updated_at)
  from contract_contract c join approval a on a.id = c.approval_id
 where a.state = 'APPROVED' and c.status in ('IN_REVIEW', 'FINAL_APPROVAL');

update contract_contract c
   set status = 'APPROVED', approved_at = coalesce(a.ended_at, c.updated_at),
       status_changed_at = coalesce(a.ended_at, c.updated_at), updated_at = coalesce(a.ended_at, c.updated_at),
       waiting_for = 'USER:' || c.owner_id, waiting_since = coalesce(a.ended_at, c.updated_at), version = c.version + 1
  from approval a
 where a.id = c.approval_id and a.state = 'APPROVED' and c.status in ('IN_REVIEW', 'FINAL_APPROVAL');

-- sent back, turned down or withdrawn again: back with its owner to revise (as after an objection)
insert into contract_event (contract_id, kind, actor_id, detail, occurred_at)
select c.id, 'RETURNED', null, a.state, coalesce(a.ended_at, c.updated_at)
  from contract_contract c join approval a on a.id = c.approval_id
 where a.state in ('SENT_BACK', 'REJECTED', 'WITHDRAWN') and c.status in ('IN_REVIEW', 'FINAL_APPROVAL');

update contract_contract c
   set status = 'REVISING', status_changed_at = coalesce(a.ended_at, c.updated_at),
       updated_at = coalesce(a.ended_at, c.updated_at),
       waiting_for = 'USER:' || c.owner_id, waiting_since = coalesce(a.ended_at, c.updated_at), version = c.version + 1
  from approval a
 where a.id = c.approval_id and a.state in ('SENT_BACK', 'REJECTED', 'WITHDRAWN')
   and c.status in ('IN_REVIEW', 'FINAL_APPROVAL');
