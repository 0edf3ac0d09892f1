-- One live contract per opportunity (a contract not terminated, as ContractRepository.findLiveByOpportunity
-- reads it), held by the database: two drafts sent at once both passed the check before either was stored.
--
-- An installed database may already hold such twins (a double click made them). They are business records,
-- possibly signed with plans and invoices, so they are not terminated here: every live contract after the
-- first of its opportunity is marked and left out of the index, and a person terminates the one not meant.
alter table contract_contract add column live_duplicate boolean not null default false;
comment on column contract_contract.live_duplicate is
    'a second live contract of its opportunity drafted before the one-live-contract index; left out of it';

update contract_contract c set live_duplicate = true
 where c.status <> 'TERMINATED'
   and exists (select 1 from contract_contract first
                where first.opportunity_id = c.opportunity_id and first.status <> 'TERMINATED'
                  and (first.created_at, first.id) < (c.created_at, c.id));

do $$
declare twins int;
begin
    select count(*) into twins from contract_contract where live_duplicate;
    if twins > 0 then
        raise warning '% contract(s) are a second live contract of their opportunity; terminate the one not meant', twins;
    end if;
end $$;

create unique index contract_one_live_per_opportunity_idx on contract_contract (opportunity_id)
    where status <> 'TERMINATED' and not live_duplicate;
