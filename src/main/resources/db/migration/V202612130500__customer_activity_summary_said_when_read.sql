-- A follow-up carried from a converted lead keeps its summary as a bundle key with arguments (the intent as a key) and
-- the rep's words, said in each reader's language when read; one written by hand has neither (null: as written).
alter table customer_activity
    add column summary_key  text,
    add column summary_args text;

-- Those carried before were stored said in the converter's language: "<intent>, contacted as a lead: <words>" or
-- "<意向>，线索阶段联系：<words>", from the only wording these sentences ever had. A carried follow-up is logged when
-- the lead logged it, due then (log_due_at = logged_at), never late and owes no minutes — one logged by hand is due a
-- window after it happened. Those matching both are taken apart; anything else (a summary corrected since) stays as
-- written.
update customer_activity a
   set summary_key = 'lead.convert.earlierContact',
       summary_args = '#lead.intent.' || p.intent,
       summary = substr(a.summary, length(p.prefix) + 1)
  from (values ('HIGH', 'High intent, contacted as a lead: '),
               ('MEDIUM', 'Medium intent, contacted as a lead: '),
               ('LOW', 'Low intent, contacted as a lead: '),
               ('HIGH', '高意向，线索阶段联系：'),
               ('MEDIUM', '中意向，线索阶段联系：'),
               ('LOW', '低意向，线索阶段联系：')) as p (intent, prefix)
 where a.summary_key is null
   and a.log_due_at = a.logged_at
   and not a.late
   and a.minutes_due_at is null
   and left(a.summary, length(p.prefix)) = p.prefix
   and length(a.summary) > length(p.prefix);
