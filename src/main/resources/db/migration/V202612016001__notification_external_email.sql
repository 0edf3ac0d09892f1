-- E-mail to people outside the company (customers' contacts) through the same outbox as notifications.
create table notification_outbound_email (
    id         uuid primary key,
    to_address text not null,
    to_name    text,
    kind       text not null,
    subject    text not null,
    body       text not null,
    created_at timestamptz not null
);

alter table notification_delivery add column outbound_id uuid references notification_outbound_email (id) on delete cascade;
-- an outbound e-mail has no user as recipient
alter table notification_delivery alter column recipient_id drop not null;
alter table notification_delivery drop constraint notification_delivery_check;
alter table notification_delivery add constraint notification_delivery_about_check
    check (case when outbound_id is null
                then (message_id is not null or digest_id is not null) and recipient_id is not null
                else message_id is null and digest_id is null end);
create index notification_delivery_outbound_idx on notification_delivery (outbound_id) where outbound_id is not null;
