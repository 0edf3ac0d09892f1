-- A form sent again after Back reloads its page with a new token (the pages are not stored by the browser): the post's
-- content is kept as a fingerprint too, so the same user sending the same form with the same values again soon after
-- is sent to what the first saved (docs/decisions/0027).
alter table platform_form_submission add column fingerprint text;

create index platform_form_submission_alike on platform_form_submission (user_id, fingerprint, claimed_at)
    where fingerprint is not null;
