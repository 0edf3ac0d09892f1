-- When a user's password last changed: web sessions signed in before that end at their next request.
alter table platform_user add column password_changed_at timestamptz;
