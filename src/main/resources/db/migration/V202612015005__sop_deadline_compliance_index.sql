-- Compliance counts a period's deadlines by rule, owner or team. The two indexes that order deadlines by
-- due time now also carry what compliance counts, so a quarter of a large company's deadlines is counted
-- from the index alone instead of from as many heap pages; lists keep the same order (due time, id).
create index sop_deadline_due_covering_idx on sop_deadline (due_at, id)
    include (rule_id, owner_id, state, met_at, breached_at);
drop index sop_deadline_due_idx;
create index sop_deadline_owner_due_covering_idx on sop_deadline (owner_id, due_at, id)
    include (rule_id, state, met_at, breached_at);
drop index sop_deadline_owner_due_idx;
