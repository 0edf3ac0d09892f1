-- The customer list filtered by status (已签约, 合作中 …), newest first, for the director or anyone whose scope
-- is wide: walked in order within the status instead of walking every customer newest first and dropping the
-- other statuses. The newest customers are mostly prospects and in initial contact — signing comes months
-- after a customer is registered — so at L the director's first page of signed customers read 10 800 rows
-- for its 21 (docs/performance.md, "The customers' data in the product's shape").
create index customer_customer_status_created_idx on customer_customer (status, created_at desc, id desc)
    where merged_into_id is null;
