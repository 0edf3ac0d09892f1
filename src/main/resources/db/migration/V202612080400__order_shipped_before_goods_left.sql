-- Decision 0044: an order is SHIPPED (已发货) when its last goods leave. Before it, booking the last shipment for a
-- later ship date made the order SHIPPED at once. Such an order whose last shipment has still not left (its ship date
-- is after today in the company's zone) goes back to PREPARING (备货中), the status it had before, and is handed
-- the one-time task order-goods-leave that makes it SHIPPED at the start of that day, as an order booked today is.
-- An order whose contract was terminated meanwhile stays PREPARING (0036) and gets no task. An order whose goods
-- have all left keeps SHIPPED. Status and version only: the shipments, their D2 deadlines and the customer's timeline
-- are what they were. One statement; run again, it finds nothing more to change and schedules nothing twice.
with goods_not_left as (
    select o.id, o.contract_terminated_on, max(s.ship_date) as last_ship_date
    from order_order o join order_shipment s on s.order_id = o.id
    where o.status = 'SHIPPED'
    group by o.id, o.contract_terminated_on
    having max(s.ship_date) > (now() at time zone '${company_zone}')::date
), back_to_preparing as (
    update order_order o set status = 'PREPARING', version = o.version + 1, updated_at = now()
    from goods_not_left n where n.id = o.id
    returning o.id
)
insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
    select 'order-goods-leave', n.id::text, null, n.last_ship_date::timestamp at time zone '${company_zone}', false, 1
    from goods_not_left n join back_to_preparing b on b.id = n.id
    where n.contract_terminated_on is null
    on conflict (task_name, task_instance) do nothing;
