-- The owned customers' search index also holds the 90-day period each customer was created in
-- (customer_search_period), so the director's search for a fragment thousands of names share can read the
-- newest period's matches first and stop at a page, instead of walking the newest customers one by one
-- (木齐 of 乌鲁木齐: 1 700 rows for a page of 21 at the benchmark's size L) or reading every match
-- (docs/performance.md, "The director's common fragments by period"; decision 0018). The period is one more
-- entry per customer (1 MB at L); a rep's and a team's searches read the owner and keys as before. About 35 s at L.
-- The body is immutable throughout (an interval's epoch), as an index expression must be.
create function customer_search_period(at timestamptz) returns int language sql immutable parallel safe
    return floor(extract(epoch from (at - to_timestamp(0))) / 7776000)::int;

create index customer_customer_owned_search_next_idx on customer_customer
    using gin (owner_id, customer_search_period(created_at), search_tokens)
    where merged_into_id is null and owner_id is not null;
drop index customer_customer_owned_search_idx;
alter index customer_customer_owned_search_next_idx rename to customer_customer_owned_search_idx;
analyze customer_customer;
