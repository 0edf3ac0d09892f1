-- Progress of rewriting leads' company-name keys after the rule that derives them changed
-- (lead.internal.jobs.LeadNameKeysBackfill): the last lead id done per rule version.
create table lead_name_key_backfill (
    rule_version int primary key,
    last_id      uuid,
    finished_at  timestamptz
);
