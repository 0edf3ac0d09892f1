package com.lead2cash.customer.internal;

import com.lead2cash.customer.CustomerStatus;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * C7 — how many private customers (私海客户: owned and still in development) a person holds, checked
 * before they take on more. Takings for one person are serialised with a transaction-scoped advisory
 * lock, so two claims at once cannot both squeeze past the limit.
 */
@Component
public class HoldingCheck {

    private static final String[] IN_DEVELOPMENT = Arrays.stream(CustomerStatus.values())
            .filter(CustomerStatus::inDevelopment).map(Enum::name).toArray(String[]::new);

    private final JdbcClient jdbc;
    private final CustomerPolicy policy;

    HoldingCheck(JdbcClient jdbc, CustomerPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    public long held(UUID owner) {
        return jdbc.sql("""
                select count(*) from customer_customer
                where owner_id = :owner and merged_into_id is null and status in (:statuses)""")
                .param("owner", owner).param("statuses", Arrays.asList(IN_DEVELOPMENT)).query(Long.class).single();
    }

    /** Refuses (422) when the owner would hold more than the policy allows; joins the caller's transaction. */
    public void requireRoomFor(UUID owner, int adding) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('customer-holding:' || :owner, 0))")
                .param("owner", owner.toString()).query((rs, i) -> 1).list();
        policy.holding().requireRoomFor(held(owner), adding);
    }
}
