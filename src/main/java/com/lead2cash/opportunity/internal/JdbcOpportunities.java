package com.lead2cash.opportunity.internal;

import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.Ids;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens the DISCOVERY placeholder; the pipeline, stages and evaluation come with the opportunity slice. */
@Service
class JdbcOpportunities implements Opportunities {

    private final JdbcClient jdbc;
    private final HumanCodes codes;
    private final AuditTrail audit;
    private final Clock clock;

    JdbcOpportunities(JdbcClient jdbc, HumanCodes codes, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID open(NewOpportunity o) {
        if (o.name() == null || o.name().isBlank() || o.name().length() > 200) {
            throw new FieldValidationException("opportunityName", "opportunity.name.required");
        }
        if (o.amount() != null && o.amount().signum() < 0) {
            throw new FieldValidationException("amount", "opportunity.amount.negative");
        }
        UUID id = Ids.newId();
        String code = codes.next("O", "opportunity_code_seq");
        jdbc.sql("""
                insert into opportunity_opportunity (id, code, customer_id, name, amount, currency, stage, owner_id,
                                                     source_lead_code, version, created_at)
                values (:id, :code, :customer, :name, :amount, 'CNY', 'DISCOVERY', :owner, :lead, 0, :now)
                """).param("id", id).param("code", code).param("customer", o.customerId()).param("name", o.name().trim())
                .param("amount", o.amount() == null ? BigDecimal.ZERO : o.amount()).param("owner", o.ownerId())
                .param("lead", o.sourceLeadCode()).param("now", java.sql.Timestamp.from(clock.instant())).update();
        audit.record("CREATE", "Opportunity", id, code + " " + o.name() + " (" + o.sourceLeadCode() + ")");
        return id;
    }
}
