-- Why a link was not e-mailed, decided when it was issued (EmailNotSent), so a page shows the reason of that day
-- rather than one worked out again from today's settings. Links issued before this column: the reason is known only
-- where the contact had no address; otherwise it stays unknown (null).
alter table confirmation_link add column not_emailed_reason varchar(20)
    check (not_emailed_reason in ('NOT_REQUESTED', 'NO_ADDRESS', 'NO_MAIL_SERVER', 'NO_PUBLIC_ADDRESS'));
update confirmation_link l set not_emailed_reason = 'NO_ADDRESS'
from confirmation_confirmation c
where c.id = l.confirmation_id and not l.emailed and coalesce(btrim(c.recipient_email), '') = '';
alter table confirmation_link add constraint confirmation_link_emailed_without_reason
    check (not (emailed and not_emailed_reason is not null));
