-- Document numbers without gaps (HT-, KP-, SK-, DD-, CP-): a counter row per prefix and year, taken in the
-- transaction that creates the document, so a refused or rolled-back create gives its number back (a
-- sequence's nextval never does). The module sequences they replace are dropped.

create table platform_document_number (
    prefix text   not null check (prefix ~ '^[A-Z]+$'),
    year   int    not null,
    last   bigint not null check (last > 0),
    primary key (prefix, year)
);

-- continue every year's series after the highest number it already has
insert into platform_document_number (prefix, year, last)
select prefix, split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::bigint)
from (select 'HT' as prefix, number from contract_contract
      union all select 'KP', number from invoice_invoice
      union all select 'SK', number from receivable_receipt
      union all select 'DD', number from order_order
      union all select 'CP', code from aftersales_complaint) d
where number ~ ('^' || prefix || '-[0-9]{4}-[0-9]{1,18}$')
group by prefix, split_part(number, '-', 2);

drop sequence contract_number_seq;
drop sequence invoice_number_seq;
drop sequence receivable_receipt_seq;
drop sequence order_number_seq;
drop sequence aftersales_complaint_seq;
