package com.lead2cash.opportunity.internal;

import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.domain.Opportunity;
import com.lead2cash.opportunity.internal.domain.OpportunityAction;
import com.lead2cash.opportunity.internal.domain.OpportunityRepository;
import com.lead2cash.platform.RecordNotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The opportunity module as other modules ask it; see {@link Opportunities}. */
@Service
class JdbcOpportunities implements Opportunities {

    private final OpportunityService service;
    private final OpportunityRepository opportunities;
    private final OpportunityAccess access;
    private final JdbcClient jdbc;

    JdbcOpportunities(OpportunityService service, OpportunityRepository opportunities, OpportunityAccess access,
                      JdbcClient jdbc) {
        this.service = service;
        this.opportunities = opportunities;
        this.access = access;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public UUID open(NewOpportunity o) {
        return service.openForLead(o.customerId(), o.name(), o.amount(), o.ownerId(), o.sourceLeadCode(),
                o.expectedCloseDate(), o.productLines());
    }

    @Override
    @Transactional(readOnly = true)
    public OpportunityRef requireVisible(UUID opportunityId) {
        return ref(access.visible(opportunityId));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OpportunityRef> find(UUID opportunityId) {
        return opportunityId == null ? Optional.empty() : opportunities.findById(opportunityId).map(JdbcOpportunities::ref);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayOpen(UUID opportunityId) {
        return opportunityId != null && opportunities.findById(opportunityId).filter(access::isVisible).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayWork(UUID opportunityId) {
        try {
            Opportunity o = access.visible(opportunityId);
            return service.actions(o).contains(OpportunityAction.EDIT);
        } catch (RecordNotFoundException e) {
            return false;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean worksOn(UUID opportunityId) {
        try {
            Opportunity o = access.visible(opportunityId);
            return o.workedBy(access.actor(o));
        } catch (RecordNotFoundException e) {
            return false;
        }
    }

    @Override
    @Transactional
    public Optional<Stage> lockedStage(UUID opportunityId) {
        return opportunityId == null ? Optional.empty()
                : jdbc.sql("select stage from opportunity_opportunity where id = :id for share")
                        .param("id", opportunityId).query(String.class).optional().map(Stage::valueOf);
    }

    @Override
    public void quoteAccepted(UUID opportunityId, UUID quoteId, BigDecimal total, Instant at) {
        service.quoteAccepted(opportunityId, total, "quote:" + quoteId);
    }

    @Override
    public void contractSigned(UUID opportunityId, String contractNumber, BigDecimal contractAmount, Instant at) {
        service.contractSigned(opportunityId, contractNumber, contractAmount);
    }

    @Override
    public void contractAmended(UUID opportunityId, String contractNumber, String amendmentNumber,
                                BigDecimal contractAmount) {
        service.contractAmended(opportunityId, contractNumber, amendmentNumber, contractAmount);
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerRecord recordOf(UUID customerId) {
        return jdbc.sql("""
                select count(*) filter (where stage not in ('WON', 'LOST')) as open_count,
                       count(*) filter (where stage = 'WON') as won_count,
                       count(*) filter (where stage = 'LOST') as lost_count,
                       coalesce(sum(amount) filter (where stage not in ('WON', 'LOST')), 0) as open_amount,
                       coalesce(sum(amount) filter (where stage = 'WON'), 0) as won_amount,
                       coalesce(sum(amount) filter (where stage = 'LOST'), 0) as lost_amount
                from opportunity_opportunity where customer_id = :c
                """).param("c", customerId)
                .query((rs, i) -> new CustomerRecord(rs.getInt("open_count"), rs.getInt("won_count"),
                        rs.getInt("lost_count"), rs.getBigDecimal("open_amount"), rs.getBigDecimal("won_amount"),
                        rs.getBigDecimal("lost_amount"))).single();
    }

    static OpportunityRef ref(Opportunity o) {
        return new OpportunityRef(o.id(), o.code(), o.name(), o.customerId(), o.ownerId(), o.stage(), o.amount(),
                o.currency(), o.expectedCloseDate(), o.productLines());
    }
}
