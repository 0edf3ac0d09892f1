-- L8: who decides an open claim contest, the lowest manager above all its claimants (docs/decisions/0035);
-- null for contests opened before, which any manager in scope still decides
alter table lead_lead add column contest_decider_id uuid;
