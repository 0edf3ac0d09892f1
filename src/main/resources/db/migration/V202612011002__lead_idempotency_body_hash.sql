-- The fingerprint of the submission an idempotency key was first used with: the same key with another body is refused.
alter table lead_idempotency add column body_hash text;
