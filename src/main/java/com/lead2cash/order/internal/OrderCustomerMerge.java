package com.lead2cash.order.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's orders move to the survivor inside the merge's transaction
 * (its page, timeline and open business see them); the version is bumped so a form opened before refuses.
 */
@Component
class OrderCustomerMerge extends CustomerMergeParticipant.Rows {

    OrderCustomerMerge(JdbcClient jdbc) {
        super(jdbc, "order_order", true, "orders");
    }
}
