package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.internal.domain.Complaint;
import com.lead2cash.aftersales.internal.domain.ComplaintCategory;
import com.lead2cash.aftersales.internal.domain.ComplaintRepository;
import com.lead2cash.aftersales.internal.domain.ComplaintStatus;
import com.lead2cash.aftersales.internal.domain.Handover;
import com.lead2cash.aftersales.internal.domain.HandoverRepository;
import com.lead2cash.aftersales.internal.domain.HandoverStatus;
import com.lead2cash.aftersales.internal.domain.Severity;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Scope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The after-sales lists within the reader's data scope: the handover inbox, complaints with their SLA
 * state and filters (keyset paged), and satisfaction results per rep, team or product line.
 */
@Component
@Transactional(readOnly = true)
public class AftersalesQueries {

    /** Filters of the complaint list; each may be null. */
    public record ComplaintFilter(ComplaintStatus status, Severity severity, ComplaintCategory category,
                                  Complaint.SlaState sla, Boolean levelOne, UUID customerId, boolean open,
                                  String cursor, Integer size) {
    }

    /** One group of satisfaction results: answered surveys, the average rating and the count of each score. */
    public record SatisfactionRow(
            @Schema(description = "The rep's or team's id, or the product line; null for the surveys that name no "
                    + "product line (groupBy=PRODUCT_LINE), which come last")
            String key,
            @Schema(description = "What the screens show for a product-line group: the product line, or "
                    + "\"No product line\" / \"未指定产品线\" in the reader's language when key is null; "
                    + "null when grouped by rep or team (the key is their id)")
            String label,
            int answered, BigDecimal average, List<Integer> distribution) {
    }

    public enum GroupBy { REP, TEAM, PRODUCT_LINE }

    private final JdbcClient jdbc;
    private final AftersalesAccess access;
    private final HandoverRepository handovers;
    private final ComplaintRepository complaints;
    private final Clock clock;
    private final ZoneId zone;
    private final MessageSource messages;

    AftersalesQueries(JdbcClient jdbc, AftersalesAccess access, HandoverRepository handovers,
                      ComplaintRepository complaints, Clock clock, @Value("${l2c.zone}") ZoneId zone,
                      MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.access = access;
        this.handovers = handovers;
        this.complaints = complaints;
        this.clock = clock;
        this.zone = zone;
    }

