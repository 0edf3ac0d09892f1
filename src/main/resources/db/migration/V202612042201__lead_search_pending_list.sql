-- The search keys' index keeps a short pending list. A GIN index takes new entries into a list that every
-- search reads whole, until the list passes gin_pending_list_limit (4 MB by default) or vacuum empties it.
-- Autovacuum comes after inserts of a fifth of the table, so at a million leads the list is emptied only when
-- full, and a search reads whatever the captures since then left: at the benchmark's size L a search by a
-- brand took 1.6 ms with the list empty, 2.4 ms with 168 pages in it and 3.7 ms with 468 (at 10 000 leads
-- vacuum empties it every 3 000 captures). With 256 kB a search reads at most 32 pages (1.85-1.9 ms with
-- 9-19), and the capture that fills the list moves it into the index: 0.04 ms a lead more than with 4 MB
-- (docs/performance.md, "The search indexes' pending lists").
alter index lead_lead_search_idx set (gin_pending_list_limit = 256);
