-- A booked shipment that has not left yet (its ship date after today) may be cancelled by operations, with a reason:
-- the shipment stays on the order as cancelled, by whom and when, and its quantity is free to ship again.
alter table order_shipment
    add column cancelled_at  timestamptz,
    add column cancelled_by  uuid,
    add column cancel_reason text,
    add constraint order_shipment_cancelled_whole
        check ((cancelled_at is null) = (cancelled_by is null) and (cancelled_at is null) = (cancel_reason is null));
