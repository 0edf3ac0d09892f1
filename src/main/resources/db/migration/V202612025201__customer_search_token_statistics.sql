-- The planner's estimate of how many customers hold a search token (检索词) comes from the column's
-- most common elements. At the default target (100: 1 000 elements) every one of those was in more
-- than 1 % of a million names, so any rarer token, a two-character brand among them, was estimated at
-- 0.5 % (5 000 customers, against 250 really). A team's search then also read the owners' index for
-- every customer of the team (45 000 entries, 10 ms) to narrow what the token had narrowed already.
-- 10 000 elements reach down to tokens of a few hundred customers. CustomerSearchPlanTest.
alter table customer_customer alter column search_tokens set statistics 1000;
analyze customer_customer;
