-- A customer is found by a fragment of its code, as a picker is typed: its start, dashes typed or not ("C2026",
-- "C-2026-0001"), reads the code's pattern index; its last digits ("000123", "123", "2026000123") the index of the
-- code without dashes read backwards, so a tail is a prefix too. Neither reads the table (CustomerQueries).
create index customer_customer_code_start_idx on customer_customer (code text_pattern_ops) where merged_into_id is null;
create index customer_customer_code_tail_idx on customer_customer (reverse(replace(code, '-', '')) text_pattern_ops)
    where merged_into_id is null;
