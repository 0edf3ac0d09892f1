-- A complaint closed with the customer's rating is its satisfaction result (568ca00). Complaints closed so before
-- that have no survey row: write it as SurveyService.recordRating does — answered, with the rating's confirmation,
-- the customer's rep and their team, the product line; sent when the rating was asked, answered when it was given
-- (the close, where the confirmation lacks the time). A complaint that has a survey row already keeps it, as in
-- the code; run again, it writes nothing. Ids are random (v4): PostgreSQL 14, still supported, has no uuidv7(),
-- and nothing orders surveys by id.
insert into aftersales_survey (id, customer_id, occasion, subject_id, rep_id, team_id, product_line,
                               confirmation_id, sent_at, rating, comment, answered_at)
select gen_random_uuid(), k.customer_id, 'COMPLAINT_CLOSED', k.id, k.customer_owner_id, u.org_unit_id, k.product_line,
       c.id, coalesce(c.sent_at, c.answered_at, k.closed_at), c.rating, c.comment, coalesce(c.answered_at, k.closed_at)
from aftersales_complaint k
join confirmation_confirmation c on c.id = k.rating_confirmation_id
left join platform_user u on u.id = k.customer_owner_id
where k.status = 'CLOSED' and c.rating is not null
  and not exists (select 1 from aftersales_survey s where s.occasion = 'COMPLAINT_CLOSED' and s.subject_id = k.id)
  and not exists (select 1 from aftersales_survey s where s.confirmation_id = c.id);
