-- A version made from an approved proposal names who approved it beside who proposed it (created_by, its author);
-- a proposal names who decided it beside when. A direct change has no approver.
alter table sop_policy_version add column approved_by uuid, add column approved_by_name text;
alter table sop_policy_proposal add column decided_by uuid, add column decided_by_name text;

-- versions applied from a proposal before: the approver is who the trail says made the version (the director, in
-- whose transaction it was applied)
update sop_policy_version v set approved_by = a.actor_id, approved_by_name = a.actor_name
from sop_policy_proposal p, platform_audit_event a
where p.applied_version = v.version and a.action = 'policy.changed' and a.entity_type = 'SopPolicy'
  and a.entity_id = v.version::text;
update sop_policy_proposal p set decided_by = v.approved_by, decided_by_name = v.approved_by_name
from sop_policy_version v where p.applied_version = v.version;
