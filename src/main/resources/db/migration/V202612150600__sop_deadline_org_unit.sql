-- The team a deadline counts for (decision 0124): the unit its owner belonged to when it was opened or handed to
-- them. The compliance report groups teams by it, so moving a person to another unit no longer moves the deadlines
-- they ran up before into the new team's figures. Nullable: a deadline written without it counts for no team ("?").
alter table sop_deadline add column org_unit_id uuid;
-- The deadlines already there: their owner's unit now is the only knowledge there is of it (a person moved before
-- this migration counts their earlier deadlines for the unit they are in today).
update sop_deadline d set org_unit_id = u.org_unit_id from platform_user u where u.id = d.owner_id;

-- Compliance counts a period by unit too: the covering indexes carry it.
drop index sop_deadline_due_covering_idx;
create index sop_deadline_due_covering_idx on sop_deadline (due_at, id)
    include (rule_id, owner_id, state, met_at, breached_at, org_unit_id);
drop index sop_deadline_owner_due_covering_idx;
create index sop_deadline_owner_due_covering_idx on sop_deadline (owner_id, due_at, id)
    include (rule_id, state, met_at, breached_at, org_unit_id);

-- The days and the changes not folded yet are counted by unit as well: one owner's deadlines of one day may count
-- for two units (opened before and after a move).
alter table sop_compliance_day add column org_unit_id uuid;
alter table sop_compliance_delta add column org_unit_id uuid;
alter table sop_compliance_day drop constraint sop_compliance_day_pkey;
create unique index sop_compliance_day_key on sop_compliance_day (owner_id, day, rule_id, org_unit_id)
    include (met, breached, open) nulls not distinct;
drop index sop_compliance_day_day_idx;
create index sop_compliance_day_day_idx on sop_compliance_day (day) include (rule_id, owner_id, org_unit_id, met,
    breached, open);

create or replace function sop_compliance_track() returns trigger language plpgsql as $$
declare
    before_category text;
    now_category    text;
begin
    if tg_op <> 'INSERT' then
        before_category := sop_compliance_category(old.state, old.breached_at, old.met_at, old.due_at);
    end if;
    if tg_op <> 'DELETE' then
        now_category := sop_compliance_category(new.state, new.breached_at, new.met_at, new.due_at);
    end if;
    if tg_op = 'UPDATE' and before_category is not distinct from now_category and old.due_at = new.due_at
            and old.owner_id = new.owner_id and old.rule_id = new.rule_id
            and old.org_unit_id is not distinct from new.org_unit_id then
        return null;
    end if;
    if before_category is not null then
        insert into sop_compliance_delta (day, rule_id, owner_id, org_unit_id, met, breached, open)
        values ((old.due_at at time zone 'UTC')::date, old.rule_id, old.owner_id, old.org_unit_id,
                -(before_category = 'met')::int, -(before_category = 'breached')::int, -(before_category = 'open')::int);
    end if;
    if now_category is not null then
        insert into sop_compliance_delta (day, rule_id, owner_id, org_unit_id, met, breached, open)
        values ((new.due_at at time zone 'UTC')::date, new.rule_id, new.owner_id, new.org_unit_id,
                (now_category = 'met')::int, (now_category = 'breached')::int, (now_category = 'open')::int);
    end if;
    return null;
end $$;

drop trigger sop_compliance_track on sop_deadline;
create trigger sop_compliance_track after insert or delete or update of state, breached_at, met_at, due_at, owner_id,
    rule_id, org_unit_id on sop_deadline for each row execute function sop_compliance_track();

create or replace function sop_compliance_refill() returns void language sql as $$
    delete from sop_compliance_delta;
    delete from sop_compliance_day;
    insert into sop_compliance_day (day, rule_id, owner_id, org_unit_id, met, breached, open)
    select (due_at at time zone 'UTC')::date, rule_id, owner_id, org_unit_id,
           count(*) filter (where c = 'met'), count(*) filter (where c = 'breached'), count(*) filter (where c = 'open')
    from (select due_at, rule_id, owner_id, org_unit_id, sop_compliance_category(state, breached_at, met_at, due_at) as c
          from sop_deadline) d
    where c is not null
    group by 1, 2, 3, 4;
$$;

select sop_compliance_refill();
