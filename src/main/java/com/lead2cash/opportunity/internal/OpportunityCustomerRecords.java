package com.lead2cash.opportunity.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import com.lead2cash.customer.TimelineContributor;
import com.lead2cash.customer.TimelineCursor;
import com.lead2cash.customer.TimelineEntry;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The opportunities (商机) of a customer as the customer module needs them: on its timeline, opened at
 * the time they were created, and moved to the survivor when two customers merge.
 */
@Component
class OpportunityCustomerRecords implements TimelineContributor, CustomerMergeParticipant {

    private final JdbcClient jdbc;

    OpportunityCustomerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, TimelineCursor cursor, int limit) {
        return jdbc.sql("select id, code, name, amount, currency, stage, owner_id, created_at from opportunity_opportunity"
                        + " where customer_id = :c and " + cursor.sqlPredicate("created_at", "'opportunity:' || id::text")
                        + " order by created_at desc, id desc limit :limit")
                .param("c", customerId).param("cursorAt", cursor.atParam()).param("cursorKey", cursor.key())
                .param("limit", limit)
                .query((rs, i) -> new TimelineEntry(rs.getTimestamp("created_at").toInstant(),
                        "opportunity:" + rs.getObject("id", UUID.class), "opportunity", "opportunity.timeline.opened",
                        List.of(rs.getString("code"), rs.getString("name"), rs.getBigDecimal("amount").toPlainString(),
                                rs.getString("currency"), "#opportunity.stage." + rs.getString("stage")),
                        null, rs.getObject("owner_id", UUID.class)))
                .list();
    }

    @Override
    public int moveToSurvivor(UUID mergedId, UUID survivorId) {
        return jdbc.sql("update opportunity_opportunity set customer_id = :s, version = version + 1 where customer_id = :m")
                .param("s", survivorId).param("m", mergedId).update();
    }

    @Override
    public String what() {
        return "opportunities";
    }
}
