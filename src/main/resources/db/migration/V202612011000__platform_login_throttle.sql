-- Failed sign-ins per client address and time window, shared by every node (login throttling).
create table platform_login_failure_window (
    address      text        not null,
    window_start timestamptz not null,
    failures     int         not null,
    primary key (address, window_start)
);
create index platform_login_failure_window_start_idx on platform_login_failure_window (window_start);
