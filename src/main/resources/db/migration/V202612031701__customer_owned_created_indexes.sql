-- The company's customer list and search, newest first, are of owned customers only: the director's scope is
-- "owner_id is not null" (platform.Scope.ownedPredicate) and the public pool (公海) is listed by pool_since. At
-- the benchmark's size L half the customers are in the pool, and five in six of the newest 50 000, so walking
-- every customer newest first read about five pool rows for each owned one: the director's search for 木齐 (of
-- 乌鲁木齐) read 20 000 rows for a page of 21 (docs/performance.md, "The director's walk skips the pool").
-- The two newest-first indexes now hold the owned customers only.
create index customer_customer_owned_created_idx on customer_customer (created_at desc, id desc)
    where merged_into_id is null and owner_id is not null;
drop index customer_customer_created_idx;

create index customer_customer_owned_status_created_idx on customer_customer (status, created_at desc, id desc)
    where merged_into_id is null and owner_id is not null;
drop index customer_customer_status_created_idx;
