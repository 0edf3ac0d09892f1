-- Orders (订单): made from a signed contract's lines, shipped in parts (发货) with the carrier's waybill (D2),
-- checked weekly by the rep (D1), delayed with a history of promised dates (D3), accepted by the customer (验收).

create sequence order_number_seq;

create table order_order (
    id                   uuid primary key,
    number               text not null unique,
    contract_id          uuid not null,
    contract_number      text not null,
    customer_id          uuid not null,
    owner_id             uuid not null,
    status               text not null,
    address              text not null,
    consignee            text not null,
    consignee_phone      text,
    promised_date        date not null,
    delivered_on         date,
    accepted_on          date,
    acceptance_signed_by text,
    acceptance_quantity  text,
    acceptance_quality   text,
    acceptance_remarks   text,
    acceptance_file_id   uuid,
    acceptance_confirmation_id uuid,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint not null
);
create index order_list_idx on order_order (created_at desc, id desc);
create index order_owner_idx on order_order (owner_id, created_at desc, id desc);
create index order_contract_idx on order_order (contract_id);

create table order_line (
    order_id     uuid not null references order_order (id) on delete cascade,
    line_key     int not null,
    product_id   uuid not null,
    product_code text not null,
    product_name text not null,
    unit         text,
    quantity     numeric(18, 2) not null check (quantity > 0),
    shipped      numeric(18, 2) not null default 0 check (shipped >= 0 and shipped <= quantity),
    primary key (order_id, line_key)
);

create table order_shipment (
    order_id           uuid not null references order_order (id) on delete cascade,
    shipment_key       int not null,
    line_key           int not null,
    quantity           numeric(18, 2) not null check (quantity > 0),
    carrier            text not null,
    waybill_number     text,
    waybill_recorded_at timestamptz,
    ship_date          date not null,
    recorded_by        uuid not null,
    recorded_at        timestamptz not null,
    primary key (order_id, shipment_key)
);

-- D3: every promised date, the first as the order was made, each delay with its reason
create table order_promise (
    order_id      uuid not null references order_order (id) on delete cascade,
    promise_key   int not null,
    promised_date date not null,
    reason        text,
    customer_told_at timestamptz,
    recorded_by   uuid not null,
    recorded_at   timestamptz not null,
    primary key (order_id, promise_key)
);

-- D1: the rep's weekly progress notes
create table order_progress_note (
    id          bigserial primary key,
    order_id    uuid not null references order_order (id),
    note        text not null,
    recorded_by uuid not null,
    recorded_at timestamptz not null
);
create index order_progress_note_order_idx on order_progress_note (order_id, id desc);
