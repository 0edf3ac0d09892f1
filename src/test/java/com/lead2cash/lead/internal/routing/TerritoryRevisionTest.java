package com.lead2cash.lead.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routing keeps the territories in memory between captures and reads them again only when their revision
 * (lead_territory_revision) moved: a change is seen by the next routing, and a change that rolled back is
 * never taken for a later one.
 */
@IntegrationTest
class TerritoryRevisionTest {

    @Autowired LeadRouter router;
    @Autowired SopPolicy policy;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Value("${l2c.zone}") ZoneId zone;

    /** A product line no other test's territory names, so only this test's territories match it. */
    private final String productLine = "线-" + UUID.randomUUID().toString().substring(0, 8);

    private UUID rep() {
        return fixtures.user("tr." + UUID.randomUUID().toString().substring(0, 8), fixtures.rootUnit(),
                LocalDate.of(2018, 1, 1), Role.SALES_REP).id();
    }

    private UUID territory(UUID rep) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into lead_territory (id, name, industries, regions, product_lines, manager_id, version, created_at)
                values (:id, :name, '', '', :line, null, 0, now())""")
                .param("id", id).param("name", "辖区 " + id).param("line", productLine).update();
        member(id, rep);
        return id;
    }

    private void member(UUID territory, UUID rep) {
        jdbc.sql("insert into lead_territory_member (lead_territory, user_id) values (:t, :u)")
                .param("t", territory).param("u", rep).update();
    }

    private RoutingDecision route() {
        return router.route(new RoutableLead(Grade.A, null, null, List.of(), productLine),
                policy.current().bind(LeadRules.class), LocalDate.ofInstant(clock.instant(), zone));
    }

    @Test
    void aTerritoryChangedAfterRoutingIsSeenByTheNextRouting() {
        UUID first = rep();
        UUID territory = territory(first);
        assertThat(route().userId()).isEqualTo(first);

        UUID second = rep();
        jdbc.sql("delete from lead_territory_member where lead_territory = :t").param("t", territory).update();
        member(territory, second);

        assertThat(route().userId()).isEqualTo(second);
    }

    @Test
    void aTerritoryChangeThatRolledBackIsNotTakenForALaterOne() {
        UUID inRolledBack = rep();
        UUID[] rolledBack = new UUID[1];
        RoutingDecision inside = tx.execute(status -> {
            rolledBack[0] = territory(inRolledBack);
            RoutingDecision decision = route();
            status.setRollbackOnly();
            return decision;
        });
        assertThat(inside.territoryId()).isEqualTo(rolledBack[0]);
        assertThat(inside.userId()).isEqualTo(inRolledBack);

        // the next change, with nothing routed in between: a revision number reused from the rolled-back
        // change would keep the territories of that change
        UUID later = rep();
        UUID territory = territory(later);
        RoutingDecision after = route();
        assertThat(after.territoryId()).isEqualTo(territory);
        assertThat(after.userId()).isEqualTo(later);
    }
}
