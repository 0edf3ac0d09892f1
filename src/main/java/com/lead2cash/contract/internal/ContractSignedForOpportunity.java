package com.lead2cash.contract.internal;

import com.lead2cash.opportunity.SignedContracts;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the opportunity module whether one of its opportunities has a signed contract (its manual WON needs one), and
 * which have a contract under way (not signed, not terminated: marking the opportunity lost waits for its end).
 */
@Component
class ContractSignedForOpportunity implements SignedContracts {

    private final JdbcClient jdbc;

    ContractSignedForOpportunity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean existFor(UUID opportunityId) {
        return jdbc.sql("select exists (select 1 from contract_contract where opportunity_id = :id"
                        + " and status in ('SIGNED', 'ARCHIVED'))")
                .param("id", opportunityId).query(Boolean.class).single();
    }

    @Override
    public Map<UUID, String> underWayFor(Collection<UUID> opportunityIds) {
        Map<UUID, String> underWay = new HashMap<>();
        if (opportunityIds.isEmpty()) {
            return underWay;
        }
        jdbc.sql("select opportunity_id, number from contract_contract where opportunity_id in (:ids)"
                        + " and status not in ('SIGNED', 'ARCHIVED', 'TERMINATED')")
                .param("ids", opportunityIds)
                .query(rs -> {
                    underWay.put(rs.getObject("opportunity_id", UUID.class), rs.getString("number"));
                });
        return underWay;
    }
}
