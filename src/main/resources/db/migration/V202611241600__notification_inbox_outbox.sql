-- Notifications: the in-app inbox, the delivery outbox for e-mail and group robots, per-user
-- preferences, company robots and the daily digest. No foreign keys to other modules' tables.

create table notification_message (
    id           uuid primary key,
    recipient_id uuid not null,
    kind         text not null,
    title_key    text not null,
    args         jsonb not null default '[]'::jsonb,
    link         text,
    urgency      text not null check (urgency in ('NORMAL', 'URGENT')),
    created_at   timestamptz not null,
    read_at      timestamptz
);
-- the inbox, newest first, keyset-paginated
create index notification_message_inbox_idx on notification_message (recipient_id, created_at desc, id desc);
-- unread filter, unread count (the header badge asks every minute) and the digest's per-user scan
create index notification_message_unread_idx on notification_message (recipient_id, created_at desc, id desc)
    where read_at is null;
-- the digest job's search for people with unread normal notifications
create index notification_message_digest_idx on notification_message (created_at)
    where read_at is null and urgency = 'NORMAL';

create table notification_preference (
    user_id        uuid primary key,
    locale         text not null default 'zh-CN',
    email_enabled  boolean not null default true,
    digest_enabled boolean not null default true,
    muted_kinds    text not null default '',
    version        bigint not null,
    updated_at     timestamptz not null
);

create table notification_robot (
    id            uuid primary key,
    channel       text not null check (channel in ('DINGTALK', 'WECOM')),
    name          text not null check (length(trim(name)) between 1 and 60),
    webhook_url   text not null,
    secret        text,
    kind_prefixes text not null default '',
    enabled       boolean not null default true,
    version       bigint not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create unique index notification_robot_name_uq on notification_robot (lower(name));

-- One row per person and day: the unique key makes the digest exactly-once across threads and nodes.
create table notification_digest (
    id          uuid primary key,
    user_id     uuid not null,
    digest_date date not null,
    cutoff_at   timestamptz not null,
    created_at  timestamptz not null,
    unique (user_id, digest_date)
);
create index notification_digest_last_idx on notification_digest (user_id, cutoff_at desc);

-- The outbox: one row per external channel a message (or a digest) goes out on.
create table notification_delivery (
    id              uuid primary key,
    message_id      uuid references notification_message (id) on delete cascade,
    digest_id       uuid references notification_digest (id) on delete cascade,
    recipient_id    uuid not null,
    channel         text not null check (channel in ('EMAIL', 'DINGTALK', 'WECOM')),
    robot_id        uuid references notification_robot (id),
    state           text not null check (state in ('PENDING', 'SENT', 'FAILED', 'DIGESTED')),
    attempts        int not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    check (message_id is not null or digest_id is not null),
    check (state <> 'PENDING' or next_attempt_at is not null)
);
-- the worker's claim: due pending rows only, so the poll stays cheap however much history there is
create index notification_delivery_due_idx on notification_delivery (next_attempt_at) where state = 'PENDING';
create index notification_delivery_message_idx on notification_delivery (message_id);
create index notification_delivery_digest_idx on notification_delivery (digest_id) where digest_id is not null;
create index notification_delivery_robot_idx on notification_delivery (robot_id) where robot_id is not null;
