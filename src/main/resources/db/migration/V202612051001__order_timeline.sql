-- The customer's timeline (客户动态) shows an order made, shipped, delivered and accepted, each where it was recorded
-- like every other entry: the days alone (delivered_on, accepted_on) cannot put a delivery before an acceptance of
-- the same day.
alter table order_order add column delivered_at timestamptz, add column accepted_at timestamptz;
-- Orders delivered or accepted before: an acceptance was the order's last change; a delivery then is placed at the
-- start of its day, before it.
update order_order set accepted_at = updated_at where accepted_on is not null;
update order_order set delivered_at = case when accepted_on is null then updated_at
        else least(delivered_on::timestamp at time zone '${company_zone}', updated_at) end
    where delivered_on is not null;
-- The timeline reads all of a customer's orders, accepted ones too (order_customer_open_idx leaves them out).
create index order_customer_idx on order_order (customer_id);
