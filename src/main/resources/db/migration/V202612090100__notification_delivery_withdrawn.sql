-- A notice settled before its e-mail left (Notifier.settle) is not e-mailed: its delivery still pending is WITHDRAWN
-- (never sent, never retried); one already sent stays SENT.
alter table notification_delivery drop constraint notification_delivery_state_check;
alter table notification_delivery add constraint notification_delivery_state_check
    check (state in ('PENDING', 'SENT', 'FAILED', 'DIGESTED', 'WITHDRAWN'));
