-- Working calendar (工作日历): one settings row, dated exceptions (holidays / 调休 working days).
-- revision moves on every change, so each node sees a stale cache with one primary-key read.
create table sop_calendar_settings (
    id               int primary key check (id = 1),
    zone             text   not null,
    work_start       time   not null,
    work_end         time   not null,
    working_weekdays text   not null,
    revision         bigint not null,
    updated_at       timestamptz not null
);
insert into sop_calendar_settings (id, zone, work_start, work_end, working_weekdays, revision, updated_at)
values (1, 'Asia/Shanghai', '09:00', '18:00', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', 1, now());

-- the primary key serves "exceptions of a year" as a range scan
create table sop_calendar_exception (
    day        date primary key,
    kind       text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    note       text,
    source     text not null check (source in ('OFFICIAL', 'IMPORT', 'MANUAL')),
    created_at timestamptz not null
);

-- years whose official schedule was loaded once; an administrator's later edits are not undone
create table sop_calendar_seeded_year (
    year      int primary key,
    seeded_at timestamptz not null
);
