package com.lead2cash.invoice.internal;

import com.lead2cash.customer.TimelineContributor;
import com.lead2cash.customer.TimelineCursor;
import com.lead2cash.customer.TimelineEntry;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's invoices (发票) on its timeline: each issued and, when it was, reversed by a red-letter invoice
 * (红冲), in one statement per page; requests still with finance stay on the invoice's page. Only to a reader the
 * invoice routes admit; the number links to the invoice only when the reader's scope opens it.
 */
@Component
class InvoiceCustomerTimeline implements TimelineContributor {

    private final JdbcClient jdbc;
    private final DataScope scope;

    InvoiceCustomerTimeline(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    @Override
    public Set<Role> visibleTo() {
        return InvoiceService.READERS;
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, TimelineCursor cursor, int limit) {
        Scope opens = scope.current();
        String columns = " i.id, i.number, i.owner_id, i.type, i.invoice_number, i.amount, i.currency, i.invoiced_on";
        return cursor.bind(jdbc.sql(cursor.pageOf("select 'ISSUED' as kind, 'invoice:' || i.id::text as key,"
                        + " i.issued_at as at, i.issued_by as actor," + columns + ", null as reason from invoice_invoice i"
                        + " where i.customer_id = :c and i.issued_at is not null"
                        + " union all select 'RED_REVERSED', 'invoice-red:' || i.id::text, i.red_at, i.red_by," + columns
                        + ", i.red_reason from invoice_invoice i where i.customer_id = :c and i.red_at is not null")), limit)
                .param("c", customerId)
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    List<String> args = List.of(rs.getString("number"), MoneyText.of(rs.getBigDecimal("amount")),
                            rs.getString("currency"), "#invoice.type." + rs.getString("type"), rs.getString("invoice_number"),
                            String.valueOf(rs.getObject("invoiced_on", java.time.LocalDate.class)),
                            rs.getString("reason") == null ? "" : rs.getString("reason"));
                    return new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("key"), "invoice",
                            "invoice.customerTimeline." + rs.getString("kind"), args,
                            opens.covers(rs.getObject("owner_id", UUID.class)) ? "/invoices/" + id : null,
                            rs.getObject("actor", UUID.class));
                })
                .list();
    }
}
