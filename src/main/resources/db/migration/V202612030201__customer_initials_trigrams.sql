-- Pinyin initials are searched by trigram (拼音首字母三元组, 'j:' keys) from three letters on: a bigram of
-- 26 letters is in one name of a hundred, so four initials made the index read three long lists (3–13 ms
-- at a million customers); two trigrams read lists twenty times shorter (0.3–1.4 ms). Customers saved
-- from now on get them from SearchKeys.name; here the stored ones get them from their stored initials
-- (search_initials is the initials SearchKeys.name wrote). The index is built again after the update:
-- at a million rows that is a minute, where updating it row by row takes many.
drop index customer_customer_search_idx;

update customer_customer
set search_tokens = search_tokens || array(select distinct 'j:' || substr(search_initials, g, 3)
                                           from generate_series(1, char_length(search_initials) - 2) g)
where char_length(search_initials) >= 3;

create index customer_customer_search_idx on customer_customer using gin (search_tokens);
analyze customer_customer;
