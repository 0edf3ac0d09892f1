package com.lead2cash.order.internal;

import com.lead2cash.order.internal.domain.OrderStatus;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The order list (订单列表) in the reader's scope, newest first, keyset-paginated. */
@Component
@Transactional(readOnly = true)
public class OrderQueries {

    /**
     * An order as the list shows it; {@code contractTerminatedOn} the day its contract was terminated (the order stopped
     * in its status), null while the contract stands.
     */
    public record OrderRow(UUID id, String number, OrderStatus status, UUID contractId, String contractNumber,
                           UUID customerId, UUID ownerId, String consignee, LocalDate promisedDate, Instant createdAt,
                           LocalDate contractTerminatedOn) {
    }

    private final JdbcClient jdbc;
    private final OrderAccess access;

    OrderQueries(JdbcClient jdbc, OrderAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public CursorPage<OrderRow> list(UUID contractId, OrderStatus status, String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        boolean operations = CurrentUser.get().map(u -> u.has(Role.OPERATIONS)).orElse(false);
        Scope scope = access.scope();
        StringBuilder sql = new StringBuilder("select id, number, status, contract_id, contract_number, customer_id, "
                + "owner_id, consignee, promised_date, created_at, contract_terminated_on from order_order where "
                + (operations ? "true" : scope.ownerPredicate("owner_id")));
        Map<String, Object> params = new HashMap<>(operations ? Map.of() : scope.params());
        if (contractId != null) {
            sql.append(" and contract_id = :contractId");
            params.put("contractId", contractId);
        }
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        CursorPage.newestFirst("order", cursor, size, sql, params);
        List<OrderRow> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new OrderRow(rs.getObject("id", UUID.class), rs.getString("number"),
                        OrderStatus.valueOf(rs.getString("status")), rs.getObject("contract_id", UUID.class),
                        rs.getString("contract_number"), rs.getObject("customer_id", UUID.class),
                        rs.getObject("owner_id", UUID.class), rs.getString("consignee"),
                        rs.getDate("promised_date").toLocalDate(), rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("contract_terminated_on", LocalDate.class)))
                .list();
        return CursorPage.of("order", rows, size, r -> List.of(r.createdAt(), r.id()));
    }
}
