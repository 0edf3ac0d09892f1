-- An invoice request not yet issued (pending or approved) may be cancelled (撤销) by its requester or by finance, with
-- the reason, when and by whom; status CANCELLED then holds nothing of the contract. The status column has no check
-- constraint to widen.
alter table invoice_invoice add column cancel_reason text, add column cancelled_at timestamptz, add column cancelled_by uuid;
