-- 发票代码: a paper invoice (8-digit number) carries an invoice code of 10 or 12 digits besides its number; a fully
-- digital invoice (全电发票, 20-digit number) has none. A paper number is unique only within its code, so the
-- unique index holds the pair (a digital invoice's code is empty).
alter table invoice_invoice add column invoice_code text;
drop index invoice_invoice_number_uq;
create unique index invoice_invoice_number_uq on invoice_invoice (invoice_number, coalesce(invoice_code, ''))
    where invoice_number is not null;
