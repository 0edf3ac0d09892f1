-- Contracts (合同): the contract with its clauses, milestones, lines and the values its draft took from the
-- quote and minutes; templates legal maintains (versioned); amendments (补充协议), terminations, the files of a
-- contract and its append-only timeline.

create sequence contract_number_seq;

create table contract_template (
    id                uuid primary key,
    code              text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
    name              text not null check (length(name) between 1 and 100),
    template_version  int not null check (template_version >= 1),
    state             text not null check (state in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    note              text,
    created_by        uuid,
    created_at        timestamptz not null,
    published_by      uuid,
    published_at      timestamptz,
    version           bigint not null,
    unique (code, template_version)
);
-- one version in use and one being written per template
create unique index contract_template_published_idx on contract_template (code) where state = 'PUBLISHED';
create unique index contract_template_draft_idx on contract_template (code) where state = 'DRAFT';

create table contract_template_clause (
    template     uuid not null references contract_template (id) on delete cascade,
    position     int not null,
    section_key  text not null,
    heading      text not null,
    body         text not null,
    primary key (template, position)
);

create table contract_contract (
    id                   uuid primary key,
    number               text not null unique,
    title                text not null check (length(title) between 1 and 200),
    opportunity_id       uuid not null,
    customer_id          uuid not null,
    quote_id             uuid,
    template_id          uuid references contract_template (id),
    template_version     int,
    owner_id             uuid not null,
    status               text not null check (status in ('DRAFT', 'IN_REVIEW', 'REVISING', 'FINAL_APPROVAL', 'APPROVED',
                                                         'SIGNED', 'ARCHIVED', 'TERMINATED')),
    status_changed_at    timestamptz not null,
    amount               numeric(15, 2) not null check (amount > 0),
    currency             text not null,
    risk_level           text not null check (risk_level in ('LOW', 'MEDIUM', 'HIGH')),
    term_start           date,
    term_end             date,
    buyer_name           text not null,
    buyer_tax_id         text,
    buyer_address        text,
    buyer_representative text,
    seller_name          text,
    review_round         int not null default 0,
    approval_id          uuid,
    submitted_at         timestamptz,
    review_copy_file_id  uuid,
    review_copy_sha256   text,
    waiting_for          text,
    waiting_since        timestamptz,
    approved_at          timestamptz,
    signed_on            date,
    signatories          text,
    signed_at            timestamptz,
    signed_recorded_by   uuid,
    scan_file_id         uuid,
    archived_at          timestamptz,
    archived_by          uuid,
    archive_location     text,
    terminated_at        timestamptz,
    retain_until         date not null,
    created_by           uuid,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint not null,
    check (term_end is null or term_start is null or term_end >= term_start)
);
-- the list: newest first, by status, by owner (data scope); the reviewers' list (submitted at least once)
create index contract_list_idx on contract_contract (created_at desc, id desc);
create index contract_status_idx on contract_contract (status, created_at desc, id desc);
create index contract_owner_idx on contract_contract (owner_id, created_at desc, id desc);
create index contract_customer_idx on contract_contract (customer_id, created_at desc);
create index contract_opportunity_idx on contract_contract (opportunity_id);
create index contract_approval_idx on contract_contract (approval_id);

create table contract_section (
    contract         uuid not null references contract_contract (id) on delete cascade,
    position         int not null,
    section_key      text not null,
    heading          text not null,
    body             text not null,
    template_text    text,
    template_source  text,
    primary key (contract, position)
);

create table contract_milestone (
    contract       uuid not null references contract_contract (id) on delete cascade,
    position       int not null,
    type           text not null check (type in ('PREPAYMENT', 'ON_DELIVERY', 'INSTALLMENT', 'ACCEPTANCE', 'RETENTION')),
    amount         numeric(15, 2) not null check (amount > 0),
    due_date       date,
    due_condition  text,
    primary key (contract, position),
    check (due_date is not null or due_condition is not null)
);

create table contract_line (
    contract          uuid not null references contract_contract (id) on delete cascade,
    position          int not null,
    product_id        uuid,
    product_code      text,
    product_name      text not null,
    specification     text,
    unit              text,
    quantity          numeric(15, 3) not null,
    unit_price        numeric(15, 2) not null,
    discount_percent  numeric(5, 2),
    line_total        numeric(15, 2) not null,
    primary key (contract, position)
);

create table contract_value (
    contract  uuid not null references contract_contract (id) on delete cascade,
    name      text not null,
    value     text,
    primary key (contract, name)
);

-- Amendments (补充协议): their own records, linked to the signed contract.
create table contract_amendment (
    id             uuid primary key,
    contract_id    uuid not null references contract_contract (id) on delete cascade,
    number         text not null unique,
    title          text not null,
    summary        text not null,
    amount_change  numeric(15, 2) not null,
    signed_on      date not null,
    scan_file_id   uuid not null,
    created_by     uuid,
    created_at     timestamptz not null,
    version        bigint not null
);
create index contract_amendment_contract_idx on contract_amendment (contract_id, created_at);

-- Terminations (合同终止): why, from when, by whom, from which state.
create table contract_termination (
    id             uuid primary key,
    contract_id    uuid not null unique references contract_contract (id) on delete cascade,
    reason         text not null,
    effective_on   date not null,
    status_before  text not null,
    terminated_by  uuid not null,
    terminated_at  timestamptz not null
);

-- The files of a contract: review copies (the PDF of each submission), the signed scan, attachments,
-- amendment scans. The content is in the files module.
create table contract_file (
    contract_id  uuid not null references contract_contract (id) on delete cascade,
    file_id      uuid not null,
    kind         text not null check (kind in ('REVIEW_COPY', 'SIGNED_SCAN', 'ATTACHMENT', 'AMENDMENT_SCAN')),
    round        int,
    added_by     uuid,
    added_at     timestamptz not null,
    primary key (contract_id, file_id)
);

-- The timeline (合同动态): append-only, like every record of what happened.
create table contract_event (
    id           bigint generated always as identity primary key,
    contract_id  uuid not null references contract_contract (id) on delete cascade,
    kind         text not null,
    actor_id     uuid,
    detail       text,
    occurred_at  timestamptz not null
);
create index contract_event_contract_idx on contract_event (contract_id, id);

create function contract_event_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'the contract timeline is append-only';
end $$;
create trigger contract_event_no_update before update on contract_event
    for each row execute function contract_event_immutable();
