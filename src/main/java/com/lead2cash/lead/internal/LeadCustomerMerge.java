package com.lead2cash.lead.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the leads converted into the merged customer point to the survivor (the customer
 * they became now lives there); the version is bumped so a form opened before refuses.
 */
@Component
class LeadCustomerMerge extends CustomerMergeParticipant.Rows {

    LeadCustomerMerge(JdbcClient jdbc) {
        super(jdbc, "lead_lead", true, "convertedLeads");
    }
}
