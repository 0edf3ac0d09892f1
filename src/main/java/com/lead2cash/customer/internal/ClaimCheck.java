package com.lead2cash.customer.internal;

import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerActor;
import com.lead2cash.customer.internal.domain.PrivateHolding;
import com.lead2cash.platform.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * C7 — whether a rep may claim a pool customer now: not within the re-claim cooldown after it left them, not at the
 * holding limit. The claim itself refuses with the same messages; the pages and the API's available actions ask here
 * first so they do not offer a claim that would be refused.
 */
@Component
public class ClaimCheck {

    private final JdbcClient jdbc;
    private final CustomerPolicy policy;
    private final HoldingCheck holding;
    private final Clock clock;

    ClaimCheck(JdbcClient jdbc, CustomerPolicy policy, HoldingCheck holding, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.holding = holding;
        this.clock = clock;
    }

    /** Why the actor may not claim this pool customer now (cooldown first, then the holding limit), or empty. */
    public Optional<DomainException> refusal(Customer c, CustomerActor actor) {
        if (c.ownerId() != null || c.mergedIntoId() != null || !actor.isRep()) {
            return Optional.empty();
        }
        try {
            requireCooledDown(c.id(), actor.userId());
        } catch (DomainException refused) {
            return Optional.of(refused);
        }
        return holdingRefusal(actor.userId());
    }

    /** Refuses (422) a re-claim within the cooldown after the customer left this person for the pool. */
    void requireCooledDown(UUID customerId, UUID person) {
        policy.holding().requireCooledDown(lastLeft(customerId, person), clock.instant());
    }

    /** The holding limit's refusal for this person, or empty: one answer for a whole pool list. */
    public Optional<DomainException> holdingRefusal(UUID person) {
        try {
            policy.holding().requireRoomToClaim(holding.held(person));
            return Optional.empty();
        } catch (DomainException refused) {
            return Optional.of(refused);
        }
    }

    /** Of these customers, those the person may not re-claim yet, with the day they may. */
    public Map<UUID, LocalDate> coolingDown(Collection<UUID> customerIds, UUID person) {
        Map<UUID, LocalDate> until = new LinkedHashMap<>();
        PrivateHolding rule = policy.holding();
        if (customerIds.isEmpty() || !rule.enabled()) {
            return until;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                select customer_id, max(released_at) from customer_pool_release
                where customer_id in (:ids) and previous_owner_id = :p group by customer_id""")
                .param("ids", customerIds).param("p", person)
                .query(rs -> {
                    Instant from = rule.reclaimableFrom(rs.getTimestamp(2).toInstant());
                    if (now.isBefore(from)) {
                        until.put(rs.getObject(1, UUID.class), LocalDate.ofInstant(from, rule.zone()));
                    }
                });
        return until;
    }

    private Instant lastLeft(UUID customerId, UUID person) {
        return jdbc.sql("""
                select max(released_at) from customer_pool_release where customer_id = :c and previous_owner_id = :p""")
                .param("c", customerId).param("p", person).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
    }
}