    /** Handovers in scope (as rep or after-sales owner), newest first; {@code status} null for all. */
    public CursorPage<Handover> handovers(HandoverStatus status, String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        Scope scope = access.scope();
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder sql = new StringBuilder("select id, opened_at from aftersales_handover where ("
                + scope.ownerPredicate("rep_id") + " or " + scope.ownerPredicate("service_owner_id") + ")");
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("handover", cursor, 2);
            params.put("k0", key.timestamp(0));
            params.put("k1", key.uuid(1));
            sql.append(" and (opened_at, id) < (:k0, :k1)");
        }
        sql.append(" order by opened_at desc, id desc limit ").append(size + 1);
        List<UUID> ids = jdbc.sql(sql.toString()).params(params).query((rs, i) -> rs.getObject("id", UUID.class)).list();
        List<Handover> rows = handovers.findAllById(ids).stream()
                .sorted(Comparator.comparing(Handover::openedAt).thenComparing(Handover::id).reversed()).toList();
        return CursorPage.of("handover", rows, size, h -> List.of(h.openedAt(), h.id()));
    }

    /** Complaints in scope (as handler or the customer's rep), newest first, with the filters. */
    public CursorPage<Complaint> complaints(ComplaintFilter f) {
        int size = CursorPage.size(f.size());
        Scope scope = access.scope();
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder sql = new StringBuilder("select id from aftersales_complaint where ("
                + scope.ownerPredicate("handler_id") + " or " + scope.ownerPredicate("customer_owner_id") + ")");
        if (f.status() != null) {
            sql.append(" and status = :status");
            params.put("status", f.status().name());
        }
        if (f.open()) {
            sql.append(" and status <> 'CLOSED'");
        }
        if (f.severity() != null) {
            sql.append(" and severity = :severity");
            params.put("severity", f.severity().name());
        }
        if (f.category() != null) {
            sql.append(" and category = :category");
            params.put("category", f.category().name());
        }
        if (f.levelOne() != null) {
            sql.append(" and level_one = :levelOne");
            params.put("levelOne", f.levelOne());
        }
        if (f.customerId() != null) {
            sql.append(" and customer_id = :customer");
            params.put("customer", f.customerId());
        }
        if (f.sla() != null) {
            String breached = "(coalesce(first_response_at, :now) > response_due_at"
                    + " or coalesce(feedback_at, :now) > resolution_due_at)";
            params.put("now", Timestamp.from(clock.instant()));
            sql.append(switch (f.sla()) {
                case BREACHED -> " and " + breached;
                case MET -> " and not " + breached + " and feedback_at is not null";
                case ON_TRACK -> " and not " + breached + " and feedback_at is null";
            });
        }
        if (f.cursor() != null && !f.cursor().isBlank()) {
            CursorPage.Key key = CursorPage.decode("complaint", f.cursor(), 2);
            params.put("k0", key.timestamp(0));
            params.put("k1", key.uuid(1));
            sql.append(" and (received_at, id) < (:k0, :k1)");
        }
        sql.append(" order by received_at desc, id desc limit ").append(size + 1);
        List<UUID> ids = jdbc.sql(sql.toString()).params(params).query((rs, i) -> rs.getObject("id", UUID.class)).list();
        List<Complaint> rows = complaints.findAllById(ids).stream()
                .sorted(Comparator.comparing(Complaint::receivedAt).thenComparing(Complaint::id).reversed()).toList();
        return CursorPage.of("complaint", rows, size, c -> List.of(c.receivedAt(), c.id()));
    }

    /**
     * Answered satisfaction surveys of reps within the reader's scope, and of the complaints handled within it
     * (after-sales see the ratings of their own work), answered from {@code from} to
     * {@code to} inclusive (company dates), grouped; a group key is the rep's or team's id or the product line
     * (null, labelled 未指定产品线 / "No product line", for the surveys that name none).
     */
    public List<SatisfactionRow> satisfaction(GroupBy groupBy, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new FieldValidationException("from", "aftersales.error.fromAfterTo");
        }
        Scope scope = access.scope();
        Map<String, Object> params = new HashMap<>(scope.params());
        String key = switch (groupBy) {
            case REP -> "rep_id::text";
            case TEAM -> "team_id::text";
            // a blank product line is none: one group for them, never a key ""
            case PRODUCT_LINE -> "nullif(btrim(product_line), '')";
        };
        StringBuilder sql = new StringBuilder("select " + key + " as k, count(*) as n, avg(rating) as avg,"
                + " count(*) filter (where rating = 1) r1, count(*) filter (where rating = 2) r2,"
                + " count(*) filter (where rating = 3) r3, count(*) filter (where rating = 4) r4,"
                + " count(*) filter (where rating = 5) r5 from aftersales_survey where rating is not null and ("
                + scope.ownerPredicate("rep_id")
                // the handler's own work: the ratings of the complaints they handled, credited to the rep as well
                + " or occasion = 'COMPLAINT_CLOSED' and subject_id in (select id from aftersales_complaint where "
                + scope.ownerPredicate("handler_id") + "))");
        if (from != null) {
            sql.append(" and answered_at >= :from");
            params.put("from", Timestamp.from(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            sql.append(" and answered_at < :to");
            params.put("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        sql.append(" group by 1 order by 1 nulls last");
        String none = messages.getMessage("aftersales.satisfaction.noProductLine", null, LocaleContextHolder.getLocale());
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new SatisfactionRow(rs.getString("k"),
                groupBy != GroupBy.PRODUCT_LINE ? null : rs.getString("k") == null ? none : rs.getString("k"),
                rs.getInt("n"), rs.getBigDecimal("avg").setScale(2, RoundingMode.HALF_UP),
                List.of(rs.getInt("r1"), rs.getInt("r2"), rs.getInt("r3"), rs.getInt("r4"), rs.getInt("r5")))).list();
    }

    /**
     * A customer's service health (服务健康度): open complaints, complaints whose SLA was breached, and the
     * satisfaction trend — the latest ratings from complaints and surveys, oldest first.
     */
    public record Health(int openComplaints, int breachedComplaints, int complaints, List<Rating> trend) {
    }

    public record Rating(Instant at, int rating) {
    }

    /** The customer's service health; the caller has checked the customer is visible. */
    public Health health(UUID customerId) {
        var counts = jdbc.sql("""
                select count(*) filter (where status <> 'CLOSED') as open,
                       count(*) filter (where coalesce(first_response_at, :now) > response_due_at
                                           or coalesce(feedback_at, :now) > resolution_due_at) as breached,
                       count(*) as total
                from aftersales_complaint where customer_id = :c""")
                .param("c", customerId).param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new int[] {rs.getInt("open"), rs.getInt("breached"), rs.getInt("total")}).single();
        // a complaint's closing rating is recorded as its survey result too: counted once
        List<Rating> trend = jdbc.sql("""
                select at, rating from (
                    select closed_at as at, rating from aftersales_complaint where customer_id = :c and rating is not null
                    union all
                    select answered_at, rating from aftersales_survey s where customer_id = :c and rating is not null
                      and not exists (select 1 from aftersales_complaint k where k.rating_confirmation_id = s.confirmation_id)
                ) r order by at desc limit 6""")
                .param("c", customerId)
                .query((rs, i) -> new Rating(rs.getTimestamp("at").toInstant(), rs.getInt("rating"))).list();
        List<Rating> oldestFirst = new java.util.ArrayList<>(trend);
        java.util.Collections.reverse(oldestFirst);
        return new Health(counts[0], counts[1], counts[2], oldestFirst);
    }

    /** The customers a person serves as their after-sales owner (latest accepted handovers): id and name. */
    public List<Map<String, Object>> servedBy(UUID serviceOwnerId) {
        return jdbc.sql("""
                select distinct on (customer_id) customer_id as id, customer_name as name from aftersales_handover
                where service_owner_id = :me and status = 'ACCEPTED' order by customer_id, accepted_at desc""")
                .param("me", serviceOwnerId).query().listOfRows();
    }

    /** When a complaint's SLA is read, now. */
    public Instant now() {
        return clock.instant();
    }
}
