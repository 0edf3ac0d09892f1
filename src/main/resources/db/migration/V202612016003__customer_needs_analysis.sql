-- Needs-analysis reports (需求分析报告, SOP 001 stage two): one row per version; the versions of one
-- report share report_id (the id of version 1), so a report keeps its identity when customers merge.
create table customer_needs_analysis (
    id               uuid primary key,
    report_id        uuid not null,
    customer_id      uuid not null references customer_customer (id),
    number           int not null check (number >= 1),
    interviewed_at   timestamptz not null,
    background       text,
    current_state    text,
    pain_points      text[] not null default '{}',
    goals            text,
    budget           text,
    decision_process text,
    customer_words   text,
    written_by       uuid not null,
    written_at       timestamptz not null,
    superseded_at    timestamptz,
    first_sent_at    timestamptz,
    version          bigint not null,
    unique (report_id, number)
);
-- a customer's reports, newest version first; the current version of a customer
create index customer_needs_analysis_customer_idx on customer_needs_analysis (customer_id, written_at desc, id desc);
create unique index customer_needs_analysis_current_idx on customer_needs_analysis (report_id) where superseded_at is null;

-- The decision chain as written into a version (决策链: decision maker, influencer, user), frozen with it
create table customer_needs_decision_maker (
    analysis_id uuid not null references customer_needs_analysis (id) on delete cascade,
    position    int not null,
    contact_id  uuid,
    name        text not null,
    title       text,
    role        text,
    primary key (analysis_id, position)
);
