package com.lead2cash.lead.internal.routing;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.PerTransaction;
import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gathers what routing needs — territories, their reps' seniority, open A+B load and last
 * assignment — and asks the {@link RoutingEngine}.
 */
@Component
public class LeadRouter {

    private final OrgDirectory directory;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final AtomicReference<Known> known = new AtomicReference<>();

    LeadRouter(OrgDirectory directory, Regions regions, JdbcClient jdbc) {
        this.directory = directory;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    RoutingDecision route(Lead lead, LeadRules rules, LocalDate today) {
        return route(routable(lead), rules, today);
    }

    /** What routing looks at in the lead: its region as the division and those above it (a province covers its cities). */
    RoutableLead routable(Lead lead) {
        List<String> lineage = lead.regionCode() == null ? List.of()
                : regions.lineage(lead.regionCode()).stream().map(Region::code).toList();
        return new RoutableLead(lead.grade(), lead.industry(), lead.region(), lineage, lead.productLine());
    }

    /**
     * The territories a lead belongs to: the one it was routed or queued in; for a nurtured lead, which has none
     * until the weekly batch hands it out, those the batch will route it by. None for any other lead.
     */
    List<Territory> territoriesOf(Lead lead) {
        if (lead.territoryId() != null) {
            return territories().stream().filter(t -> t.id().equals(lead.territoryId())).toList();
        }
        return lead.status() == LeadStatus.NURTURING
                ? RoutingEngine.mostSpecificMatches(routable(lead), territories()) : List.of();
    }

    RoutingDecision route(RoutableLead lead, LeadRules rules, LocalDate today) {
        List<Territory> all = territories();
        // only the reps of the territories that may take the lead are weighed: no one else's load is read
        Set<UUID> reps = new HashSet<>();
        if (lead.grade() != Grade.C) {
            RoutingEngine.mostSpecificMatches(lead, all).forEach(t -> reps.addAll(t.memberIds()));
        }
        return inAnActiveManagersQueue(RoutingEngine.route(rules.seniority(), lead, all, candidates(reps), today));
    }

    /**
     * A territory whose manager has been deactivated queues its leads in the general queue, which the sales
     * director works (L9): never in the queue of someone who can no longer sign in to take them.
     */
    private RoutingDecision inAnActiveManagersQueue(RoutingDecision decision) {
        if (decision.kind() != RoutingDecision.Kind.MANAGER_QUEUE || decision.userId() == null
                || people(Set.of(decision.userId())).stream().anyMatch(OrgDirectory.Person::active)) {
            return decision;
        }
        return new RoutingDecision(decision.kind(), null, decision.territoryId(), decision.messageKey(), decision.args());
    }

    /** The territories as last read, and the revision they were read at. */
    private record Known(long revision, List<Territory> territories) {
    }

    /**
     * The territories, checked once per transaction (an import routes thousands of leads in a row, and
     * territories do not change under it) and read again only when their revision moved: a capture
     * asks for one number instead of every territory with its reps. The database keeps the revision
     * (lead_territory_revision), so a change made by any instance is seen by the next transaction here.
     */
    private List<Territory> territories() {
        return PerTransaction.get(SalesTerritory.class, () -> {
            long revision = jdbc.sql("select revision from lead_territory_revision where id = 1").query(Long.class)
                    .single();
            Known last = known.get();
            if (last != null && last.revision() == revision) {
                return last.territories();
            }
            // kept across requests and threads: an unmodifiable copy
            List<Territory> loaded = List.copyOf(load());
            known.set(new Known(revision, loaded));
            return loaded;
        });
    }

    /** The territories and their reps in one query, in name order. */
    private List<Territory> load() {
        return jdbc.sql("""
                select t.id, t.name, t.industries, t.regions, t.product_lines, t.manager_id,
                       array_remove(array_agg(m.user_id), null) as members
                from lead_territory t left join lead_territory_member m on m.lead_territory = t.id
                group by t.id order by lower(t.name)
                """).query((rs, i) -> new Territory(rs.getObject("id", UUID.class), rs.getString("name"),
                        SalesTerritory.split(rs.getString("industries")), SalesTerritory.split(rs.getString("regions")),
                        SalesTerritory.split(rs.getString("product_lines")), rs.getObject("manager_id", UUID.class),
                        Set.of((UUID[]) rs.getArray("members").getArray()))).list();
    }

    /** A rep's open A+B leads and last assignment, as routing weighs them. */
    private static final class Load {
        int openAB;
        Instant lastAssigned;
    }

    /**
     * Seniority, whether they still take leads ({@link SalesPeople#holdsLeads}) and current load of the
     * given reps. Loads are read once per transaction and then kept up to date by {@link #assigned}, so
     * routing a whole import costs no more per lead than routing one.
     */
    List<RepCandidate> candidates(Set<UUID> reps) {
        if (reps.isEmpty()) {
            return List.of();
        }
        Map<UUID, Load> loads = loads();
        Set<UUID> unknown = new HashSet<>(reps);
        unknown.removeAll(loads.keySet());
        if (!unknown.isEmpty()) {
            unknown.forEach(rep -> loads.put(rep, new Load()));
            // kept by the database as leads change (lead_rep_load): one row per rep, however many leads there are
            jdbc.sql("select rep_id, open_ab, last_assigned_at from lead_rep_load where rep_id in (:reps)")
                    .param("reps", unknown).query(rs -> {
                        Load load = loads.get(rs.getObject("rep_id", UUID.class));
                        load.openAB = rs.getInt("open_ab");
                        Timestamp ts = rs.getTimestamp("last_assigned_at");
                        load.lastAssigned = ts == null ? null : ts.toInstant();
                    });
        }
        // a member deactivated, or no longer in a sales role, since the territory was made takes no lead
        return people(reps).stream()
                .map(p -> new RepCandidate(p.id(), p.hireDate(), SalesPeople.holdsLeads(p), loads.get(p.id()).openAB,
                        loads.get(p.id()).lastAssigned))
                .toList();
    }

    /** A lead was assigned: the rep's load as routing sees it for the rest of the transaction. */
    void assigned(UUID rep, Grade grade, Instant at) {
        Load load = loads().get(rep);
        if (load != null) {
            if (grade == Grade.A || grade == Grade.B) {
                load.openAB++;
            }
            load.lastAssigned = at;
        }
    }

    private Map<UUID, Load> loads() {
        return PerTransaction.get(Load.class, HashMap::new);
    }

    private Collection<OrgDirectory.Person> people(Set<UUID> reps) {
        Map<UUID, OrgDirectory.Person> known = PerTransaction.get(OrgDirectory.Person.class, HashMap::new);
        Set<UUID> missing = new HashSet<>(reps);
        missing.removeAll(known.keySet());
        if (!missing.isEmpty()) {
            known.putAll(directory.people(missing));
        }
        return reps.stream().map(known::get).filter(java.util.Objects::nonNull).toList();
    }
}
