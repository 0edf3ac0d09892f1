-- A tax invoice number (发票号码) is on one invoice only: the issue checks it, this index decides when two are
-- issued at the same moment. Reversed invoices keep theirs (the red-letter invoice cancels it, the number stays used).
create unique index invoice_invoice_number_uq on invoice_invoice (invoice_number) where invoice_number is not null;
