-- Opportunities (商机) become the pipeline: stages with gates, close dates, forecast categories, product
-- lines and competitors, the evaluation panel (O1, O2), stage history and the managed list of lost reasons.
alter table opportunity_opportunity
    add column expected_close_date date,
    add column product_lines       text[] not null default '{}',
    add column competitors         text[] not null default '{}',
    add column next_step           text,
    add column forecast_category   text not null default 'PIPELINE',
    add column forecast_overridden boolean not null default false,
    add column lost_reason         text,
    add column lost_note           text,
    add column lost_to             text,
    add column lost_from_stage     text,
    add column closed_at           timestamptz,
    add column stage_changed_at    timestamptz,
    add column evaluation_score    numeric(6, 2),
    add column created_by          uuid,
    add column updated_at          timestamptz;
update opportunity_opportunity set stage_changed_at = created_at, updated_at = created_at;
alter table opportunity_opportunity
    alter column stage_changed_at set not null,
    alter column updated_at set not null;

-- the board and lists: an owner's opportunities by stage and close date
drop index opportunity_owner_idx;
create index opportunity_owner_stage_idx on opportunity_opportunity (owner_id, stage, expected_close_date, id);
-- the forecast: open opportunities by close month, won ones by the day they closed (index-only scans)
create index opportunity_open_close_idx on opportunity_opportunity (expected_close_date)
    include (owner_id, stage, forecast_category, amount) where stage not in ('WON', 'LOST');
create index opportunity_closed_idx on opportunity_opportunity (closed_at)
    include (owner_id, stage, amount, lost_reason) where stage in ('WON', 'LOST');
create index opportunity_product_lines_idx on opportunity_opportunity using gin (product_lines);

-- one scorecard per panel member; a member who scores again replaces their current one (history kept)
create table opportunity_evaluation (
    id                   uuid primary key,
    opportunity_id       uuid not null references opportunity_opportunity (id),
    evaluator_id         uuid not null,
    seat                 text not null,
    need_match           int not null check (need_match >= 0),
    competitive_strength int not null check (competitive_strength >= 0),
    payment_risk         int not null check (payment_risk >= 0),
    resource_investment  int not null check (resource_investment >= 0),
    comment              text,
    submitted_at         timestamptz not null,
    current              boolean not null
);
create index opportunity_evaluation_opportunity_idx on opportunity_evaluation (opportunity_id);

-- a tech-support evaluator invited to the panel (O2), with a deadline to answer
create table opportunity_evaluation_invitation (
    id             uuid primary key,
    opportunity_id uuid not null references opportunity_opportunity (id),
    invitee_id     uuid not null,
    invited_by     uuid not null,
    invited_at     timestamptz not null,
    answered_at    timestamptz,
    withdrawn_at   timestamptz
);
create index opportunity_invitation_opportunity_idx on opportunity_evaluation_invitation (opportunity_id);
create index opportunity_invitation_invitee_idx on opportunity_evaluation_invitation (invitee_id, invited_at desc);

-- every stage change, never edited: time in each stage and win/loss analysis read it
create table opportunity_stage_change (
    id             uuid primary key,
    opportunity_id uuid not null references opportunity_opportunity (id),
    from_stage     text,
    to_stage       text not null,
    changed_at     timestamptz not null,
    changed_by     uuid,
    amount         numeric(18, 2) not null,
    note           text
);
create index opportunity_stage_change_idx on opportunity_stage_change (opportunity_id, changed_at, id);
insert into opportunity_stage_change (id, opportunity_id, from_stage, to_stage, changed_at, changed_by, amount)
select id, id, null, stage, created_at, owner_id, amount from opportunity_opportunity;

-- the managed list of reasons an opportunity is lost (an administrator keeps it)
create table opportunity_lost_reason (
    code     text primary key,
    label_zh text not null,
    label_en text not null,
    active   boolean not null,
    position int not null
);
insert into opportunity_lost_reason (code, label_zh, label_en, active, position) values
    ('PRICE', '价格过高', 'Price too high', true, 10),
    ('COMPETITOR', '输给竞争对手', 'Lost to a competitor', true, 20),
    ('NO_BUDGET', '客户无预算', 'No budget', true, 30),
    ('NO_DECISION', '客户搁置 / 未决策', 'No decision', true, 40),
    ('TIMING', '采购时间推迟', 'Purchase postponed', true, 50),
    ('REQUIREMENTS', '需求不匹配', 'Requirements not met', true, 60),
    ('RELATIONSHIP', '客户关系不足', 'Relationship too weak', true, 70),
    ('OTHER', '其他', 'Other', true, 90);
