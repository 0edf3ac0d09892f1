-- The standard sales contract, version 2: the delivery standard and the liability the customer confirmed in
-- the negotiation minutes (谈判纪要) now fill the delivery and liability clauses. Version 1 retires; contracts
-- drafted on it keep their text.

update contract_template set state = 'RETIRED', version = version + 1
 where id = '01938a00-0000-7000-8000-000000000001' and state = 'PUBLISHED';

insert into contract_template (id, code, name, template_version, state, note, created_at, published_at, version)
values ('01938a00-0000-7000-8000-000000000002', 'STD-SALES', '标准销售合同', 2, 'PUBLISHED',
        '交付标准与违约责任取自客户确认的谈判纪要', now(), now(), 0);

insert into contract_template_clause (template, position, section_key, heading, body)
select '01938a00-0000-7000-8000-000000000002', position, section_key, heading,
       case section_key
           when 'DELIVERY' then body || E'\n交付标准：{{minutes.deliveryStandard}}'
           when 'LIABILITY' then body || E'\n双方另行约定：{{minutes.liability}}'
           else body
       end
  from contract_template_clause
 where template = '01938a00-0000-7000-8000-000000000001';
