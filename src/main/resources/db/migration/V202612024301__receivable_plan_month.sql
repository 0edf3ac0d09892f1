-- The receivables' monthly read model (回款月度汇总, P2): per owner and month of the due date, what the payment plans
-- ask and have collected (written-off ones too: the collection rate counts them as due and uncollected) and what the
-- open ones still owe; kept by the database in the same transaction as every change of a plan, whichever code path makes it.
-- The collection rate reads the finished months from here and only this month's plans from receivable_plan; the
-- aging report reads the months that lie wholly in its oldest bucket from here and only the recent plans one by one —
-- instead of every plan due so far (a million at scale). Plans without a due date have no month and are not here.
create table receivable_plan_month (
    owner_id    uuid not null,
    month       date not null,
    plans       int not null,
    due         numeric(18, 2) not null,
    collected   numeric(18, 2) not null,
    open_plans  int not null,
    outstanding numeric(18, 2) not null,
    constraint receivable_plan_month_cell unique (owner_id, month)
);
-- every receipt allocated updates a cell: room on each page keeps the new version there (a HOT update)
alter table receivable_plan_month set (fillfactor = 70);

-- adds to one cell; a cell that counts no plan any more is removed (open plans are among the counted ones)
create function receivable_plan_month_add(p_owner uuid, p_month date, p_plans int, p_due numeric, p_collected numeric,
                                          p_open int, p_outstanding numeric) returns void language plpgsql as $$
declare
    cell tid;
    left_over int;
begin
    insert into receivable_plan_month as m (owner_id, month, plans, due, collected, open_plans, outstanding)
    values (p_owner, p_month, p_plans, p_due, p_collected, p_open, p_outstanding)
    on conflict on constraint receivable_plan_month_cell do update
        set plans = m.plans + excluded.plans, due = m.due + excluded.due, collected = m.collected + excluded.collected,
            open_plans = m.open_plans + excluded.open_plans, outstanding = m.outstanding + excluded.outstanding
    returning m.ctid, m.plans into cell, left_over;
    if left_over = 0 then
        delete from receivable_plan_month where ctid = cell;
    end if;
end $$;

create function receivable_plan_month_track() returns trigger language plpgsql as $$
declare
    old_in   boolean := tg_op <> 'INSERT' and old.due_date is not null;
    new_in   boolean := tg_op <> 'DELETE' and new.due_date is not null;
    old_open int := 0;
    new_open int := 0;
    old_key  text;
    new_key  text;
begin
    if old_in then
        old_key := row(old.owner_id, date_trunc('month', old.due_date)::date)::text;
        old_open := case when old.state in ('PLANNED', 'DUE', 'PARTIALLY_PAID', 'OVERDUE') then 1 else 0 end;
    end if;
    if new_in then
        new_key := row(new.owner_id, date_trunc('month', new.due_date)::date)::text;
        new_open := case when new.state in ('PLANNED', 'DUE', 'PARTIALLY_PAID', 'OVERDUE') then 1 else 0 end;
    end if;
    if old_in and new_in and old_key = new_key then
        if old.amount <> new.amount or old.paid_amount <> new.paid_amount or old_open <> new_open then
            perform receivable_plan_month_add(new.owner_id, date_trunc('month', new.due_date)::date, 0,
                new.amount - old.amount, new.paid_amount - old.paid_amount, new_open - old_open,
                new_open * (new.amount - new.paid_amount) - old_open * (old.amount - old.paid_amount));
        end if;
        return null;
    end if;
    -- two cells change: always in the same order, so two opposite moves cannot deadlock
    if old_in and (not new_in or old_key < new_key) then
        perform receivable_plan_month_add(old.owner_id, date_trunc('month', old.due_date)::date, -1, -old.amount,
            -old.paid_amount, -old_open, -old_open * (old.amount - old.paid_amount));
        old_in := false;
    end if;
    if new_in then
        perform receivable_plan_month_add(new.owner_id, date_trunc('month', new.due_date)::date, 1, new.amount,
            new.paid_amount, new_open, new_open * (new.amount - new.paid_amount));
    end if;
    if old_in then
        perform receivable_plan_month_add(old.owner_id, date_trunc('month', old.due_date)::date, -1, -old.amount,
            -old.paid_amount, -old_open, -old_open * (old.amount - old.paid_amount));
    end if;
    return null;
end $$;

create trigger receivable_plan_month_track
    after insert or delete or update of owner_id, due_date, state, amount, paid_amount
    on receivable_plan for each row execute function receivable_plan_month_track();

create function receivable_plan_month_clear() returns trigger language plpgsql as $$
begin
    truncate receivable_plan_month;
    return null;
end $$;

create trigger receivable_plan_month_clear after truncate on receivable_plan
    for each statement execute function receivable_plan_month_clear();

-- the cells as they stand
insert into receivable_plan_month (owner_id, month, plans, due, collected, open_plans, outstanding)
select owner_id, date_trunc('month', due_date)::date, count(*), sum(amount), sum(paid_amount),
       count(*) filter (where state in ('PLANNED', 'DUE', 'PARTIALLY_PAID', 'OVERDUE')),
       coalesce(sum(amount - paid_amount) filter (where state in ('PLANNED', 'DUE', 'PARTIALLY_PAID', 'OVERDUE')), 0)
from receivable_plan
where due_date is not null
group by 1, 2;

-- the collection rate's part months: the plans due from a month's first day to today (or from a period's first day
-- to its month's end), from the index alone
create index receivable_plan_due_idx on receivable_plan (due_date) include (owner_id, amount, paid_amount);
