package com.lead2cash.quote.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's quotes (every revision) move to the survivor inside the
 * merge's transaction, so its page, timeline and "has an accepted quote" see them. Only the link moves:
 * a sent or accepted quote keeps what it said. The version is bumped so a form opened before refuses.
 */
@Component
class QuoteCustomerMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;

    QuoteCustomerMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveToSurvivor(UUID mergedId, UUID survivorId) {
        return jdbc.sql("update quote_quote set customer_id = :s, version = version + 1 where customer_id = :m")
                .param("s", survivorId).param("m", mergedId).update();
    }

    @Override
    public String what() {
        return "quotes";
    }
}
