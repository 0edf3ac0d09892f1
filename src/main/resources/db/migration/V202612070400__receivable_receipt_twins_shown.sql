-- Receipts that repeat a bank reference (reference_duplicate, V202612062030) are shown to finance, who reverse the one
-- not meant. A twin is marked only while the receipt it repeats stands: when that first receipt is reversed, the
-- service hands the reference to the earliest standing twin (its mark cleared, into the one-reference index, which the
-- reversed receipt has just left). Twins whose first was reversed before the service did so are handed it here.
update receivable_receipt r set reference_duplicate = false, version = version + 1
 where r.state = 'RECORDED' and r.reference_duplicate
   and not exists (select 1 from receivable_receipt f
                    where f.customer_id = r.customer_id and f.state = 'RECORDED' and not f.reference_duplicate
                      and lower(f.reference) = lower(r.reference))
   and not exists (select 1 from receivable_receipt e
                    where e.customer_id = r.customer_id and e.state = 'RECORDED' and e.reference_duplicate
                      and lower(e.reference) = lower(r.reference)
                      and (e.recorded_at, e.id) < (r.recorded_at, r.id));

-- the receipts list filtered to the twins and the workbench's count of them: a few rows, newest first
create index receivable_receipt_repeated_reference_idx on receivable_receipt (received_on desc, id desc)
    where state = 'RECORDED' and reference_duplicate;
