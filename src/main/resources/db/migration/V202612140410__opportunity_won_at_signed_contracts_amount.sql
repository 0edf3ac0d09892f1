-- Decision 0087 (repaired by 0102): an opportunity won by its contract's signing is worth the signed contract, and
-- follows its signed amendments. Those won by a signing before it kept the quote's or the rep's amount. Each is set now
-- to its contract's amount as it stands (the amount signed plus every signed amendment's change), as
-- OpportunityService.contractAmended sets a won opportunity's amount: updated_at and version moved, no stage history
-- line (the stage does not change), and in the audit trail, by the system, the field's change (amount old → new, as
-- AggregateAuditListener writes it) and beside it the entry saying why (opportunity.amountFromContract,
-- opportunity.audit.repairedToContractAmount: before, after, the contract's number). The forecast's month cells follow
-- through the table's trigger, as for any change of the amount.
--
-- Only what can be decided from the records (docs/decisions/0102):
--   - won by a signing: its WON stage change was made by no one (a win by hand names who marked it, 0026, and keeps
--     its own amount under 0087);
--   - one contract of the opportunity was ever signed, and it stands (SIGNED or ARCHIVED): with a second one signed —
--     twins of one opportunity, or one signed and terminated before another — which one won it is not recorded;
--   - no paper of that contract (its signed scan, an amendment's scan) is another contract's or amendment's paper too
--     (one paper signs one contract, K3, refused only since 0015's change): which contract it signed is not known;
--   - the contract is in the opportunity's currency.
-- One statement; run again, each such opportunity is at its contract's amount and nothing changes.
with won_by_signing as (
    select o.id, o.amount, o.currency
      from opportunity_opportunity o
     where o.stage = 'WON'
       and exists (select 1 from opportunity_stage_change h
                    where h.opportunity_id = o.id and h.to_stage = 'WON' and h.changed_by is null)
       and not exists (select 1 from opportunity_stage_change h
                        where h.opportunity_id = o.id and h.to_stage = 'WON' and h.changed_by is not null)
), signed_once as (
    select w.id as opportunity_id, w.amount as before, min(c.id::text)::uuid as contract_id
      from won_by_signing w
      join contract_contract c on c.opportunity_id = w.id
     where c.signed_at is not null or c.signed_on is not null or c.status in ('SIGNED', 'ARCHIVED')
     group by w.id, w.amount
    having count(*) = 1
), standing as (
    select s.opportunity_id, s.before, c.id as contract_id, c.number,
           c.amount + coalesce((select sum(a.amount_change) from contract_amendment a where a.contract_id = c.id), 0)
               as after
      from signed_once s
      join contract_contract c on c.id = s.contract_id
      join won_by_signing w on w.id = s.opportunity_id
     where c.status in ('SIGNED', 'ARCHIVED')
       and c.currency = w.currency
       and not exists (select 1 from contract_file f
                         join contract_file g on g.sha256 = f.sha256
                                             and g.kind in ('SIGNED_SCAN', 'AMENDMENT_SCAN')
                                             and (g.contract_id, g.file_id) <> (f.contract_id, f.file_id)
                        where f.contract_id = c.id and f.kind in ('SIGNED_SCAN', 'AMENDMENT_SCAN')
                          and f.sha256 is not null)
), moved as (
    update opportunity_opportunity o
       set amount = s.after, updated_at = now(), version = o.version + 1
      from standing s
     where o.id = s.opportunity_id and o.amount is distinct from s.after
    returning o.id, o.amount
)
insert into platform_audit_event (occurred_at, actor_id, actor_name, action, entity_type, entity_id, field, old_value,
                                  new_value, detail)
select now(), null, 'system', e.action, 'Opportunity', e.id::text, e.field, e.old_value, e.new_value, e.detail
  from (select m.id, 1 as seq, 'UPDATE' as action, 'amount' as field, s.before::text as old_value,
               m.amount::text as new_value, null as detail
          from moved m join standing s on s.opportunity_id = m.id
        union all
        select m.id, 2, 'opportunity.amountFromContract', null, null, null,
               'opportunity.audit.repairedToContractAmount' || chr(10) || s.before::text || chr(10) || m.amount::text
                   || chr(10) || s.number
          from moved m join standing s on s.opportunity_id = m.id) e
 order by e.id, e.seq;
