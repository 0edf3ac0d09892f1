-- The customer's timeline (客户动态) shows an invoice issued and reversed by a red-letter invoice (红冲), each when and
-- by whom it was recorded: the invoice's date alone cannot place an issue after a contract signed the same day.
alter table invoice_invoice add column issued_at timestamptz, add column issued_by uuid, add column red_by uuid;
-- Invoices issued before: an issue still standing was the invoice's last change; one reversed since is placed at the
-- start of its invoice date, before the reversal. Who recorded them stays unknown.
update invoice_invoice set issued_at = updated_at where status = 'ISSUED';
update invoice_invoice set issued_at = least(invoiced_on::timestamp at time zone '${company_zone}', red_at)
    where status = 'RED_REVERSED';
-- The timeline reads a customer's invoices; the other indexes lead with the contract, the status or the approval.
create index invoice_customer_idx on invoice_invoice (customer_id);
