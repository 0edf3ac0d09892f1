-- SOP policy (SOP 规则): every version keeps the full set of values; each change lists old -> new per parameter.
create table sop_policy_version (
    version         bigint primary key,
    created_at      timestamptz not null,
    created_by      uuid,
    created_by_name text not null,
    reason          text not null,
    policy_values   jsonb not null
);

create table sop_policy_change (
    version   bigint not null references sop_policy_version (version),
    rule_id   text   not null,
    parameter text   not null,
    old_value text,
    new_value text   not null,
    primary key (version, rule_id, parameter)
);
