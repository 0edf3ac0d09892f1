-- An acceptance the customer's contact confirmed online keeps its quantity and quality results as bundle keys, said in
-- each reader's language when read; one recorded on the signed form has none (null: as written).
alter table order_order
    add column acceptance_quantity_key text,
    add column acceptance_quality_key  text;

-- Those accepted online before were stored said in Chinese, in the only wording these sentences ever had; an acceptance
-- on the signed form names no confirmation. Those matching both are taken apart; anything else stays as written.
update order_order
   set acceptance_quantity_key = 'order.acceptance.online.quantity',
       acceptance_quantity = null
 where acceptance_confirmation_id is not null
   and acceptance_quantity_key is null
   and acceptance_quantity = '全部收到（在线确认）';

update order_order
   set acceptance_quality_key = 'order.acceptance.online.quality',
       acceptance_quality = null
 where acceptance_confirmation_id is not null
   and acceptance_quality_key is null
   and acceptance_quality = '验收合格（在线确认）';
