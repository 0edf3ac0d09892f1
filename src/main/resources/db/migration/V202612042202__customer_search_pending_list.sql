-- The customers' search indexes keep a short pending list, as the leads' do (V202612042201, which says why):
-- every search reads the list whole, and at a million customers only a full 4 MB list is emptied.
alter index customer_customer_owned_search_idx set (gin_pending_list_limit = 256);
alter index customer_customer_pool_search_idx set (gin_pending_list_limit = 256);
