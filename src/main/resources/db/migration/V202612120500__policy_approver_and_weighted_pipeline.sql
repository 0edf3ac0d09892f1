-- Two changes under one version: who approved a policy version (decision 0090), and the weighted pipeline kept per
-- forecast cell as the sum of its opportunities' weighted amounts (below).
-- A version made from an approved proposal names who approved it beside who proposed it (created_by, its author);
-- a proposal names who decided it beside when. A direct change has no approver.
alter table sop_policy_version add column approved_by uuid, add column approved_by_name text;
alter table sop_policy_proposal add column decided_by uuid, add column decided_by_name text;

-- versions applied from a proposal before: the approver is who the trail says made the version (the director, in
-- whose transaction it was applied)
update sop_policy_version v set approved_by = a.actor_id, approved_by_name = a.actor_name
from sop_policy_proposal p, platform_audit_event a
where p.applied_version = v.version and a.action = 'policy.changed' and a.entity_type = 'SopPolicy'
  and a.entity_id = v.version::text;
update sop_policy_proposal p set decided_by = v.approved_by, decided_by_name = v.approved_by_name
from sop_policy_version v where p.applied_version = v.version;

-- The weighted pipeline (docs/decisions/0012: totals are sums of rounded parts): each open cell also keeps the sum
-- of its opportunities' weighted amounts, each amount × its stage's probability rounded to the fen half up
-- (PipelineQueries.weighted, the opportunity's weightedAmount), so the board's columns and header and the
-- forecast's cells and totals add up the figures the opportunities show. The probabilities the sums are weighed
-- with are those of opportunity_forecast_probability, which the opportunity module keeps equal to the policy's
-- (ForecastWeights: on the first read after they changed, every open cell is weighed again). Each weighing takes
-- a shared advisory lock, a reweighing the exclusive one, so none is made with a probability being replaced.
create table opportunity_forecast_probability (
    stage       text primary key,
    probability numeric not null
);

alter table opportunity_forecast_month add column weighted numeric(18, 2) not null default 0;

-- one opportunity's weighted amount at the probability its stage has in opportunity_forecast_probability; 0 for a
-- stage it has none for (won and lost, or before the first read)
create function opportunity_forecast_month_weight(p_stage text, p_amount numeric) returns numeric
    language plpgsql as $$
declare
    p numeric;
begin
    if p_stage in ('WON', 'LOST') then
        return 0;
    end if;
    perform pg_advisory_xact_lock_shared(hashtext('opportunity-forecast-probability'));
    select probability into p from opportunity_forecast_probability where stage = p_stage;
    return coalesce(round(p_amount * p / 100, 2), 0);
end $$;

create function opportunity_forecast_month_add(p_owner uuid, p_month date, p_stage text, p_category text,
                                               p_count int, p_amount numeric, p_weighted numeric) returns void
    language plpgsql as $$
declare
    cell tid;
    left_over int;
begin
    insert into opportunity_forecast_month as f (owner_id, month, stage, forecast_category, opportunities, amount, weighted)
    values (p_owner, p_month, p_stage, p_category, p_count, p_amount, p_weighted)
    on conflict on constraint opportunity_forecast_month_cell do update
        set opportunities = f.opportunities + excluded.opportunities, amount = f.amount + excluded.amount,
            weighted = f.weighted + excluded.weighted
    returning f.ctid, f.opportunities into cell, left_over;
    if left_over = 0 then
        delete from opportunity_forecast_month where ctid = cell;
    end if;
end $$;

create or replace function opportunity_forecast_month_track() returns trigger language plpgsql as $$
declare
    old_month date;
    new_month date;
    old_key   text;
    new_key   text;
begin
    if tg_op = 'INSERT' then
        perform opportunity_forecast_month_add(new.owner_id,
            opportunity_forecast_month_of(new.stage, new.expected_close_date, new.closed_at),
            new.stage, new.forecast_category, 1, new.amount, opportunity_forecast_month_weight(new.stage, new.amount));
        return null;
    end if;
    old_month := opportunity_forecast_month_of(old.stage, old.expected_close_date, old.closed_at);
    if tg_op = 'DELETE' then
        perform opportunity_forecast_month_add(old.owner_id, old_month, old.stage, old.forecast_category, -1, -old.amount,
            -opportunity_forecast_month_weight(old.stage, old.amount));
        return null;
    end if;
    new_month := opportunity_forecast_month_of(new.stage, new.expected_close_date, new.closed_at);
    old_key := row(old.owner_id, old_month, old.stage, old.forecast_category)::text;
    new_key := row(new.owner_id, new_month, new.stage, new.forecast_category)::text;
    if old_key = new_key then
        if old.amount <> new.amount then
            perform opportunity_forecast_month_add(new.owner_id, new_month, new.stage, new.forecast_category, 0,
                new.amount - old.amount,
                opportunity_forecast_month_weight(new.stage, new.amount) - opportunity_forecast_month_weight(old.stage, old.amount));
        end if;
    elsif old_key < new_key then
        -- two cells change: always in the same order, so two opposite moves cannot deadlock
        perform opportunity_forecast_month_add(old.owner_id, old_month, old.stage, old.forecast_category, -1, -old.amount,
            -opportunity_forecast_month_weight(old.stage, old.amount));
        perform opportunity_forecast_month_add(new.owner_id, new_month, new.stage, new.forecast_category, 1, new.amount,
            opportunity_forecast_month_weight(new.stage, new.amount));
    else
        perform opportunity_forecast_month_add(new.owner_id, new_month, new.stage, new.forecast_category, 1, new.amount,
            opportunity_forecast_month_weight(new.stage, new.amount));
        perform opportunity_forecast_month_add(old.owner_id, old_month, old.stage, old.forecast_category, -1, -old.amount,
            -opportunity_forecast_month_weight(old.stage, old.amount));
    end if;
    return null;
end $$;

drop function opportunity_forecast_month_add(uuid, date, text, text, int, numeric);
