package com.lead2cash.quote.internal.web;

import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.RecordNames;
import com.lead2cash.quote.internal.minutes.NegotiationMinutesService;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How negotiation minutes read where records are listed by type and id (the audit screen): the version of the
 * minutes of which opportunity, by its code and name (minutes have no number of their own), linking to the minutes'
 * page for a reader of quotes who may open the opportunity (the page's own rule, {@code MinutesController}).
 */
@Component
class MinutesRecordNames implements RecordNames {

    private final JdbcClient jdbc;
    private final Opportunities opportunities;
    private final MessageSource messages;

    MinutesRecordNames(JdbcClient jdbc, Opportunities opportunities, MessageSource messages) {
        this.jdbc = jdbc;
        this.opportunities = opportunities;
        this.messages = messages;
    }

    @Override
    public String recordType() {
        return NegotiationMinutesService.SUBJECT;
    }

    @Override
    public Map<String, RecordName> names(Collection<String> ids) {
        List<UUID> uuids = RecordNames.uuids(ids);
        if (uuids.isEmpty()) {
            return Map.of();
        }
        record Row(UUID id, UUID opportunityId, int revision) {
        }
        List<Row> rows = jdbc.sql("select id, opportunity_id, revision from quote_minutes where id in (:ids)")
                .param("ids", uuids)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getObject("opportunity_id", UUID.class),
                        rs.getInt("revision")))
                .list();
        boolean readsQuotes = CurrentUser.get().filter(me -> me.hasAny(QuoteApiController.READERS)).isPresent();
        // a page's minutes are of a few opportunities: each asked once
        Map<UUID, Optional<Opportunities.OpportunityRef>> ofOpportunity = new HashMap<>();
        Map<UUID, Boolean> opens = new HashMap<>();
        Map<String, RecordName> names = new HashMap<>();
        for (Row row : rows) {
            Optional<Opportunities.OpportunityRef> opportunity =
                    ofOpportunity.computeIfAbsent(row.opportunityId(), opportunities::find);
            if (opportunity.isEmpty()) {
                continue;
            }
            boolean open = readsQuotes && opens.computeIfAbsent(row.opportunityId(), opportunities::mayOpen);
            names.put(row.id().toString(), new RecordName(
                    messages.getMessage("minutes.recordName", new Object[] {row.revision(),
                            opportunity.get().code() + " " + opportunity.get().name()}, LocaleContextHolder.getLocale()),
                    open ? "/negotiation-minutes/" + row.id() : null));
        }
        return names;
    }
}
