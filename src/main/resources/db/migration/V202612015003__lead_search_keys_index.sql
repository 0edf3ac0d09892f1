-- Every lead has its search keys now; the index serves "search_keys @> '{…}'".
alter table lead_lead alter column search_keys set not null;
create index lead_lead_search_idx on lead_lead using gin (search_keys);
