-- Invoices (发票): requests against a contract, approved by finance through the approval mechanism, issued with
-- the invoice number and date, reversed by a red-letter invoice (红冲) with a reason.

create sequence invoice_number_seq;

create table invoice_invoice (
    id                  uuid primary key,
    number              text not null unique,
    contract_id         uuid not null,
    contract_number     text not null,
    customer_id         uuid not null,
    owner_id            uuid not null,
    type                text not null,
    buyer_name          text not null,
    buyer_tax_id        text not null,
    buyer_address_phone text,
    buyer_bank_account  text,
    amount              numeric(18, 2) not null check (amount > 0),
    currency            text not null,
    status              text not null,
    approval_id         uuid,
    invoice_number      text,
    invoiced_on         date,
    red_reason          text,
    red_at              timestamptz,
    requested_by        uuid not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint not null
);
create index invoice_contract_idx on invoice_invoice (contract_id, created_at);
create index invoice_status_idx on invoice_invoice (status, created_at);
create index invoice_approval_idx on invoice_invoice (approval_id);

create table invoice_line (
    invoice_id  uuid not null references invoice_invoice (id) on delete cascade,
    line_key    int not null,
    description text not null,
    amount      numeric(18, 2) not null check (amount > 0),
    tax_rate    numeric(5, 2) not null check (tax_rate >= 0 and tax_rate <= 100),
    primary key (invoice_id, line_key)
);
