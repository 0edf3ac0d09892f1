-- Customers (客户) become the centre of the product: profile, grade (C1), lifecycle, follow-up cadence
-- (C2/C3), public pool (C7), credit, merge, and the search keys of the customer search.
alter table customer_customer
    add column size                  text,
    add column region_code           text,
    add column address               text,
    add column website               text,
    add column grade                 text not null default 'C',
    add column grade_industry_position text,
    add column grade_urgency         text,
    add column grade_budget          text,
    add column grade_potential       text,
    add column grade_note            text,
    add column status_changed_at     timestamptz,
    add column lost_reason           text,
    add column pursuit_mode          text not null default 'DEVELOPMENT',
    add column pool_since            timestamptz,
    add column cadence_rule          text,
    add column cadence_anchor_at     timestamptz,
    add column follow_up_due_at      timestamptz,
    add column lapses_at             timestamptz,
    add column planned_follow_up_at  timestamptz,
    add column last_activity_at      timestamptz,
    add column credit_rating         text,
    add column credit_limit          numeric(18, 2),
    add column pending_credit_rating text,
    add column pending_credit_limit  numeric(18, 2),
    add column credit_approval_id    uuid,
    add column merged_into_id        uuid references customer_customer (id),
    add column merged_at             timestamptz,
    add column created_by            uuid,
    add column updated_at            timestamptz,
    add column name_folded           text not null default '',
    add column search_tokens         text[] not null default '{}',
    add column search_pinyin         text not null default '',
    add column search_initials       text not null default '';
alter table customer_customer alter column grade drop default;

-- lists: newest first, overall, per owner and for the pool; merged customers are never listed
create index customer_customer_created_idx on customer_customer (created_at desc, id desc) where merged_into_id is null;
create index customer_customer_owner_created_idx on customer_customer (owner_id, created_at desc, id desc)
    where merged_into_id is null;
create index customer_customer_pool_idx on customer_customer (pool_since desc, id desc)
    where owner_id is null and merged_into_id is null;
-- follow-ups due per owner (home panel, team view, calendar feed) and the C7 lapse sweep
create index customer_customer_due_idx on customer_customer (owner_id, follow_up_due_at) where merged_into_id is null;
create index customer_customer_lapse_idx on customer_customer (lapses_at) where owner_id is not null and lapses_at is not null;
-- search: character bigrams (and single CJK characters) of the name, pinyin initials bigrams and full-pinyin
-- trigrams in one array (docs/decisions/0010-customers.md)
create index customer_customer_search_idx on customer_customer using gin (search_tokens);
drop index customer_customer_name_idx;
create index customer_customer_name_idx on customer_customer (name_normalized) where merged_into_id is null;

alter table customer_contact
    add column department  text,
    add column wechat      text,
    add column attitude    text,
    add column is_primary  boolean not null default false,
    add column notes       text,
    add column version     bigint not null default 0,
    add column updated_at  timestamptz;
create unique index customer_contact_one_primary_idx on customer_contact (customer_id) where is_primary;
create index customer_contact_phone_prefix_idx on customer_contact (phone_normalized text_pattern_ops)
    where phone_normalized is not null;

-- Follow-up activities (跟进记录), C4 and C5
create table customer_activity (
    id                 uuid primary key,
    customer_id        uuid not null references customer_customer (id),
    type               text not null,
    occurred_at        timestamptz not null,
    logged_at          timestamptz not null,
    logged_by          uuid not null,
    contact_ids        uuid[] not null default '{}',
    summary            text not null,
    needs_changes      text,
    objections         text,
    objection_handling text,
    next_step          text,
    next_follow_up_at  timestamptz,
    late               boolean not null,
    log_due_at         timestamptz not null,
    minutes            text,
    minutes_due_at     timestamptz,
    minutes_written_at timestamptz,
    version            bigint not null,
    updated_at         timestamptz not null
);
create index customer_activity_customer_idx on customer_activity (customer_id, occurred_at desc, id desc);
create index customer_activity_logged_by_idx on customer_activity (logged_by, occurred_at desc);

-- The customer's story (status, owner, grade changes, pool, merges) as bundle keys with arguments
create table customer_event (
    id          bigserial primary key,
    customer_id uuid not null references customer_customer (id),
    occurred_at timestamptz not null,
    actor_id    uuid,
    message_key text not null,
    args        text
);
create index customer_event_customer_idx on customer_event (customer_id, occurred_at desc, id desc);

-- Who a customer left for the public pool, and when (C7 re-claim cooldown)
create table customer_pool_release (
    id                bigserial primary key,
    customer_id       uuid not null references customer_customer (id),
    previous_owner_id uuid not null,
    released_at       timestamptz not null,
    reason            text not null
);
create index customer_pool_release_owner_idx on customer_pool_release (previous_owner_id, customer_id, released_at desc);

-- One row per job and period: the claim of a period commits with its work (once across nodes)
create table customer_job_run (
    job        text not null,
    period     text not null,
    started_at timestamptz not null,
    processed  int not null default 0,
    primary key (job, period)
);

-- Customer imports, run as db-scheduler tasks
create table customer_import (
    id          uuid primary key,
    file_name   text not null,
    mode        text not null,
    state       text not null,
    total_rows  int not null default 0,
    processed   int not null default 0,
    imported    int not null default 0,
    failed      int not null default 0,
    errors      text,
    content     bytea,
    locale      text not null,
    created_by  uuid not null,
    created_at  timestamptz not null,
    finished_at timestamptz
);
create index customer_import_creator_idx on customer_import (created_by, created_at desc);

-- Personal follow-up calendar feeds (iCalendar); only a hash of the secret is kept
create table customer_calendar_feed (
    user_id     uuid primary key,
    secret_hash text not null unique,
    locale      text not null,
    created_at  timestamptz not null
);

