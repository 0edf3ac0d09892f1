-- A notification may name the record it asks its reader to act on (subject_id); when the reader has nothing left to
-- do about it (someone else settled it, or it went to someone else) the notification is settled (settled_at) and read.
alter table notification_message add column subject_id uuid, add column settled_at timestamptz;
create index notification_message_subject_idx on notification_message (subject_id, kind)
    where subject_id is not null and settled_at is null;
