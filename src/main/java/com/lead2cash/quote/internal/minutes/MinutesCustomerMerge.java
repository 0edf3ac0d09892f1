package com.lead2cash.quote.internal.minutes;

import com.lead2cash.customer.CustomerMergeParticipant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's negotiation minutes (every version) move to the survivor
 * inside the merge's transaction; what the customer confirmed is not rewritten, only the link moves.
 */
@Component
class MinutesCustomerMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;

    MinutesCustomerMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveToSurvivor(UUID mergedId, UUID survivorId) {
        return jdbc.sql("update quote_minutes set customer_id = :s, version = version + 1 where customer_id = :m")
                .param("s", survivorId).param("m", mergedId).update();
    }

    @Override
    public String what() {
        return "negotiation minutes";
    }
}
