-- Approvals: JOINT steps (联合评审: every verdict heard before a send-back returns the flow, K1) and remarks
-- on sections given with a decision, append-only like the history.

alter table approval_step_def drop constraint approval_step_def_mode_check;
alter table approval_step_def add constraint approval_step_def_mode_check
    check (mode in ('SEQUENTIAL', 'PARALLEL', 'JOINT'));

create table approval_remark (
    id           bigint generated always as identity primary key,
    approval_id  uuid not null references approval (id),
    task_id      uuid not null,
    round        int not null,
    position     int not null,
    section      text not null check (length(section) between 1 and 100),
    text         text not null check (length(text) between 1 and 2000),
    occurred_at  timestamptz not null
);
create index approval_remark_approval_idx on approval_remark (approval_id, id);

create trigger approval_remark_no_update before update or delete on approval_remark
    for each row execute function approval_history_immutable();
create trigger approval_remark_no_truncate before truncate on approval_remark
    for each statement execute function approval_history_immutable();
