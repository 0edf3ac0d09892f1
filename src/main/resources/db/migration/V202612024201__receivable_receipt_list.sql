-- The receipts list (GET /api/v1/receipts, the workbench's latest receipts): newest received first, keyset on (received_on, id)
create index receivable_receipt_received_idx on receivable_receipt (received_on desc, id desc);
