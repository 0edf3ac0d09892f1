package com.lead2cash.quote.internal.minutes;

import com.lead2cash.customer.CustomerMergeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's negotiation minutes (every version) move to the survivor
 * inside the merge's transaction; what the customer confirmed is not rewritten, only the link moves.
 */
@Component
class MinutesCustomerMerge extends CustomerMergeParticipant.Rows {

    MinutesCustomerMerge(JdbcClient jdbc) {
        super(jdbc, "quote_minutes", true, "negotiationMinutes");
    }
}
