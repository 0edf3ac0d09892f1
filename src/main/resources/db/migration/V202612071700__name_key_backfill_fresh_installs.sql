-- A database that holds no leads (no customers) when the company-name rule of version 2 arrives has nothing to rewrite
-- under it: every key it will hold is written by that rule. Its backfill starts finished, so a fresh install — and each
-- test database — never walks rows written since (CompanyNames.RULE_VERSION; docs/decisions/0038).
insert into lead_name_key_backfill (rule_version, finished_at)
select 2, now() where not exists (select 1 from lead_lead)
on conflict do nothing;

insert into customer_name_key_backfill (rule_version, finished_at)
select 2, now() where not exists (select 1 from customer_customer)
on conflict do nothing;
