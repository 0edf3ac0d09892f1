-- Every contract has its search keys now; the index serves "search_keys @> '{…}'".
alter table contract_contract alter column search_keys set not null;
create index contract_contract_search_idx on contract_contract using gin (search_keys);
