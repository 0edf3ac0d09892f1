-- Q1: the managers' home panel lists approved quotes not yet reviewed; few rows ever wait, so a small partial index.
create index quote_quote_awaiting_review_idx on quote_quote (updated_at, id)
    where status = 'APPROVED' and reviewed_at is null;
