-- Deadline notices now say the rule by id and name and the record type in the reader's words
-- (args: rule, rule name, record type, record, due[, owner]). Notices sent before keep their raw id as the record
-- (a record's number and name live in its module) but read with the new wording instead of shifted arguments.
update notification_message
set args = jsonb_build_array(args -> 0,
                             jsonb_build_object('codes', jsonb_build_array('rule.' || (args ->> 0) || '.name'), 'fallback', ''),
                             jsonb_build_object('codes', jsonb_build_array('record.type.' || (args ->> 1)), 'fallback', args -> 1),
                             args -> 2, args -> 3)
           || case when jsonb_array_length(args) > 4 then jsonb_build_array(args -> 4) else '[]'::jsonb end
where title_key in ('deadline.notify.reminder', 'deadline.notify.breached', 'deadline.notify.breachedTeam')
  and jsonb_typeof(args) = 'array' and jsonb_array_length(args) between 4 and 5
  and jsonb_typeof(args -> 1) = 'string';
