-- A lead whose capture found possible duplicates is marked in the lead lists (its page and the API check anew).
alter table lead_lead add column possible_duplicates boolean not null default false;

-- leads captured before: marked when an earlier lead (ids are time-ordered) shares their evidence, as their capture
-- would have found it; customers are the customer module's, so an earlier customer alone marks nothing here.
-- One statement per kind of evidence, so each is a plain semi-join on its own index.
update lead_lead l set possible_duplicates = true
where l.company_name_normalized <> ''
  and exists (select 1 from lead_lead o where o.company_name_normalized = l.company_name_normalized and o.id < l.id);
update lead_lead l set possible_duplicates = true
where not l.possible_duplicates
  and exists (select 1 from lead_lead o where o.phone_normalized = l.phone_normalized and o.id < l.id);
update lead_lead l set possible_duplicates = true
where not l.possible_duplicates
  and exists (select 1 from lead_lead o where o.email_normalized = l.email_normalized and o.id < l.id);
update lead_lead l set possible_duplicates = true
where not l.possible_duplicates
  and exists (select 1 from lead_lead o where o.uscc = l.uscc and o.id < l.id);
