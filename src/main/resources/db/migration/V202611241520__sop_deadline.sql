-- SOP deadlines (时限): one row per started rule clock, durable across restarts and nodes.
create table sop_deadline (
    id             uuid primary key,
    rule_id        text        not null,
    subject_type   text        not null,
    subject_id     text        not null,
    owner_id       uuid        not null,
    policy_version bigint      not null,
    started_at     timestamptz not null,
    due_at         timestamptz not null,
    -- the reminder instants (fractions of the window, SPEC §3), ascending
    reminder_at    timestamptz[] not null,
    state          text        not null check (state in ('OPEN', 'MET', 'BREACHED', 'CANCELLED')),
    met_at         timestamptz,
    breached_at    timestamptz,
    cancelled_at   timestamptz,
    reminders_sent int         not null default 0,
    -- when the sweep must look at this deadline next: the next reminder or the due time; null once settled
    next_fire_at   timestamptz,
    version        bigint      not null,
    created_at     timestamptz not null
);
-- one running deadline per rule and subject; a breached one still runs until it is met or cancelled
create unique index sop_deadline_running_uq on sop_deadline (rule_id, subject_type, subject_id)
    where state in ('OPEN', 'BREACHED');
-- the sweep: "open and due to fire by now", in firing order
create index sop_deadline_fire_idx on sop_deadline (next_fire_at) where state = 'OPEN';
-- lists: by owner and due time, and by due time for wider scopes and compliance periods
create index sop_deadline_owner_due_idx on sop_deadline (owner_id, due_at, id);
create index sop_deadline_due_idx on sop_deadline (due_at, id);

-- db-scheduler's table (PostgreSQL schema of db-scheduler 16.x)
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamp with time zone,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    state                text,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
