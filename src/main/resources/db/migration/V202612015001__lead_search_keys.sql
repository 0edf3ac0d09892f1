-- Leads are found by any fragment of their company, contact, code or phone through search keys
-- (character bigrams and digit 4-grams, platform SearchKeys) in a GIN index: pg_trgm serves no
-- two-character Chinese query, and LIKE '%…%' scans the table. Filled for existing leads by the next
-- (Java) migration, indexed by the one after.
alter table lead_lead add column search_keys text[];
