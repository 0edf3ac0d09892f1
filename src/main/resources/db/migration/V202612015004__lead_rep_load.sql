-- Routing's view of each rep's load (L5, least-loaded first): open A/B leads and the last assignment,
-- kept by the database itself as leads change, whichever code path changes them, so a capture reads one
-- row per candidate rep instead of counting every open lead of every rep in the table.
create table lead_rep_load (
    rep_id           uuid primary key,
    open_ab          int not null default 0,
    last_assigned_at timestamptz
);

create function lead_rep_load_track() returns trigger language plpgsql as $$
declare
    counted_before boolean := false;
    counted_now    boolean := false;
    old_owner      uuid;
    new_owner      uuid;
    assigned       boolean := false;
begin
    if tg_op <> 'INSERT' then
        old_owner := old.owner_id;
        counted_before := old.owner_id is not null and old.status in ('ASSIGNED', 'CONTACTED') and old.grade in ('A', 'B');
    end if;
    if tg_op <> 'DELETE' then
        new_owner := new.owner_id;
        counted_now := new.owner_id is not null and new.status in ('ASSIGNED', 'CONTACTED') and new.grade in ('A', 'B');
        assigned := new.owner_id is not null and new.assigned_at is not null
            and (tg_op = 'INSERT' or new.assigned_at is distinct from old.assigned_at
                 or new.owner_id is distinct from old.owner_id);
    end if;
    if counted_before and counted_now and old_owner = new_owner then
        counted_before := false;
        counted_now := false;
    end if;
    if counted_before and counted_now then
        -- a reassignment touches two reps: lock them in one order, so two opposite ones cannot deadlock
        perform 1 from lead_rep_load where rep_id in (old_owner, new_owner) order by rep_id for update;
    end if;
    if counted_before then
        update lead_rep_load set open_ab = open_ab - 1 where rep_id = old_owner;
    end if;
    if counted_now or assigned then
        insert into lead_rep_load as l (rep_id, open_ab, last_assigned_at)
        values (new_owner, case when counted_now then 1 else 0 end, case when assigned then new.assigned_at end)
        on conflict (rep_id) do update
            set open_ab = l.open_ab + excluded.open_ab,
                last_assigned_at = greatest(l.last_assigned_at, excluded.last_assigned_at);
    end if;
    return null;
end $$;

create trigger lead_rep_load_track after insert or delete or update of owner_id, status, grade, assigned_at
    on lead_lead for each row execute function lead_rep_load_track();

-- the loads as they stand
insert into lead_rep_load (rep_id, open_ab, last_assigned_at)
select owner_id, count(*) filter (where grade in ('A', 'B') and status in ('ASSIGNED', 'CONTACTED')), max(assigned_at)
from lead_lead where owner_id is not null group by owner_id;
