-- Decision 0088: a request still waiting for finance when its contract is terminated is cancelled by the termination
-- (its approval withdrawn), without a reason typed: the termination is it.
alter table invoice_invoice add column cancelled_on_termination boolean not null default false;
