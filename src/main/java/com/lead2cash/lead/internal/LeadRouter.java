package com.lead2cash.lead.internal;

import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.sop.PolicySnapshot;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gathers what routing needs — territories, their reps' seniority, open A+B load and last
 * assignment — and asks the {@link RoutingEngine} (L4, L5).
 */
@Component
class LeadRouter {

    private final SalesTerritoryRepository territories;
    private final OrgDirectory directory;
    private final JdbcClient jdbc;

    LeadRouter(SalesTerritoryRepository territories, OrgDirectory directory, JdbcClient jdbc) {
        this.territories = territories;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    RoutingDecision route(Lead lead, PolicySnapshot policy, LocalDate today) {
        return route(lead.routable(), policy, today);
    }

    RoutingDecision route(RoutableLead lead, PolicySnapshot policy, LocalDate today) {
        List<Territory> all = territories();
        Set<UUID> reps = new HashSet<>();
        all.forEach(t -> reps.addAll(t.memberIds()));
        return RoutingEngine.route(new RoutingRules(policy.seniorityMonthsForGradeA()), lead, all,
                candidates(reps), today);
    }

    /**
     * The territories, read once per transaction: an import routes thousands of leads in a row, and
     * territories do not change under it.
     */
    @SuppressWarnings("unchecked")
    private List<Territory> territories() {
        Object key = SalesTerritory.class;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            List<Territory> cached = (List<Territory>) TransactionSynchronizationManager.getResource(key);
            if (cached != null) {
                return cached;
            }
            List<Territory> loaded = load();
            TransactionSynchronizationManager.bindResource(key, loaded);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            return loaded;
        }
        return load();
    }

    private List<Territory> load() {
        return territories.findAllByName().stream().map(SalesTerritory::forRouting).toList();
    }

    /** Seniority, activity and current load of the given reps, in two queries. */
    List<RepCandidate> candidates(Set<UUID> reps) {
        if (reps.isEmpty()) {
            return List.of();
        }
        Map<UUID, int[]> load = new HashMap<>();
        Map<UUID, Instant> last = new HashMap<>();
        jdbc.sql("""
                select owner_id, count(*) filter (where grade in ('A', 'B') and status in ('ASSIGNED', 'CONTACTED')) as open_ab,
                       max(assigned_at) as last_assigned
                from lead_lead where owner_id in (:reps) group by owner_id
                """).param("reps", reps).query(rs -> {
                    UUID owner = rs.getObject("owner_id", UUID.class);
                    load.put(owner, new int[] {rs.getInt("open_ab")});
                    Timestamp ts = rs.getTimestamp("last_assigned");
                    if (ts != null) {
                        last.put(owner, ts.toInstant());
                    }
                });
        return directory.people(reps).values().stream()
                .map(p -> new RepCandidate(p.id(), p.hireDate(), p.active(),
                        load.getOrDefault(p.id(), new int[] {0})[0], last.get(p.id())))
                .toList();
    }
}
