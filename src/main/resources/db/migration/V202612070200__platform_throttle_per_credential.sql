-- Failures per client address are counted per kind of credential (password, bearer token, API key), each
-- against the same limit: a script still sending a revoked token must not throttle the sign-ins of the office
-- behind the same address.
alter table platform_login_failure_window add column credential text not null default 'PASSWORD';
alter table platform_login_failure_window alter column credential drop default;
alter table platform_login_failure_window drop constraint platform_login_failure_window_pkey;
alter table platform_login_failure_window add primary key (address, credential, window_start);
