package com.lead2cash.order.internal;

import com.lead2cash.customer.TimelineContributor;
import com.lead2cash.customer.TimelineCursor;
import com.lead2cash.customer.TimelineEntry;
import com.lead2cash.platform.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's orders on its timeline: made, each shipment (and a booked one cancelled), delivered and accepted
 * (验收), each when it was recorded, in one statement per page. The number links to the order only for a reader who may open it.
 */
@Component
class OrderCustomerTimeline implements TimelineContributor {

    private final JdbcClient jdbc;
    private final OrderAccess access;

    OrderCustomerTimeline(JdbcClient jdbc, OrderAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public Set<Role> visibleTo() {
        return OrderAccess.READERS;
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, TimelineCursor cursor, int limit) {
        Predicate<UUID> opens = access.visibleOwners();
        // a shipment's line_key counts from 1 (the API's line), the list's own key column from 0
        return cursor.bind(jdbc.sql(cursor.pageOf("select 'CREATED' as kind, 'order:' || o.id::text as key,"
                        + " o.created_at as at, p.recorded_by as actor,"
                        + " o.id, o.number, o.owner_id, o.contract_number as a1, o.promised_date::text as a2, null as a3,"
                        + " null as a4, null as a5 from order_order o"
                        + " left join order_promise p on p.order_id = o.id and p.promise_key = 0 where o.customer_id = :c"
                        + " union all select 'SHIPPED', 'order-shipment:' || o.id::text || ':' || lpad(s.shipment_key::text, 5, '0'),"
                        + " s.recorded_at, s.recorded_by, o.id, o.number, o.owner_id, (s.shipment_key + 1)::text, l.product_name,"
                        + " s.quantity::text, s.carrier, s.ship_date::text from order_order o"
                        + " join order_shipment s on s.order_id = o.id"
                        + " join order_line l on l.order_id = o.id and l.line_key = s.line_key - 1 where o.customer_id = :c"
                        + " union all select 'SHIPMENT_CANCELLED', 'order-shipment-cancelled:' || o.id::text || ':'"
                        + " || lpad(s.shipment_key::text, 5, '0'), s.cancelled_at, s.cancelled_by, o.id, o.number, o.owner_id,"
                        + " (s.shipment_key + 1)::text, l.product_name, s.quantity::text, s.ship_date::text, s.cancel_reason"
                        + " from order_order o join order_shipment s on s.order_id = o.id"
                        + " join order_line l on l.order_id = o.id and l.line_key = s.line_key - 1"
                        + " where o.customer_id = :c and s.cancelled_at is not null"
                        + " union all select 'DELIVERED', 'order-delivered:' || o.id::text, o.delivered_at, o.delivered_by, o.id, o.number,"
                        + " o.owner_id, o.delivered_on::text, null, null, null, null from order_order o"
                        + " where o.customer_id = :c and o.delivered_at is not null"
                        + " union all select 'ACCEPTED', 'order-accepted:' || o.id::text, o.accepted_at, o.accepted_by, o.id, o.number,"
                        + " o.owner_id, o.accepted_on::text, o.acceptance_signed_by, null, null, null from order_order o"
                        + " where o.customer_id = :c and o.accepted_at is not null")), limit)
                .param("c", customerId)
                .query((rs, i) -> {
                    String kind = rs.getString("kind");
                    List<String> args = List.of(rs.getString("number"), text(rs.getString("a1")), text(rs.getString("a2")),
                            text(rs.getString("a3")), text(rs.getString("a4")), text(rs.getString("a5")));
                    UUID id = rs.getObject("id", UUID.class);
                    return new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("key"), "order",
                            "order.customerTimeline." + kind, args, opens.test(rs.getObject("owner_id", UUID.class))
                                    ? "/orders/" + id : null, rs.getObject("actor", UUID.class));
                })
                .list();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
