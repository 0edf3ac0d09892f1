-- A receipt is recorded once.
--
-- 1. A bank reference (银行流水号) names one transfer: the receipts of a customer that stand (not reversed) carry a
--    reference once, in any letter case (the service stores it trimmed). ReceiptService refuses a second one (422,
--    naming the receipt that has it) under an advisory lock per customer and reference; this index holds it for
--    whatever else writes receipts. A reversed receipt leaves the index, so its reference may be used again.
--
--    An installed database may already hold such twins (the same transfer entered twice). They are money records,
--    possibly allocated to plans, so they are not reversed here: every standing receipt after the first of its
--    customer and reference is marked and left out of the index, and finance reverses the one not meant.
alter table receivable_receipt add column reference_duplicate boolean not null default false;
comment on column receivable_receipt.reference_duplicate is
    'a second standing receipt of its customer with the same bank reference, recorded before the reference was held unique; left out of the index';

update receivable_receipt r set reference_duplicate = true
 where r.state = 'RECORDED' and r.reference is not null
   and exists (select 1 from receivable_receipt first
                where first.customer_id = r.customer_id and first.state = 'RECORDED' and first.reference is not null
                  and lower(first.reference) = lower(r.reference)
                  and (first.recorded_at, first.id) < (r.recorded_at, r.id));

do $$
declare twins int;
begin
    select count(*) into twins from receivable_receipt where reference_duplicate;
    if twins > 0 then
        raise warning '% receipt(s) repeat the bank reference of an earlier receipt of their customer; reverse the one not meant', twins;
    end if;
end $$;

create unique index receivable_receipt_reference_once_idx on receivable_receipt (customer_id, lower(reference))
    where state = 'RECORDED' and reference is not null and not reference_duplicate;

-- 2. Idempotency keys of POST /api/v1/receipts, per user: the receipt a key recorded and the fingerprint of the body
--    it came with, so a retry answers that receipt and the key sent with another body is refused.
create table receivable_receipt_idempotency (
    user_id    uuid not null,
    idem_key   text not null,
    receipt_id uuid not null references receivable_receipt (id),
    body_hash  text not null,
    created_at timestamptz not null,
    primary key (user_id, idem_key)
);
