-- The contracts' search index keeps a short pending list, as the leads' do (V202612042201, which says why).
alter index contract_contract_search_idx set (gin_pending_list_limit = 256);
