package com.lead2cash.quote.internal.web;

import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.quote.internal.QuoteService;
import com.lead2cash.sop.SubjectDescriptions;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a quote version reads where another module names it (the approval of its discount): its number and version,
 * linking to its page for a reader of quotes who may open its opportunity.
 */
@Component
class QuoteSubjects extends SubjectDescriptions {

    QuoteSubjects(JdbcClient jdbc, Opportunities opportunities) {
        super(SubjectDescriptions.of(QuoteService.SUBJECT, () -> jdbc.sql(
                        "select id, number, revision, opportunity_id from quote_quote where id in (:ids)"))
                .label(rs -> rs.getString("number") + " v" + rs.getInt("revision"))
                .link(rs -> "/quotes/" + rs.getObject("id", UUID.class))
                .openTo(() -> CurrentUser.get().filter(me -> me.hasAny(QuoteApiController.READERS)).isPresent(),
                        (readsQuotes, rs) -> readsQuotes && opportunities.mayOpen(rs.getObject("opportunity_id", UUID.class))));
    }
}
