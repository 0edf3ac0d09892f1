package com.lead2cash.customer.internal;

import com.lead2cash.platform.HeldRecords;
import java.util.List;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Docs/decisions/0095: the customers a deactivated person still owns are counted for the handover, never transferred
 * here — the customer list of that owner, as the link says, is where the manager transfers them (their open business
 * following, 0023).
 */
@Component
@Order(2)
class CustomersHeld implements HeldRecords {

    private final JdbcClient jdbc;

    CustomersHeld(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Held> heldBy(UUID userId) {
        // as the customer list filtered by owner counts them: every customer of theirs not merged into another
        int owned = jdbc.sql("select count(*) from customer_customer where owner_id = :owner and merged_into_id is null")
                .param("owner", userId).query(Integer.class).single();
        return owned == 0 ? List.of() : List.of(new Held(CUSTOMERS, owned, "/customers?ownerId=" + userId));
    }
}
