-- A plan closed because its contract was terminated gives up its due date (no collection rate, aging or reminder counts
-- it) but keeps showing the one it had: its history.
alter table receivable_plan add column due_date_when_closed date;
