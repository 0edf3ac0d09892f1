-- A receipt is recorded once.
--
-- Idempotency keys of POST /api/v1/receipts, per user: the receipt a key recorded and the fingerprint of the body
-- it came with, so a retry answers that receipt and the key sent with another body is refused.
create table receivable_receipt_idempotency (
    user_id    uuid not null,
    idem_key   text not null,
    receipt_id uuid not null references receivable_receipt (id),
    body_hash  text not null,
    created_at timestamptz not null,
    primary key (user_id, idem_key)
);
