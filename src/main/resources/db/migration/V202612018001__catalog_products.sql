-- Products and prices (产品与价格): the catalogue, price lists (standard, per channel, per customer group)
-- with validity dates, and their prices.
create table catalog_product (
    id            uuid primary key,
    code          text not null,
    name          text not null,
    specification text,
    unit          text,
    product_line  text,
    list_price    numeric(18, 2) not null check (list_price >= 0),
    tax_rate      numeric(5, 2) not null check (tax_rate >= 0 and tax_rate <= 100),
    active        boolean not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint not null
);
-- codes are unique whatever their case; lists page by code
create unique index catalog_product_code_idx on catalog_product (lower(code));
create index catalog_product_line_idx on catalog_product (product_line, lower(code));

create table catalog_price_list (
    id         uuid primary key,
    name       text not null,
    kind       text not null,
    channel    text,
    valid_from date not null,
    valid_to   date,
    active     boolean not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint not null,
    check (valid_to is null or valid_to >= valid_from)
);
create index catalog_price_list_kind_idx on catalog_price_list (kind, valid_from desc);

create table catalog_price_list_entry (
    price_list uuid not null references catalog_price_list (id) on delete cascade,
    product_id uuid not null references catalog_product (id),
    unit_price numeric(18, 2) not null check (unit_price >= 0),
    primary key (price_list, product_id)
);
create index catalog_price_list_entry_product_idx on catalog_price_list_entry (product_id);

-- the customers of a customer-group list
create table catalog_price_list_member (
    price_list  uuid not null references catalog_price_list (id) on delete cascade,
    customer_id uuid not null,
    primary key (price_list, customer_id)
);
create index catalog_price_list_member_customer_idx on catalog_price_list_member (customer_id);
