-- A subject's own page lists its deadlines (Deadlines.of): newest first per subject
create index sop_deadline_subject_idx on sop_deadline (subject_type, subject_id, started_at desc, id desc);
