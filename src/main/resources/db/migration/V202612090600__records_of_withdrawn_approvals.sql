-- Records whose approval their submitter withdrew before decision 0068 were never told: they stayed waiting for a
-- flow that had ended. Each moves back as the withdrawal now moves it (docs/decisions/0068), at the withdrawal's time.

-- a quote pending approval is a draft again (as after a send-back)
update quote_quote q
   set status = 'DRAFT', updated_at = a.ended_at, version = q.version + 1
  from approval a
 where a.id = q.approval_id and a.state = 'WITHDRAWN' and q.status = 'PENDING_APPROVAL';

-- a contract in review or final approval is back with its owner to revise (as after a rejection)
insert into contract_event (contract_id, kind, actor_id, detail, occurred_at)
select c.id, 'RETURNED', null, 'WITHDRAWN', a.ended_at
  from contract_contract c join approval a on a.id = c.approval_id
 where a.state = 'WITHDRAWN' and c.status in ('IN_REVIEW', 'FINAL_APPROVAL');

update contract_contract c
   set status = 'REVISING', status_changed_at = a.ended_at, updated_at = a.ended_at,
       waiting_for = 'USER:' || c.owner_id, waiting_since = a.ended_at, version = c.version + 1
  from approval a
 where a.id = c.approval_id and a.state = 'WITHDRAWN' and c.status in ('IN_REVIEW', 'FINAL_APPROVAL');

-- a customer's credit change waiting for finance is dropped, the current rating and limit kept
update customer_customer c
   set pending_credit_rating = null, pending_credit_limit = null, credit_approval_id = null,
       updated_at = a.ended_at, version = c.version + 1
  from approval a
 where a.id = c.credit_approval_id and a.state = 'WITHDRAWN';
