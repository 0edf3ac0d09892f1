package com.lead2cash.invoice.internal;

import com.lead2cash.invoice.internal.domain.InvoiceStatus;
import com.lead2cash.invoice.internal.domain.InvoiceType;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.Scope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The invoice list (发票列表) in the reader's scope, newest first, by status and type, keyset-paginated. */
@Component
@Transactional(readOnly = true)
public class InvoiceQueries {

    /** An invoice request as the list shows it. */
    public record InvoiceRow(UUID id, String number, InvoiceStatus status, InvoiceType type, UUID contractId,
                             String contractNumber, String buyerName, BigDecimal amount, String invoiceNumber,
                             LocalDate invoicedOn, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final DataScope scope;

    InvoiceQueries(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public CursorPage<InvoiceRow> list(InvoiceStatus status, InvoiceType type, String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        Scope s = scope.current();
        StringBuilder sql = new StringBuilder("select id, number, status, type, contract_id, contract_number, buyer_name, "
                + "amount, invoice_number, invoiced_on, created_at from invoice_invoice where " + s.ownerPredicate("owner_id"));
        Map<String, Object> params = new HashMap<>(s.params());
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        if (type != null) {
            sql.append(" and type = :type");
            params.put("type", type.name());
        }
        CursorPage.newestFirst("invoice", cursor, size, sql, params);
        List<InvoiceRow> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new InvoiceRow(rs.getObject("id", UUID.class), rs.getString("number"),
                        InvoiceStatus.valueOf(rs.getString("status")), InvoiceType.valueOf(rs.getString("type")),
                        rs.getObject("contract_id", UUID.class), rs.getString("contract_number"),
                        rs.getString("buyer_name"), rs.getBigDecimal("amount"), rs.getString("invoice_number"),
                        rs.getObject("invoiced_on", LocalDate.class), rs.getTimestamp("created_at").toInstant()))
                .list();
        return CursorPage.of("invoice", rows, size, r -> List.of(r.createdAt(), r.id()));
    }
}
