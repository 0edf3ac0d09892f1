package com.lead2cash.quote.internal;

import com.lead2cash.confirmation.ConfirmationState;
import com.lead2cash.confirmation.ConfirmationSubjects;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.quote.internal.domain.Quote;
import com.lead2cash.quote.internal.domain.QuoteRepository;
import com.lead2cash.quote.internal.domain.QuoteStatus;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a quote's confirmations read on screen: the quote's number, a link to its latest version and, for
 * data scope, the current owner of its opportunity (a confirmation follows the opportunity when it changes hands).
 */
@Component
class QuoteConfirmationSubjects implements ConfirmationSubjects {

    private final JdbcClient jdbc;
    private final Opportunities opportunities;
    private final QuoteRepository quotes;
    private final Confirmations confirmations;

    // lazy: the confirmation module asks this bean, and this bean asks it back
    QuoteConfirmationSubjects(JdbcClient jdbc, Opportunities opportunities, QuoteRepository quotes,
                              @Lazy Confirmations confirmations) {
        this.jdbc = jdbc;
        this.opportunities = opportunities;
        this.quotes = quotes;
        this.confirmations = confirmations;
    }

    /**
     * Locks the opportunity's quotes, then the opportunity — the order in which the quote's own answer path locks
     * them — and answers whether the quote is still out for the customer's answer (0040): a version SENT, its
     * opportunity open with no quote accepted, and no other quote's acceptance recorded and not yet applied (that
     * answer committed under these locks; the quote module applies it just after). Otherwise its links are
     * withdrawn and the customer's answer changes nothing.
     */
    @Override
    public boolean awaitsAnswer(String number) {
        UUID opportunityId = quotes.findVersions(number).stream().findFirst().map(Quote::opportunityId).orElse(null);
        if (opportunityId == null) {
            return false;
        }
        List<Quote> ofOpportunity = quotes.findByOpportunityForUpdate(opportunityId);
        Stage stage = opportunities.lockedStage(opportunityId).orElse(null);
        boolean anyAccepted = ofOpportunity.stream().anyMatch(q -> q.status() == QuoteStatus.ACCEPTED);
        if (stage == null || ofOpportunity.stream().noneMatch(q -> q.number().equals(number)
                && q.awaitsAnswer(stage, anyAccepted))) {
            return false;
        }
        return ofOpportunity.stream()
                .filter(q -> !q.number().equals(number) && q.status() == QuoteStatus.SENT)
                .noneMatch(q -> confirmations.of(QuoteService.SUBJECT, q.number()).stream()
                        .anyMatch(c -> c.subject().version() == q.revision() && c.state() == ConfirmationState.ACCEPTED));
    }

    @Override
    public String subjectType() {
        return QuoteService.SUBJECT;
    }

    @Override
    public Map<String, SubjectInfo> describe(Collection<String> numbers) {
        Map<String, SubjectInfo> infos = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return infos;
        }
        jdbc.sql("""
                select distinct on (number) number, id, opportunity_id from quote_quote
                 where number in (:numbers) order by number, revision desc
                """).param("numbers", List.copyOf(numbers))
                .query((rs, i) -> {
                    UUID opportunity = rs.getObject("opportunity_id", UUID.class);
                    UUID owner = opportunities.find(opportunity).map(Opportunities.OpportunityRef::ownerId).orElse(null);
                    return new Object[] {rs.getString("number"),
                            new SubjectInfo(rs.getString("number"), "/quotes/" + rs.getObject("id", UUID.class), owner)};
                })
                .list().forEach(row -> infos.put((String) row[0], (SubjectInfo) row[1]));
        return infos;
    }
}
