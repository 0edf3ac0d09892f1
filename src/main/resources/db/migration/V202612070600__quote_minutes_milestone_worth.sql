-- What each negotiated payment milestone is worth to the fen, kept as the customer confirmed it (decision 0041).
-- Minutes written before keep the figure they were shown and confirmed with: each percentage of the agreed
-- price rounded half-up on its own (so three percentages could miss the price by a fen).
alter table quote_minutes_milestone add column worth numeric(18, 2);
update quote_minutes_milestone mm
   set worth = coalesce(round(mm.amount, 2), round(m.agreed_price * mm.percent / 100, 2))
  from quote_minutes m
 where m.id = mm.minutes;
alter table quote_minutes_milestone alter column worth set not null;
