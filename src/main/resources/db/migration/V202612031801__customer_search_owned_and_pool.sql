-- The customers' search index in two: the owned customers' keys with their owner (a rep's, a team's or the
-- director's search) and the public pool's keys (公海的检索). Every customer search names one side: the scope's
-- owners, "owner_id is not null" for the director, or "owner_id is null" for the pool. Half the customers are
-- in the pool at the benchmark's size L, so the director's search for a brand read as many pool rows as
-- owned ones from the one index and dropped them (阳金: 1 212 rows read for 569): now it reads the owned
-- matches only, and the pool's search the pool's (docs/performance.md, "The director's walk skips the pool").
-- A customer claimed from the pool or released to it moves from one index to the other: an update of its
-- owner already wrote a new entry in the one index. About 45 s at L.
create index customer_customer_owned_search_idx on customer_customer using gin (owner_id, search_tokens)
    where merged_into_id is null and owner_id is not null;
create index customer_customer_pool_search_idx on customer_customer using gin (search_tokens)
    where merged_into_id is null and owner_id is null;
drop index customer_customer_owner_search_idx;
analyze customer_customer;
