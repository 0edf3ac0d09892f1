package com.lead2cash.invoice.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's invoices move to the survivor inside the merge's
 * transaction. Only the link moves: the buyer's name and tax id stay as the invoice was requested and
 * issued with them. The version is bumped so a form opened before refuses.
 */
@Component
class InvoiceCustomerMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;

    InvoiceCustomerMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveToSurvivor(UUID mergedId, UUID survivorId) {
        return jdbc.sql("update invoice_invoice set customer_id = :s, version = version + 1 where customer_id = :m")
                .param("s", survivorId).param("m", mergedId).update();
    }

    @Override
    public String what() {
        return "invoices";
    }
}
