-- The forecast's read model (销售预测汇总): opportunities counted and summed per owner, month, stage and
-- forecast category, kept by the database in the same transaction as every change of an opportunity,
-- whichever code path makes it, so the forecast reads a few hundred cells instead of every opportunity.
-- The month of an open opportunity is that of its expected close date; of a won or lost one, the month
-- it closed in the company's time zone (l2c.zone).
create table opportunity_forecast_month (
    owner_id          uuid,
    month             date,
    stage             text not null,
    forecast_category text not null,
    opportunities     int not null,
    amount            numeric(18, 2) not null,
    constraint opportunity_forecast_month_cell unique nulls not distinct (owner_id, month, stage, forecast_category)
);

create function opportunity_forecast_month_of(stage text, expected_close_date date, closed_at timestamptz)
    returns date language sql immutable as $$
    select case when stage in ('WON', 'LOST') then date_trunc('month', closed_at at time zone '${company_zone}')::date
                else date_trunc('month', expected_close_date)::date end
$$;

-- adds to one cell; a cell that counts nothing any more is removed
create function opportunity_forecast_month_add(p_owner uuid, p_month date, p_stage text, p_category text,
                                               p_count int, p_amount numeric) returns void language plpgsql as $$
declare
    cell tid;
    left_over int;
begin
    insert into opportunity_forecast_month as f (owner_id, month, stage, forecast_category, opportunities, amount)
    values (p_owner, p_month, p_stage, p_category, p_count, p_amount)
    on conflict on constraint opportunity_forecast_month_cell do update
        set opportunities = f.opportunities + excluded.opportunities, amount = f.amount + excluded.amount
    returning f.ctid, f.opportunities into cell, left_over;
    if left_over = 0 then
        delete from opportunity_forecast_month where ctid = cell;
    end if;
end $$;

create function opportunity_forecast_month_track() returns trigger language plpgsql as $$
declare
    old_month date;
    new_month date;
    old_key   text;
    new_key   text;
begin
    if tg_op = 'INSERT' then
        perform opportunity_forecast_month_add(new.owner_id,
            opportunity_forecast_month_of(new.stage, new.expected_close_date, new.closed_at),
            new.stage, new.forecast_category, 1, new.amount);
        return null;
    end if;
    old_month := opportunity_forecast_month_of(old.stage, old.expected_close_date, old.closed_at);
    if tg_op = 'DELETE' then
        perform opportunity_forecast_month_add(old.owner_id, old_month, old.stage, old.forecast_category, -1, -old.amount);
        return null;
    end if;
    new_month := opportunity_forecast_month_of(new.stage, new.expected_close_date, new.closed_at);
    old_key := row(old.owner_id, old_month, old.stage, old.forecast_category)::text;
    new_key := row(new.owner_id, new_month, new.stage, new.forecast_category)::text;
    if old_key = new_key then
        if old.amount <> new.amount then
            perform opportunity_forecast_month_add(new.owner_id, new_month, new.stage, new.forecast_category, 0,
                new.amount - old.amount);
        end if;
    elsif old_key < new_key then
        -- two cells change: always in the same order, so two opposite moves cannot deadlock
        perform opportunity_forecast_month_add(old.owner_id, old_month, old.stage, old.forecast_category, -1, -old.amount);
        perform opportunity_forecast_month_add(new.owner_id, new_month, new.stage, new.forecast_category, 1, new.amount);
    else
        perform opportunity_forecast_month_add(new.owner_id, new_month, new.stage, new.forecast_category, 1, new.amount);
        perform opportunity_forecast_month_add(old.owner_id, old_month, old.stage, old.forecast_category, -1, -old.amount);
    end if;
    return null;
end $$;

create trigger opportunity_forecast_month_track
    after insert or delete or update of owner_id, stage, forecast_category, amount, expected_close_date, closed_at
    on opportunity_opportunity for each row execute function opportunity_forecast_month_track();

create function opportunity_forecast_month_clear() returns trigger language plpgsql as $$
begin
    truncate opportunity_forecast_month;
    return null;
end $$;

create trigger opportunity_forecast_month_clear after truncate on opportunity_opportunity
    for each statement execute function opportunity_forecast_month_clear();

-- the cells as they stand
insert into opportunity_forecast_month (owner_id, month, stage, forecast_category, opportunities, amount)
select owner_id, opportunity_forecast_month_of(stage, expected_close_date, closed_at), stage, forecast_category,
       count(*), sum(amount)
from opportunity_opportunity
group by 1, 2, 3, 4;

-- the board's closed columns for known owners: each owner's last closed first (the open columns use
-- opportunity_owner_stage_idx the same way)
create index opportunity_owner_closed_idx on opportunity_opportunity (owner_id, stage, closed_at desc, id)
    where stage in ('WON', 'LOST');
