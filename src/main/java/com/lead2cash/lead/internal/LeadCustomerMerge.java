package com.lead2cash.lead.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the leads converted into the merged customer point to the survivor (the customer
 * they became now lives there); the version is bumped so a form opened before refuses.
 */
@Component
class LeadCustomerMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;

    LeadCustomerMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveToSurvivor(UUID mergedId, UUID survivorId) {
        return jdbc.sql("update lead_lead set customer_id = :s, version = version + 1 where customer_id = :m")
                .param("s", survivorId).param("m", mergedId).update();
    }

    @Override
    public String what() {
        return "converted leads";
    }
}
