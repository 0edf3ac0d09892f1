-- The payment plan's history (回款计划记录): append-only, one line per due date set by hand — the rep fixing the date
-- of a plan whose condition never dated it, finance moving a date the contract or its condition set — with who, the
-- date before and after and the reason. A later date holds a plan back from aging, P2 and the collection rate, so
-- each move must stay explained.
create table receivable_plan_event (
    id           bigint generated always as identity primary key,
    plan_id      uuid not null references receivable_plan (id) on delete cascade,
    kind         text not null check (kind in ('DUE_DATE_SET', 'DUE_DATE_MOVED')),
    actor_id     uuid not null,
    due_before   date,
    due_after    date not null,
    reason       text,
    occurred_at  timestamptz not null
);
create index receivable_plan_event_plan_idx on receivable_plan_event (plan_id, id);

create function receivable_plan_event_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'the payment plan history is append-only';
end $$;
create trigger receivable_plan_event_no_update before update on receivable_plan_event
    for each row execute function receivable_plan_event_immutable();
