package com.lead2cash.contract.internal;

import com.lead2cash.opportunity.SignedContracts;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the opportunity module whether one of its opportunities has a signed contract (its manual WON needs one). */
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
}
