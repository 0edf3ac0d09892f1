package com.lead2cash.invoice.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's invoices move to the survivor inside the merge's
 * transaction. Only the link moves: the buyer's name and tax id stay as the invoice was requested and
 * issued with them. The version is bumped so a form opened before refuses.
 */
@Component
class InvoiceCustomerMerge extends CustomerMergeParticipant.Rows {

    InvoiceCustomerMerge(JdbcClient jdbc) {
        super(jdbc, "invoice_invoice", true, "invoices");
    }
}
