-- Approvals: flows of sequential/parallel steps, one task per resolved approver, an append-only history,
-- and delegation while someone is away.

create table approval (
    id            uuid primary key,
    subject_type  text not null,
    subject_id    text not null,
    title         text not null check (length(title) between 1 and 200),
    submitter_id  uuid not null,
    state         text not null check (state in ('IN_PROGRESS', 'APPROVED', 'REJECTED', 'SENT_BACK', 'WITHDRAWN')),
    round         int not null check (round >= 1),
    current_step  int not null,
    submitted_at  timestamptz not null,
    ended_at      timestamptz,
    version       bigint not null
);
-- "my submissions", newest first
create index approval_submitter_idx on approval (submitter_id, submitted_at desc, id desc);
-- an owning module finds the flows of its record
create index approval_subject_idx on approval (subject_type, subject_id);

-- the flow as submitted (kept for resubmission); approvers encoded as ROLE:x / USER:id / MANAGER:n
create table approval_step_def (
    approval     uuid not null references approval (id),
    position     int not null,
    name         text not null,
    mode         text not null check (mode in ('SEQUENTIAL', 'PARALLEL')),
    sla_rule_id  text,
    approvers    text not null,
    primary key (approval, position)
);

create table approval_fact (
    approval  uuid not null references approval (id),
    name      text not null,
    value     text,
    primary key (approval, name)
);

create table approval_task (
    id               uuid primary key,
    approval         uuid not null references approval (id),
    position         int not null,
    round            int not null,
    step_index       int not null,
    assignee_id      uuid,
    assignee_role    text,
    fallback_reason  text,
    state            text not null check (state in ('WAITING', 'PENDING', 'APPROVED', 'REJECTED', 'SENT_BACK', 'SKIPPED')),
    opened_at        timestamptz,
    acted_by         uuid,
    acted_at         timestamptz,
    comment          text,
    on_behalf_of     uuid,
    check ((assignee_id is null) <> (assignee_role is null)),
    unique (approval, position)
);
-- the inbox: pending tasks of a person or of a role pool, oldest first
create index approval_task_pending_person_idx on approval_task (assignee_id, opened_at, id) where state = 'PENDING';
create index approval_task_pending_role_idx on approval_task (assignee_role, opened_at, id) where state = 'PENDING';
create index approval_task_actor_idx on approval_task (approval, round, step_index, acted_by);

-- History (审批记录): append-only. The product offers no way to change it, and the database refuses it too.
create table approval_history (
    id            bigint generated always as identity primary key,
    approval_id   uuid not null references approval (id),
    round         int not null,
    event         text not null,
    step_index    int,
    task_id       uuid,
    actor_id      uuid,
    on_behalf_of  uuid,
    comment       text,
    detail        text,
    occurred_at   timestamptz not null
);
create index approval_history_approval_idx on approval_history (approval_id, id);

create function approval_history_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'the approval history is append-only';
end $$;
create trigger approval_history_no_update before update or delete on approval_history
    for each row execute function approval_history_immutable();
create trigger approval_history_no_truncate before truncate on approval_history
    for each statement execute function approval_history_immutable();

-- Delegation (代理审批): while active and within its dates, the delegate may decide the delegator's tasks.
create table approval_delegation (
    id            uuid primary key,
    delegator_id  uuid not null,
    delegate_id   uuid not null,
    starts_on     date not null,
    ends_on       date not null,
    note          text,
    active        boolean not null,
    created_at    timestamptz not null,
    revoked_at    timestamptz,
    version       bigint not null,
    check (delegator_id <> delegate_id),
    check (ends_on >= starts_on)
);
create index approval_delegation_delegator_idx on approval_delegation (delegator_id, created_at desc, id desc);
create index approval_delegation_delegate_idx on approval_delegation (delegate_id, created_at desc, id desc);
