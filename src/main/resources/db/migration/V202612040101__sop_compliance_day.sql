-- SOP compliance counted by day, rule and owner (decision 0019). A report over a quarter read every deadline
-- due in it (4 million for the whole company at the benchmark's size L); the days hold a few rows per owner,
-- rule and day. A day is a UTC date: the report counts the parts of its period that are not whole days from
-- the deadlines themselves.
create table sop_compliance_day (
    day      date   not null,
    rule_id  text   not null,
    owner_id uuid   not null,
    met      bigint not null default 0,
    breached bigint not null default 0,
    open     bigint not null default 0,
    -- a team's report reads its owners' days from the key alone, the company's all owners' from the day index
    primary key (owner_id, day, rule_id) include (met, breached, open)
);
create index sop_compliance_day_day_idx on sop_compliance_day (day) include (rule_id, owner_id, met, breached, open);

-- What changed since the last fold, appended by the deadlines' trigger: an insert takes no lock, so busy
-- owners' deadlines never wait for each other; the background fold moves it into the days.
create table sop_compliance_delta (
    day      date not null,
    rule_id  text not null,
    owner_id uuid not null,
    met      int  not null,
    breached int  not null,
    open     int  not null
);

-- How a deadline counts (ComplianceQueries): met on time, breached (the breach fired, or the work was done
-- after the due time), open, or nowhere (cancelled before its breach).
create function sop_compliance_category(state text, breached_at timestamptz, met_at timestamptz,
                                        due_at timestamptz) returns text immutable language sql as $$
    select case
        when state = 'MET' and breached_at is null and met_at <= due_at then 'met'
        when breached_at is not null or met_at > due_at then 'breached'
        when state = 'OPEN' then 'open'
    end
$$;

create function sop_compliance_track() returns trigger language plpgsql as $$
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
            and old.owner_id = new.owner_id and old.rule_id = new.rule_id then
        return null;
    end if;
    if before_category is not null then
        insert into sop_compliance_delta (day, rule_id, owner_id, met, breached, open)
        values ((old.due_at at time zone 'UTC')::date, old.rule_id, old.owner_id, -(before_category = 'met')::int,
                -(before_category = 'breached')::int, -(before_category = 'open')::int);
    end if;
    if now_category is not null then
        insert into sop_compliance_delta (day, rule_id, owner_id, met, breached, open)
        values ((new.due_at at time zone 'UTC')::date, new.rule_id, new.owner_id, (now_category = 'met')::int,
                (now_category = 'breached')::int, (now_category = 'open')::int);
    end if;
    return null;
end $$;

create trigger sop_compliance_track after insert or delete or update of state, breached_at, met_at, due_at, owner_id,
    rule_id on sop_deadline for each row execute function sop_compliance_track();

-- The days counted anew from the deadlines (this migration, and a bulk load that switched the trigger off).
create function sop_compliance_refill() returns void language sql as $$
    delete from sop_compliance_delta;
    delete from sop_compliance_day;
    insert into sop_compliance_day (day, rule_id, owner_id, met, breached, open)
    select (due_at at time zone 'UTC')::date, rule_id, owner_id,
           count(*) filter (where c = 'met'), count(*) filter (where c = 'breached'), count(*) filter (where c = 'open')
    from (select due_at, rule_id, owner_id, sop_compliance_category(state, breached_at, met_at, due_at) as c
          from sop_deadline) d
    where c is not null
    group by 1, 2, 3;
$$;

select sop_compliance_refill();
