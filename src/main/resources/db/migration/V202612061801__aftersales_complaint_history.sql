-- The complaint's history (投诉记录): append-only, like every record of what happened. A severity changed at
-- classification is kept with the severity before and after and, for a lower one, the reason the handler gave:
-- a downgrade drops the level-I flag and loosens the SLA, so it must stay explained.
create table aftersales_complaint_event (
    id               bigint generated always as identity primary key,
    complaint_id     uuid not null references aftersales_complaint (id) on delete cascade,
    kind             text not null check (kind in ('SEVERITY_RAISED', 'SEVERITY_LOWERED')),
    actor_id         uuid,
    severity_before  text,
    severity_after   text,
    reason           text,
    occurred_at      timestamptz not null
);
create index aftersales_complaint_event_complaint_idx on aftersales_complaint_event (complaint_id, id);

create function aftersales_complaint_event_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'the complaint history is append-only';
end $$;
create trigger aftersales_complaint_event_no_update before update on aftersales_complaint_event
    for each row execute function aftersales_complaint_event_immutable();
