package com.lead2cash.quote.internal;

import com.lead2cash.opportunity.AcceptedQuotes;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the opportunity module whether a quote of an opportunity is accepted (its amount then is the quote's). */
@Component
class QuoteAcceptedForOpportunity implements AcceptedQuotes {

    private final JdbcClient jdbc;

    QuoteAcceptedForOpportunity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean existFor(UUID opportunityId) {
        return jdbc.sql("select exists (select 1 from quote_quote where opportunity_id = :id and status = 'ACCEPTED')")
                .param("id", opportunityId).query(Boolean.class).single();
    }
}
