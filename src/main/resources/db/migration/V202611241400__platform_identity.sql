-- Platform: organisation tree, users, roles, API tokens, sessions, audit trail.

create table platform_org_unit (
    id          uuid primary key,
    parent_id   uuid references platform_org_unit (id),
    name        text not null check (length(trim(name)) between 1 and 100),
    -- materialised path '/<root id>/<child id>/' so that "this unit and everything under it" is one prefix scan
    path        text not null unique,
    manager_id  uuid,
    demo        boolean not null default false,
    version     bigint not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index platform_org_unit_path_idx on platform_org_unit (path text_pattern_ops);
create unique index platform_org_unit_sibling_name_uq on platform_org_unit (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

create table platform_user (
    id              uuid primary key,
    username        text not null,
    display_name    text not null,
    email           text,
    password_hash   text not null,
    org_unit_id     uuid not null references platform_org_unit (id),
    hire_date       date,
    active          boolean not null default true,
    failed_logins   int not null default 0,
    locked_until    timestamptz,
    demo            boolean not null default false,
    version         bigint not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create unique index platform_user_username_uq on platform_user (lower(username));
create index platform_user_unit_idx on platform_user (org_unit_id);
create index platform_user_keyset_idx on platform_user (lower(username), id);

alter table platform_org_unit
    add constraint platform_org_unit_manager_fk foreign key (manager_id) references platform_user (id);

create table platform_user_role (
    platform_user uuid not null references platform_user (id) on delete cascade,
    role          text not null,
    primary key (platform_user, role)
);

create table platform_api_token (
    id           uuid primary key,
    user_id      uuid not null references platform_user (id),
    name         text not null,
    token_hash   text not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index platform_api_token_user_idx on platform_api_token (user_id);

create table platform_setting (
    key   text primary key,
    value text not null
);

-- Audit trail: append-only. The product offers no way to change history, and the database refuses it too.
create table platform_audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null,
    actor_id     uuid,
    actor_name   text not null,
    action       text not null,
    entity_type  text,
    entity_id    text,
    field        text,
    old_value    text,
    new_value    text,
    detail       text,
    remote_addr  text
);
create index platform_audit_event_time_idx on platform_audit_event (occurred_at desc, id desc);
create index platform_audit_event_entity_idx on platform_audit_event (entity_type, entity_id, id desc);
create index platform_audit_event_actor_idx on platform_audit_event (actor_id, id desc);

create function platform_audit_event_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end $$;
create trigger platform_audit_event_no_update before update or delete on platform_audit_event
    for each row execute function platform_audit_event_immutable();
create trigger platform_audit_event_no_truncate before truncate on platform_audit_event
    for each statement execute function platform_audit_event_immutable();

-- Spring Session (sessions live in the database so that any node can serve any request).
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);
create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
