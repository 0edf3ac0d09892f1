package com.lead2cash.receivable.internal;

import com.lead2cash.customer.TimelineContributor;
import com.lead2cash.customer.TimelineCursor;
import com.lead2cash.customer.TimelineEntry;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's receipts (回款) on its timeline: each recorded by finance and, when it was, reversed, in one
 * statement per page. A receipt has no page of its own: the number links to the receipts list on its day for a
 * reader who may read that list.
 */
@Component
class ReceiptCustomerTimeline implements TimelineContributor {

    private final JdbcClient jdbc;

    ReceiptCustomerTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Role> visibleTo() {
        return ReceivableAccess.READERS;
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, TimelineCursor cursor, int limit) {
        boolean opens = ReceiptQueries.mayRead(CurrentUser.require());
        return cursor.bind(jdbc.sql(cursor.pageOf("select 'RECORDED' as kind, 'receipt:' || r.id::text as key,"
                        + " r.recorded_at as at, r.recorded_by as actor,"
                        + " r.number, r.amount, r.currency, r.received_on, r.method, null as reason from receivable_receipt r"
                        + " where r.customer_id = :c"
                        + " union all select 'REVERSED', 'receipt-reversed:' || r.id::text, r.reversed_at, r.reversed_by, r.number,"
                        + " r.amount, r.currency, r.received_on, r.method, r.reversal_reason from receivable_receipt r"
                        + " where r.customer_id = :c and r.reversed_at is not null")), limit)
                .param("c", customerId)
                .query((rs, i) -> {
                    String kind = rs.getString("kind");
                    LocalDate day = rs.getObject("received_on", LocalDate.class);
                    List<String> args = List.of(rs.getString("number"), MoneyText.of(rs.getBigDecimal("amount")),
                            rs.getString("currency"), day.toString(), "#receipt.method." + rs.getString("method"),
                            rs.getString("reason") == null ? "" : rs.getString("reason"));
                    return new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("key"), "receipt",
                            "receipt.customerTimeline." + kind, args, opens ? "/receipts?from=" + day + "&to=" + day : null,
                            rs.getObject("actor", UUID.class));
                })
                .list();
    }
}
