-- A proposal is made on one policy version and shows its changes as old → new from that version: approving it after
-- another version changed one of its parameters would apply a change the approver did not see. The base version
-- tells; the change rows keep old and new for the screens to say them in words.
alter table sop_policy_proposal add column base_version bigint, add column change_rows jsonb;

-- proposals made before: the version in force when they were made, and their changes read back from the summary
-- ("L9.window: 2h business → 5h business; …")
update sop_policy_proposal p set base_version = coalesce(
        (select max(v.version) from sop_policy_version v where v.created_at <= p.created_at), 1);
update sop_policy_proposal p set change_rows = coalesce((
        select jsonb_agg(jsonb_build_object('rule', x.m[1], 'parameter', x.m[2], 'oldValue', x.m[3], 'newValue', x.m[4])
                         order by item.ord)
        from regexp_split_to_table(p.summary, '; ') with ordinality as item(txt, ord)
        cross join lateral (select regexp_match(item.txt, '^([^.]+)\.([^:]+): (.*) → (.*)$') as m) x
        where x.m is not null), '[]'::jsonb);

alter table sop_policy_proposal alter column base_version set not null, alter column change_rows set not null;
