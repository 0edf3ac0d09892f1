package com.lead2cash.aftersales.internal;

import com.lead2cash.customer.CustomerOwnerChanged;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A complaint is seen by its handler and by the customer's rep ({@link AftersalesAccess#visibleByEither}). When the
 * customer changes hands, its open complaints go to the new rep, who now answers for the customer; the one who gave it
 * up no longer sees them. A closed complaint stays with the rep it was closed under (its survey rated that rep). A
 * customer returned to the public pool has no rep: its open complaints stay with the last one until someone takes it.
 */
@Component
class ComplaintsFollowCustomerOwner {

    private final JdbcClient jdbc;

    ComplaintsFollowCustomerOwner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(CustomerOwnerChanged changed) {
        if (changed.newOwnerId() != null) {
            giveOpenComplaints(changed.customerId(), changed.newOwnerId());
        }
    }

    /** The customer's open complaints are {@code rep}'s to see now (a transfer, a merge into a customer of theirs). */
    void giveOpenComplaints(UUID customerId, UUID rep) {
        // a new version: a complaint's page open meanwhile is stale rather than writing the old rep back
        jdbc.sql("update aftersales_complaint set customer_owner_id = :o, version = version + 1"
                        + " where customer_id = :c and status <> 'CLOSED' and customer_owner_id is distinct from :o")
                .param("o", rep).param("c", customerId).update();
    }
}
