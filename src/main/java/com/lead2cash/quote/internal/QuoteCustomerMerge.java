package com.lead2cash.quote.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's quotes (every revision) move to the survivor inside the
 * merge's transaction, so its page, timeline and "has an accepted quote" see them. Only the link moves:
 * a sent or accepted quote keeps what it said. The version is bumped so a form opened before refuses.
 */
@Component
class QuoteCustomerMerge extends CustomerMergeParticipant.Rows {

    QuoteCustomerMerge(JdbcClient jdbc) {
        super(jdbc, "quote_quote", true, "quotes");
    }
}
