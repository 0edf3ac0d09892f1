-- Every opportunity change updates a forecast cell: room left on each page keeps the new version on its page
-- (a HOT update, the index untouched) and lets the page be pruned without waiting for vacuum.
alter table opportunity_forecast_month set (fillfactor = 70);
