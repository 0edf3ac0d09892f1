-- A search within a team or a rep's own customers (按负责人检索) reads the search keys of those owners only: the
-- search index holds the owner too (btree_gin lets a GIN index hold a plain column beside the keys). With the
-- keys alone, a brand word in 250 of a million names made PostgreSQL either read all 250 rows for the team's
-- few, or intersect them with the owner index's 25 000 entries for a team of ten: 5-9 ms at L either way,
-- 0.7 ms now (docs/performance.md, "A team's search by its owners' keys"). A search over the whole company
-- or the public pool asks for the keys alone and reads them as before. btree_gin is a trusted extension of
-- PostgreSQL's contrib: the database's owner can install it (docs/decisions/0018-search-by-owner.md).
create extension if not exists btree_gin;

create index customer_customer_owner_search_idx on customer_customer using gin (owner_id, search_tokens);
drop index customer_customer_search_idx;
analyze customer_customer;
