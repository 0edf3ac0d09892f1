-- Quote numbers without gaps (Q-), as the other documents' since V202612050101: a quote is sent and printed, and a
-- refused or rolled-back create used up its number from quote_number_seq. Its numbers now come from the counter row
-- of the prefix and year (platform_document_number), taken in the creating transaction; a revision keeps its
-- quote's number. Every year's series continues after the highest number it already has, so the format and the
-- numbers already given stay as they are. Run twice, it changes nothing more.

insert into platform_document_number (prefix, year, last)
select 'Q', split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::bigint)
from quote_quote
where number ~ '^Q-[0-9]{4}-[0-9]{1,18}$'
group by split_part(number, '-', 2)
having max(split_part(number, '-', 3)::bigint) > 0
on conflict (prefix, year) do update set last = greatest(platform_document_number.last, excluded.last);

drop sequence if exists quote_number_seq;
