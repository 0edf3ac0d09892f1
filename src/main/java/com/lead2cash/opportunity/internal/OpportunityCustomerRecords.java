package com.lead2cash.opportunity.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import com.lead2cash.customer.OpenBusiness;
import com.lead2cash.customer.TimelineContributor;
import com.lead2cash.customer.TimelineCursor;
import com.lead2cash.customer.TimelineEntry;
import com.lead2cash.opportunity.internal.domain.OpportunityRepository;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.MoneyText;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The opportunities (商机) of a customer as the customer module needs them: on its timeline, opened at
 * the time they were created, moved to the survivor when two customers merge, and the open ones as
 * business that keeps the customer with its owner.
 */
@Component
class OpportunityCustomerRecords implements TimelineContributor, CustomerMergeParticipant, OpenBusiness {

    private final JdbcClient jdbc;
    private final OpportunityAccess access;

    OpportunityCustomerRecords(JdbcClient jdbc, OpportunityAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * The opportunity opened, and won or lost, each at the time it happened. A lost reason is an administrator's row,
     * not a message key: its label is read here in the reader's language, the code when the row is gone. Each is told
     * as done by who did it (the opportunity may have changed hands since), and linked only for a reader who may open
     * the opportunity (a won one stays with the rep who won it when its customer is transferred).
     */
    @Override
    public List<TimelineEntry> entries(UUID customerId, TimelineCursor cursor, int limit) {
        Locale locale = LocaleContextHolder.getLocale();
        java.util.function.BiPredicate<UUID, Boolean> opens = access.visibleOpportunities();
        return cursor.bind(jdbc.sql("select c.id, c.to_stage, c.from_stage, c.changed_at, c.amount, o.id as opportunity_id, o.code,"
                        + " o.name, o.currency, o.owner_id, coalesce(c.changed_by, o.owner_id) as actor_id, o.lost_reason,"
                        + " r.label_zh, r.label_en"
                        + " from opportunity_stage_change c join opportunity_opportunity o on o.id = c.opportunity_id"
                        + " left join opportunity_lost_reason r on r.code = o.lost_reason"
                        + " where o.customer_id = :c and (c.from_stage is null or c.to_stage in ('WON', 'LOST')) and "
                        + cursor.sqlPredicate("c.changed_at", "'opportunity:' || c.id::text")
                        + " order by c.changed_at desc, c.id desc limit :limit"), limit)
                .param("c", customerId)
                .query((rs, i) -> {
                    String stage = rs.getString("to_stage");
                    String amount = MoneyText.of(rs.getBigDecimal("amount"));
                    boolean opened = rs.getString("from_stage") == null;
                    String key = opened ? "opportunity.timeline.opened"
                            : "WON".equals(stage) ? "opportunity.timeline.won" : "opportunity.timeline.lost";
                    List<String> args = opened
                            ? List.of(rs.getString("code"), rs.getString("name"), amount, rs.getString("currency"),
                                    "#opportunity.stage." + stage)
                            : "WON".equals(stage) ? List.of(rs.getString("code"), rs.getString("name"), amount,
                                    rs.getString("currency"))
                            : List.of(rs.getString("code"), rs.getString("name"), lostReason(rs.getString("lost_reason"),
                                    rs.getString("label_zh"), rs.getString("label_en"), locale));
                    return new TimelineEntry(rs.getTimestamp("changed_at").toInstant(),
                            "opportunity:" + rs.getObject("id", UUID.class), "opportunity", key, args,
                            opens.test(rs.getObject("owner_id", UUID.class), false)
                                    ? "/opportunities/" + rs.getObject("opportunity_id", UUID.class) : null,
                            rs.getObject("actor_id", UUID.class));
                })
                .list();
    }

    private static String lostReason(String code, String labelZh, String labelEn, Locale locale) {
        if (code == null) {
            return "";
        }
        return labelZh == null ? code : LostReasons.label(labelZh, labelEn, locale);
    }

    /** The opportunities not yet won or lost. */
    @Override
    public Map<UUID, List<Fact>> of(Collection<UUID> customerIds) {
        return OpenBusiness.byCustomer(jdbc, """
                select customer_id, code, name, stage from opportunity_opportunity
                where customer_id in (:ids) and %s order by created_at, id""".formatted(OpportunityRepository.OPEN),
                customerIds, rs -> Fact.of("opportunity.openBusiness", rs.getString("code"), rs.getString("name"),
                        Label.of("opportunity.stage", rs.getString("stage"))));
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
