-- Receivables (回款): the payment plan of every signed contract, one row per payment milestone, the receipts
-- finance records and their allocation to plans; reversals keep the receipt and mark it reversed.

create table receivable_plan (
    id               uuid primary key,
    contract_id      uuid not null,
    contract_number  text not null,
    customer_id      uuid not null,
    owner_id         uuid not null,
    position         int not null check (position >= 1),
    type             text not null,
    amount           numeric(18, 2) not null check (amount > 0),
    paid_amount      numeric(18, 2) not null default 0 check (paid_amount >= 0 and paid_amount <= amount),
    currency         text not null,
    due_date         date,
    due_condition    text,
    state            text not null,
    -- P1: when the rep is reminded (the due date's start less the rule's window), null once reminded or without a date
    remind_at        timestamptz,
    reminded_at      timestamptz,
    -- P2: how far up the overdue plan has been escalated: 0 none, 1 owner, 2 manager, 3 director
    escalation_level int not null default 0,
    written_off_reason text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint not null,
    unique (contract_id, position)
);
create index receivable_plan_contract_idx on receivable_plan (contract_id, position);
create index receivable_plan_customer_idx on receivable_plan (customer_id, due_date);
-- the open plans by due date: aging, the workbench's "due this week", the rep's panel
create index receivable_plan_open_due_idx on receivable_plan (due_date, id) include (owner_id, amount, paid_amount)
    where state in ('PLANNED', 'DUE', 'PARTIALLY_PAID', 'OVERDUE');
create index receivable_plan_owner_open_idx on receivable_plan (owner_id, due_date)
    where state in ('PLANNED', 'DUE', 'PARTIALLY_PAID', 'OVERDUE');
create index receivable_plan_remind_idx on receivable_plan (remind_at) where remind_at is not null;

create sequence receivable_receipt_seq;

create table receivable_receipt (
    id               uuid primary key,
    number           text not null unique,
    customer_id      uuid not null,
    amount           numeric(18, 2) not null check (amount > 0),
    allocated_amount numeric(18, 2) not null default 0 check (allocated_amount >= 0 and allocated_amount <= amount),
    currency         text not null,
    received_on      date not null,
    method           text not null,
    payer            text,
    reference        text,
    state            text not null,
    recorded_by      uuid not null,
    recorded_at      timestamptz not null,
    reversed_by      uuid,
    reversed_at      timestamptz,
    reversal_reason  text,
    version          bigint not null
);
create index receivable_receipt_customer_idx on receivable_receipt (customer_id, received_on desc);
create index receivable_receipt_recorded_idx on receivable_receipt (recorded_at desc, id desc);
-- the workbench's "receipts to allocate"
create index receivable_receipt_unallocated_idx on receivable_receipt (received_on, id)
    where state = 'RECORDED' and allocated_amount < amount;

create table receivable_allocation (
    receipt      uuid not null references receivable_receipt (id) on delete cascade,
    receipt_key  int not null,
    plan_id      uuid not null references receivable_plan (id),
    amount       numeric(18, 2) not null check (amount > 0),
    allocated_by uuid not null,
    allocated_at timestamptz not null,
    primary key (receipt, receipt_key)
);
create index receivable_allocation_plan_idx on receivable_allocation (plan_id);
