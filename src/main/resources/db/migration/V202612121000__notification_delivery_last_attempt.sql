-- When a delivery was last tried, whatever came of it: a robot's page says when it last delivered or failed
-- (next_attempt_at is already the retry's time by then). Deliveries sent before keep their sending time.
alter table notification_delivery add column last_attempt_at timestamptz;
update notification_delivery set last_attempt_at = sent_at where sent_at is not null;
-- a robot's health reads its latest deliveries
create index notification_delivery_robot_attempt_idx on notification_delivery (robot_id, last_attempt_at desc)
    where robot_id is not null;
