package com.lead2cash.customer.internal;

import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.platform.PerTransaction;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
     * Locks and counts, for the rest of the transaction, the owners it is about to give customers (an
     * import batch): two statements for all of them instead of two for each. One call takes its locks in
     * a fixed order, so two batches preparing overlapping owners at once wait for each other, not deadlock.
     */
    public void prepare(Collection<UUID> owners) {
        lockAndCount(taken(), owners);
    }

    /**
     * Refuses (422) as {@link #requireRoomFor} would now, without taking the room: an import skips a row
     * the rule refuses instead of failing the whole batch it is in.
     */
    public void checkRoomFor(UUID owner, int adding) {
        policy.holding().requireRoomFor(heldNow(taken(), owner), adding);
    }

    /**
     * Refuses (422) when the owner would hold more than the policy allows; joins the caller's transaction.
     * The owner is locked and counted once per transaction: the lock keeps every other taking out until
     * commit, so the count plus what this transaction has taken since stays exact (an import batch of
     * hundreds of customers asks the database once for all its owners, not once a customer).
     */
    public void requireRoomFor(UUID owner, int adding) {
        Map<UUID, Long> taken = taken();
        long held = heldNow(taken, owner);
        policy.holding().requireRoomFor(held, adding);
        taken.put(owner, held + adding);
    }

    /**
     * Refuses (422, in the claimant's words) a claim of one more customer by a person at the limit, and counts it as
     * {@link #requireRoomFor} does.
     */
    public void requireRoomToClaim(UUID person) {
        Map<UUID, Long> taken = taken();
        long held = heldNow(taken, person);
        policy.holding().requireRoomToClaim(held);
        taken.put(person, held + 1);
    }

    /** What each owner counted in this transaction holds, with what it gave them since. */
    private static Map<UUID, Long> taken() {
        return PerTransaction.get(HoldingCheck.class, HashMap::new);
    }

    private long heldNow(Map<UUID, Long> taken, UUID owner) {
        if (!taken.containsKey(owner)) {
            lockAndCount(taken, List.of(owner));
        }
        return taken.get(owner);
    }

    private void lockAndCount(Map<UUID, Long> taken, Collection<UUID> owners) {
        List<UUID> fresh = owners.stream().filter(o -> o != null && !taken.containsKey(o)).distinct().sorted().toList();
        if (fresh.isEmpty()) {
            return;
        }
        jdbc.sql("""
                select pg_advisory_xact_lock(hashtextextended('customer-holding:' || o.id, 0))
                from unnest(cast(:owners as text[])) with ordinality as o(id, n) order by o.n""")
                .param("owners", fresh.stream().map(UUID::toString).toArray(String[]::new)).query((rs, i) -> 1).list();
        fresh.forEach(o -> taken.put(o, 0L));
        jdbc.sql("""
                select owner_id, count(*) from customer_customer
                where owner_id in (:owners) and merged_into_id is null and status in (:statuses) group by owner_id""")
                .param("owners", fresh).param("statuses", Arrays.asList(IN_DEVELOPMENT))
                .query(rs -> {
                    taken.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
    }
}
