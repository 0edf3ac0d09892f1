-- Invoice requests and policy change proposals whose approval was withdrawn before decision 0070 were never told: they
-- stayed pending on a flow that had ended. Each moves as the withdrawal now moves it (docs/decisions/0070), at the
-- withdrawal's time, by the approval's submitter (the only one who may withdraw it).

-- an invoice request waiting for finance is cancelled by the withdrawal, its amount free again
update invoice_invoice i
   set status = 'CANCELLED', cancelled_on_withdrawal = true, cancelled_at = a.ended_at, cancelled_by = a.submitter_id,
       updated_at = a.ended_at, version = i.version + 1
  from approval a
 where a.id = i.approval_id and a.state = 'WITHDRAWN' and i.status = 'PENDING_APPROVAL';

-- a pending policy change proposal is withdrawn, never applied
update sop_policy_proposal p
   set state = 'WITHDRAWN', decided_at = a.ended_at
  from approval a
 where a.subject_type = 'PolicyChange' and a.subject_id = p.id::text and a.state = 'WITHDRAWN' and p.state = 'PENDING';
