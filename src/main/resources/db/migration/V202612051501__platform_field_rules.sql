-- The administrator's rules on protected fields per role (SPEC §1): one row per role and field that is not read by the
-- default rule; the set has one version, so that two administrators saving at once cannot overwrite each other unseen.
create table platform_field_rule (
    role   varchar(30) not null,
    field  varchar(40) not null,
    access varchar(10) not null check (access in ('MASKED', 'HIDDEN')),
    primary key (role, field)
);

create table platform_field_rule_set (
    id         smallint primary key default 1 check (id = 1),
    version    bigint not null,
    updated_at timestamptz,
    updated_by uuid
);
insert into platform_field_rule_set (id, version) values (1, 0);
