-- Negotiation minutes (谈判纪要, Q3): every version its own row; a new version supersedes the previous one.
create table quote_minutes (
    id                 uuid primary key,
    opportunity_id     uuid not null,
    customer_id        uuid not null,
    revision           integer not null check (revision >= 1),
    status             text not null,
    held_on            date not null,
    agreed_price       numeric(18, 2) not null check (agreed_price > 0),
    currency           text not null,
    delivery_standard  text not null,
    liability          text not null,
    open_issues        text,
    our_attendees      text not null,
    customer_attendees text not null,
    author_id          uuid not null,
    confirmation_id    uuid,
    sent_at            timestamptz,
    answered_at        timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint not null,
    unique (opportunity_id, revision)
);
-- one current version per opportunity
create unique index quote_minutes_current_idx on quote_minutes (opportunity_id) where status <> 'SUPERSEDED';

create table quote_minutes_milestone (
    minutes       uuid not null references quote_minutes (id) on delete cascade,
    minutes_key   integer not null,
    type          text not null,
    percent       numeric(5, 2),
    amount        numeric(18, 2),
    due_condition text not null,
    primary key (minutes, minutes_key),
    check ((percent is null) <> (amount is null))
);
