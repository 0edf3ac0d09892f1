-- Progress of rewriting customers' company-name keys after the rule that derives them changed
-- (customer.internal.jobs.CustomerNameKeysBackfill): the last customer id done per rule version.
create table customer_name_key_backfill (
    rule_version int primary key,
    last_id      uuid,
    finished_at  timestamptz
);
