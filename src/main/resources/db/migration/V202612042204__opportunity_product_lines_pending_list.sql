-- The product lines' index keeps a short pending list, as the leads' search index does (V202612042201, which
-- says why): the board's filter by product line reads the list whole, and at 500 000 opportunities only a
-- full 4 MB list is emptied.
alter index opportunity_product_lines_idx set (gin_pending_list_limit = 256);
