-- What the contract list's search finds a contract by (platform.SearchKeys): bigrams of its number, title and buyer.
-- Existing contracts get theirs from the Java migration that follows; then the column is required and indexed.
alter table contract_contract add column search_keys text[];
