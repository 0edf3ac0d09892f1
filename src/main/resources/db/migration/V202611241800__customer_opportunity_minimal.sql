-- Customers and contacts as far as lead conversion needs them; the customer module grows them later.
create sequence customer_code_seq;
create table customer_customer (
    id               uuid primary key,
    code             text not null unique,
    name             text not null,
    name_normalized  text not null,
    uscc             text,
    industry         text,
    region           text,
    status           text not null,
    owner_id         uuid,
    source           text,
    source_lead_code text,
    version          bigint not null,
    created_at       timestamptz not null
);
create index customer_customer_name_idx on customer_customer (name_normalized);
create index customer_customer_uscc_idx on customer_customer (uscc) where uscc is not null;
create index customer_customer_owner_idx on customer_customer (owner_id);

create table customer_contact (
    id               uuid primary key,
    customer_id      uuid not null references customer_customer (id),
    name             text not null,
    title            text,
    phone            text,
    phone_normalized text,
    email            text,
    email_normalized text,
    decision_role    text,
    created_at       timestamptz not null
);
create index customer_contact_customer_idx on customer_contact (customer_id);
create index customer_contact_phone_idx on customer_contact (phone_normalized) where phone_normalized is not null;
create index customer_contact_email_idx on customer_contact (email_normalized) where email_normalized is not null;

-- Opportunity placeholders opened by converted leads.
create sequence opportunity_code_seq;
create table opportunity_opportunity (
    id               uuid primary key,
    code             text not null unique,
    customer_id      uuid not null,
    name             text not null,
    amount           numeric(18, 2) not null,
    currency         text not null,
    stage            text not null,
    owner_id         uuid,
    source_lead_code text,
    version          bigint not null,
    created_at       timestamptz not null
);
create index opportunity_owner_idx on opportunity_opportunity (owner_id);
create index opportunity_customer_idx on opportunity_opportunity (customer_id);
