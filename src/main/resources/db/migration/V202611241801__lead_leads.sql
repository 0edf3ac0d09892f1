-- Leads (线索): capture, grading, routing, claims, conversion.
create sequence lead_code_seq;

create table lead_lead (
    id                      uuid primary key,
    code                    text not null unique,
    company_name            text not null,
    company_name_normalized text not null,
    contact_name            text,
    contact_title           text,
    phone                   text,
    phone_normalized        text,
    email                   text,
    email_normalized        text,
    industry                text,
    region                  text,
    product_line            text,
    source                  text not null,
    source_detail           text,
    sourced_at              timestamptz not null,
    budget                  numeric(18, 2),
    purchase_date           date,
    decision_maker_known    boolean not null,
    decision_chain_notes    text,
    uscc                    text,
    notes                   text,
    captured_via            text not null,
    captured_by             uuid,
    grade                   text not null,
    grade_points            int not null,
    grade_complete          boolean not null,
    grade_override_reason   text,
    graded_at               timestamptz,
    screened_at             timestamptz,
    screened_by             uuid,
    status                  text not null,
    owner_id                uuid,
    queue_manager_id        uuid,
    territory_id            uuid,
    assigned_at             timestamptz,
    first_contact_at        timestamptz,
    contest_closes_at       timestamptz,
    contest_open            boolean not null default false,
    duplicate_keep_reason   text,
    disqualify_reason       text,
    disqualify_note         text,
    converted_at            timestamptz,
    customer_id             uuid,
    contact_id              uuid,
    opportunity_id          uuid,
    version                 bigint not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);
-- keyset list (newest first) and its common filters
create index lead_lead_created_idx on lead_lead (created_at desc, id desc);
create index lead_lead_owner_idx on lead_lead (owner_id, created_at desc, id desc);
create index lead_lead_status_idx on lead_lead (status, created_at desc, id desc);
create index lead_lead_pool_idx on lead_lead (created_at desc, id desc) where owner_id is null;
-- routing: open A/B load per rep, last assignment per rep
create index lead_lead_load_idx on lead_lead (owner_id, assigned_at) where status in ('ASSIGNED', 'CONTACTED');
-- duplicate checks
create index lead_lead_name_idx on lead_lead (company_name_normalized);
create index lead_lead_phone_idx on lead_lead (phone_normalized) where phone_normalized is not null;
create index lead_lead_email_idx on lead_lead (email_normalized) where email_normalized is not null;
create index lead_lead_uscc_idx on lead_lead (uscc) where uscc is not null;
create index lead_lead_contest_idx on lead_lead (contest_closes_at) where contest_open;

create table lead_grade_reason (
    lead_id     uuid not null references lead_lead (id) on delete cascade,
    criterion   text not null,
    met         boolean not null,
    message_key text not null,
    args        text,
    primary key (lead_id, criterion)
);

create table lead_claim (
    lead_id    uuid not null references lead_lead (id) on delete cascade,
    user_id    uuid not null,
    claimed_at timestamptz not null,
    primary key (lead_id, user_id)
);

-- Contact attempts: the log behind the first response (L7).
create table lead_contact_attempt (
    id          uuid primary key,
    lead_id     uuid not null references lead_lead (id),
    channel     text not null,
    intent      text not null,
    summary     text not null,
    occurred_at timestamptz not null,
    logged_by   uuid not null,
    logged_at   timestamptz not null
);
create index lead_contact_attempt_lead_idx on lead_contact_attempt (lead_id, occurred_at desc);

-- The lead's history as people read it (routing decisions, claims, reassignments), beside the field-level audit.
create table lead_event (
    id          bigint generated always as identity primary key,
    lead_id     uuid not null references lead_lead (id),
    occurred_at timestamptz not null,
    actor_id    uuid,
    message_key text not null,
    args        text
);
create index lead_event_lead_idx on lead_event (lead_id, id);

-- Territories (销售区域): industry / region / product line → reps, with a manager.
create table lead_territory (
    id            uuid primary key,
    name          text not null,
    industries    text not null default '',
    regions       text not null default '',
    product_lines text not null default '',
    manager_id    uuid,
    version       bigint not null,
    created_at    timestamptz not null
);
create unique index lead_territory_name_uq on lead_territory (lower(name));
create table lead_territory_member (
    lead_territory uuid not null references lead_territory (id) on delete cascade,
    user_id        uuid not null,
    primary key (lead_territory, user_id)
);

-- Managed reasons for disqualification.
create table lead_disqualify_reason (
    code     text primary key,
    label_zh text not null,
    label_en text not null,
    active   boolean not null default true,
    position int not null
);
insert into lead_disqualify_reason (code, label_zh, label_en, position) values
    ('NO_NEED', '无真实需求', 'No real need', 1),
    ('NO_BUDGET', '无预算', 'No budget', 2),
    ('UNREACHABLE', '无法联系', 'Unreachable', 3),
    ('COMPETITOR', '已选竞品', 'Chose a competitor', 4),
    ('DUPLICATE', '重复线索', 'Duplicate', 5),
    ('INVALID_INFO', '信息不实', 'False information', 6),
    ('OTHER', '其他', 'Other', 99);

-- Web-to-lead: API keys per source, idempotency and a per-key rate window.
create table lead_api_key (
    id          uuid primary key,
    name        text not null,
    source      text not null,
    key_hash    text not null unique,
    key_prefix  text not null,
    rate_per_minute int not null,
    created_by  uuid,
    created_at  timestamptz not null,
    revoked_at  timestamptz
);
create table lead_idempotency (
    api_key_id uuid not null references lead_api_key (id),
    idem_key   text not null,
    lead_id    uuid not null references lead_lead (id),
    created_at timestamptz not null,
    primary key (api_key_id, idem_key)
);
create table lead_rate_window (
    api_key_id   uuid not null,
    window_start timestamptz not null,
    hits         int not null,
    primary key (api_key_id, window_start)
);

-- Imports: progress and the per-row report.
create table lead_import (
    id          uuid primary key,
    file_name   text not null,
    mode        text not null,
    state       text not null,
    total_rows  int not null default 0,
    processed   int not null default 0,
    imported    int not null default 0,
    failed      int not null default 0,
    errors      text,
    created_by  uuid not null,
    created_at  timestamptz not null,
    finished_at timestamptz
);
create index lead_import_user_idx on lead_import (created_by, created_at desc);

-- Exactly-once marks of the scheduled lead jobs (L2 daily summary, L4 weekly nurture batch).
create table lead_job_run (
    job    text not null,
    period text not null,
    ran_at timestamptz not null,
    primary key (job, period)
);
