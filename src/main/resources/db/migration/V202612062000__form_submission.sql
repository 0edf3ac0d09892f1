-- A screen's form saved once (docs/decisions/0027): each form's one-time token, claimed by the first post that
-- carries it. location is where that post's redirect went (null while it runs); a refused or failed post's row is
-- deleted so the form can be sent again. Rows older than a day are deleted by a recurring task.
create table platform_form_submission (
    token      text        primary key,
    user_id    uuid        not null,
    claimed_at timestamptz not null,
    location   text
);

create index platform_form_submission_claimed on platform_form_submission (claimed_at);
