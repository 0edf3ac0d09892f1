package com.lead2cash.customer.internal.needs;

import com.lead2cash.customer.CustomerMergeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's needs-analysis reports move to the survivor with their
 * versions, deadlines and confirmations (all keyed by the report, which keeps its identity).
 */
@Component
class NeedsAnalysisMerge extends CustomerMergeParticipant.Rows {

    NeedsAnalysisMerge(JdbcClient jdbc) {
        super(jdbc, "customer_needs_analysis", false, "needsAnalyses");
    }
}
