-- A confirmation the owning module took back (the order's contract was terminated, the same minutes were sent again):
-- its links say it was withdrawn and take no answer.
alter table confirmation_confirmation add column withdrawn_at timestamptz;
alter table confirmation_confirmation drop constraint confirmation_confirmation_state_check;
alter table confirmation_confirmation add constraint confirmation_confirmation_state_check
    check (state in ('SENT', 'VIEWED', 'CONFIRMED', 'CHANGES_REQUESTED', 'ACCEPTED', 'REJECTED', 'RATED', 'SUPERSEDED',
                     'WITHDRAWN'));
