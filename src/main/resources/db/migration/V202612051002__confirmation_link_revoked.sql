-- A link replaced by a fresh one (Confirmations.renewLink) stops working; the row stays as the record that it was issued.
alter table confirmation_link add column revoked_at timestamptz;
