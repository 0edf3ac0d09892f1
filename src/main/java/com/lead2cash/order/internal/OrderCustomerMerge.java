package com.lead2cash.order.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's orders move to the survivor inside the merge's transaction
 * (its page, timeline and open business see them); the version is bumped so a form opened before refuses.
 */
@Component
class OrderCustomerMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;

    OrderCustomerMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveToSurvivor(UUID mergedId, UUID survivorId) {
        return jdbc.sql("update order_order set customer_id = :s, version = version + 1 where customer_id = :m")
                .param("s", survivorId).param("m", mergedId).update();
    }

    @Override
    public String what() {
        return "orders";
    }
}
