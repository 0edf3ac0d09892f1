package com.lead2cash.customer.internal.needs;

import com.lead2cash.customer.CustomerMergeParticipant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's needs-analysis reports move to the survivor with their
 * versions, deadlines and confirmations (all keyed by the report, which keeps its identity).
 */
@Component
class NeedsAnalysisMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;

    NeedsAnalysisMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveToSurvivor(UUID mergedId, UUID survivorId) {
        return jdbc.sql("update customer_needs_analysis set customer_id = :survivor where customer_id = :merged")
                .param("survivor", survivorId).param("merged", mergedId).update();
    }

    @Override
    public String what() {
        return "needs analyses";
    }
}
