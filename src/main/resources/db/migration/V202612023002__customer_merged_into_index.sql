-- A customer's timeline (and its follow-up deadlines) also shows the customers merged into it: found by
-- this index instead of reading every customer (300 ms a timeline at 100 000 customers without it).
create index customer_customer_merged_into_idx on customer_customer (merged_into_id) where merged_into_id is not null;
