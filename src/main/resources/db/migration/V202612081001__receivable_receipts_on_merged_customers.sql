-- Receipts recorded on a customer after it had been merged into another stayed under the merged customer: the service
-- took a merged customer's id until it refused one (422 receipt.customer.merged). Such a receipt could pay none of the
-- plans (they moved to the survivor with the merge) and its bank reference was never checked against the survivor's
-- receipts. Each moves to the customer its customer's merges end in (a merged customer may have been merged into one
-- merged later), as the merge itself moves the receipts recorded before it (ReceivableCustomerMerge): a standing one
-- whose bank reference a standing receipt of that customer has is marked as its twin (out of the one-reference index),
-- for finance to reverse the one not meant. A new version each: a page still open on one is stale. Runs again harmlessly.
do $$
declare m record;
begin
    for m in
        with recursive chain (merged_id, survivor_id, hops) as (
            select id, merged_into_id, 1 from customer_customer where merged_into_id is not null
            union all
            select c.merged_id, s.merged_into_id, c.hops + 1
              from chain c join customer_customer s on s.id = c.survivor_id
             where s.merged_into_id is not null and c.hops < 10
        )
        select c.merged_id, c.survivor_id
          from chain c join customer_customer s on s.id = c.survivor_id
         where s.merged_into_id is null
           and exists (select 1 from receivable_receipt r where r.customer_id = c.merged_id)
         order by c.merged_id
    loop
        update receivable_receipt r set reference_duplicate = true
         where r.customer_id = m.merged_id and r.state = 'RECORDED' and r.reference is not null
           and not r.reference_duplicate
           and exists (select 1 from receivable_receipt s
                        where s.customer_id = m.survivor_id and s.state = 'RECORDED' and not s.reference_duplicate
                          and lower(s.reference) = lower(r.reference));
        update receivable_receipt set customer_id = m.survivor_id, version = version + 1
         where customer_id = m.merged_id;
        raise notice 'receipts recorded on merged customer % moved to %', m.merged_id, m.survivor_id;
    end loop;
end $$;
