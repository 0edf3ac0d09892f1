package com.lead2cash.customer.internal;

import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.platform.PerTransaction;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * Refuses (422) when the owner would hold more than the policy allows; joins the caller's transaction.
     * The owner is locked and counted once per transaction: the lock keeps every other taking out until
     * commit, so the count plus what this transaction has taken since stays exact (an import batch of
     * 200 customers asks the database once per owner, not 200 times).
     */
    public void requireRoomFor(UUID owner, int adding) {
        Map<UUID, Long> taken = PerTransaction.get(HoldingCheck.class, HashMap::new);
        Long held = taken.get(owner);
        if (held == null) {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('customer-holding:' || :owner, 0))")
                    .param("owner", owner.toString()).query((rs, i) -> 1).list();
            held = held(owner);
        }
        policy.holding().requireRoomFor(held, adding);
        taken.put(owner, held + adding);
    }
}
