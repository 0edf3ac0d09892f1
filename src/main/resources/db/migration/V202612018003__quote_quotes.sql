-- Quotes (报价): every version (revision) is its own row sharing the quote's number; a new revision
-- supersedes the previous one, which stays readable. Lines keep the product as it was quoted.
create sequence quote_number_seq;

create table quote_quote (
    id                 uuid primary key,
    number             text not null,
    revision           integer not null check (revision >= 1),
    opportunity_id     uuid not null,
    customer_id        uuid not null,
    author_id          uuid not null,
    status             text not null,
    currency           text not null,
    price_list_id      uuid,
    quoted_on          date not null,
    valid_until        date,
    delivery_period    text,
    payment_terms      text,
    notes              text,
    subtotal           numeric(18, 2) not null,
    tax                numeric(18, 2) not null,
    total              numeric(18, 2) not null,
    list_total         numeric(18, 2) not null,
    max_discount       numeric(7, 2) not null,
    required_authority text not null,
    approval_id        uuid,
    reviewed_by        uuid,
    reviewed_at        timestamptz,
    review_comment     text,
    confirmation_id    uuid,
    sent_at            timestamptz,
    answered_at        timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint not null,
    unique (number, revision)
);
create index quote_quote_opportunity_idx on quote_quote (opportunity_id, number, revision desc);
create index quote_quote_approval_idx on quote_quote (approval_id) where approval_id is not null;

create table quote_line (
    quote            uuid not null references quote_quote (id) on delete cascade,
    quote_key        integer not null,
    product_id       uuid not null,
    product_code     text not null,
    product_name     text not null,
    specification    text,
    unit             text,
    list_price       numeric(18, 2) not null,
    reference_price  numeric(18, 2) not null,
    unit_price       numeric(18, 2) not null,
    quantity         numeric(18, 2) not null check (quantity > 0),
    discount_percent numeric(5, 2) not null check (discount_percent >= 0 and discount_percent <= 100),
    tax_rate         numeric(5, 2) not null,
    line_total       numeric(18, 2) not null,
    primary key (quote, quote_key)
);
