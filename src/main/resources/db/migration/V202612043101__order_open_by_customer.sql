-- A customer's orders not yet accepted: business that keeps the customer with its owner (customer.OpenBusiness),
-- asked on every customer page and by the daily pool sweep.
create index order_customer_open_idx on order_order (customer_id) where status <> 'ACCEPTED';
