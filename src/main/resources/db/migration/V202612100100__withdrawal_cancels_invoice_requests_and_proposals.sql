-- Decision 0070: an invoice request whose approval its requester withdraws is cancelled, without a reason typed (the
-- withdrawal is its reason); a policy change proposal whose approval its proposer withdraws is WITHDRAWN, never applied.
alter table invoice_invoice add column cancelled_on_withdrawal boolean not null default false;

alter table sop_policy_proposal drop constraint sop_policy_proposal_state_check;
alter table sop_policy_proposal add constraint sop_policy_proposal_state_check
    check (state in ('PENDING', 'APPLIED', 'REJECTED', 'FAILED', 'WITHDRAWN'));
