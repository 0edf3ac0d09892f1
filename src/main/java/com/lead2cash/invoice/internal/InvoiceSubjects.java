package com.lead2cash.invoice.internal;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.Scope;
import com.lead2cash.sop.SubjectDescriptions;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How an invoice request reads where another module names it (finance's approval of it): its number, contract and
 * buyer, linking to its page for a reader of invoices whose scope covers the contract's owner.
 */
@Component
class InvoiceSubjects extends SubjectDescriptions {

    InvoiceSubjects(JdbcClient jdbc, DataScope scope) {
        super(SubjectDescriptions.of(InvoiceService.SUBJECT, () -> jdbc.sql(
                        "select id, number, contract_number, buyer_name, owner_id from invoice_invoice where id in (:ids)"))
                .label(rs -> rs.getString("number") + " · " + rs.getString("contract_number") + " · "
                        + rs.getString("buyer_name"))
                .link(rs -> "/invoices/" + rs.getObject("id", UUID.class))
                .openTo(() -> readsInvoices() ? scope.current() : null,
                        (Scope reader, java.sql.ResultSet rs) -> reader != null
                                && reader.covers(rs.getObject("owner_id", UUID.class))));
    }

    private static boolean readsInvoices() {
        return CurrentUser.get().filter(me -> me.hasAny(InvoiceService.READERS)).isPresent();
    }
}
