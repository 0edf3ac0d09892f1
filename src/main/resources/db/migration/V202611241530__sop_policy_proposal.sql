-- Policy changes proposed for approval: applied as a new version once approved.
create table sop_policy_proposal (
    id               uuid primary key,
    reason           text not null,
    changes          jsonb not null,
    summary          text not null,
    proposed_by      uuid not null,
    proposed_by_name text not null,
    state            text not null check (state in ('PENDING', 'APPLIED', 'REJECTED', 'FAILED')),
    applied_version  bigint,
    failure          text,
    created_at       timestamptz not null,
    decided_at       timestamptz
);
create index sop_policy_proposal_created_idx on sop_policy_proposal (created_at desc);
