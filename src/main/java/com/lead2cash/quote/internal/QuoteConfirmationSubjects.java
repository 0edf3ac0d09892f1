package com.lead2cash.quote.internal;

import com.lead2cash.confirmation.ConfirmationSubjects;
import com.lead2cash.opportunity.Opportunities;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    QuoteConfirmationSubjects(JdbcClient jdbc, Opportunities opportunities) {
        this.jdbc = jdbc;
        this.opportunities = opportunities;
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
