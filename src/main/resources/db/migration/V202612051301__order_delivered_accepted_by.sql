-- Who recorded an order's delivery and its acceptance on the signed form, named on the customer's timeline like
-- every other entry's actor. An acceptance online has none (the customer's contact accepted); orders delivered or
-- accepted before keep none.
alter table order_order add column delivered_by uuid, add column accepted_by uuid;
