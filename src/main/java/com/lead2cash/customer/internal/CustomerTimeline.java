package com.lead2cash.customer.internal;

import com.lead2cash.customer.TimelineContributor;
import com.lead2cash.customer.TimelineCursor;
import com.lead2cash.customer.TimelineEntry;
import com.lead2cash.customer.internal.activity.ActivitySummaries;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.Deadlines;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's timeline (客户动态): its follow-up activities, its story (created, status and owner
 * changes, grading, pool, merges), its follow-up deadlines, and whatever other modules contribute
 * (opportunities, confirmations, contracts, orders, receipts; each only to a reader its routes admit) — one
 * chronological view, newest first, keyset-paged across all
 * sources: each source answers the entries after the cursor, the merge keeps the first page's worth.
 */
@Component
public class CustomerTimeline {

    public static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::key).reversed();

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final Deadlines deadlines;
    private final List<TimelineContributor> contributors;
    private final ZoneId zone;
    private final ActivitySummaries summaries;

    CustomerTimeline(JdbcClient jdbc, CustomerAccess access, Deadlines deadlines, List<TimelineContributor> contributors,
                     @Value("${l2c.zone}") ZoneId zone, ActivitySummaries summaries) {
        this.summaries = summaries;
        this.jdbc = jdbc;
        this.access = access;
        this.deadlines = deadlines;
        this.contributors = contributors;
        this.zone = zone;
    }

    /** One page of the timeline of a customer the current user may see. */
    public CursorPage<TimelineEntry> page(UUID customerId, String cursor, Integer requestedSize) {
        Subject subject = subject(customerId);
        int size = CursorPage.size(requestedSize);
        TimelineCursor after = TimelineCursor.START;
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("customer-timeline", cursor, 2);
            after = new TimelineCursor(key.timestamp(0).toInstant(), key.text(1));
        }
        int limit = size + 1;
        List<TimelineEntry> all = new ArrayList<>(story(customerId, after, limit));
        all.addAll(deadlineEntries(subject, after, limit));
        CurrentUser reader = CurrentUser.require();
        for (TimelineContributor contributor : contributors) {
            if (contributor.visibleFor(reader)) {
                all.addAll(contributor.entries(customerId, after, limit));
            }
        }
        TimelineCursor from = after;
        List<TimelineEntry> page = all.stream().filter(from::admits).sorted(NEWEST_FIRST).limit(limit).toList();
        return CursorPage.of("customer-timeline", page, size, e -> List.of(e.at().toString(), e.key()));
    }

    /** The customer's own id and those merged into it (their deadlines are its history too). */
    private record Subject(UUID id, List<UUID> mergedIds) {

        List<String> deadlineSubjects() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(id), mergedIds.stream()).map(UUID::toString).toList();
        }
    }

    /**
     * The customer if the current user may see it, else 404 — read as the owner and the merged ids in
     * one row, not as the whole aggregate: a timeline page needs nothing else of it.
     */
    private Subject subject(UUID customerId) {
        record Row(UUID ownerId, List<UUID> mergedIds) {
        }
        Row row = jdbc.sql("select owner_id, array(select m.id from customer_customer m where m.merged_into_id = c.id) as merged"
                        + " from customer_customer c where c.id = :c")
                .param("c", CustomerAccess.required(customerId))
                .query((rs, i) -> new Row(rs.getObject("owner_id", UUID.class), List.of((UUID[]) rs.getArray("merged").getArray())))
                .optional().orElseThrow(() -> new RecordNotFoundException(CustomerAccess.SUBJECT, customerId));
        access.requireReadable(customerId, row.ownerId());
        return new Subject(customerId, row.mergedIds());
    }

    /**
     * Its story (created, status and owner changes, grading, pool, merges) and its activities, in one statement; a
     * summary carried from a lead said in the reader's language, as on the activity itself ({@link ActivitySummaries}).
     */
    private List<TimelineEntry> story(UUID customerId, TimelineCursor after, int limit) {
        Locale locale = LocaleContextHolder.getLocale();
        return after.bind(jdbc.sql("(select 'event' as kind, 'event:' || lpad(e.id::text, 19, '0') as key, e.occurred_at, e.actor_id,"
                        + " e.message_key, e.args, null as type, null as summary, null as summary_key, null as summary_args,"
                        + " false as late from customer_event e"
                        + " where e.customer_id = :c and " + after.sqlPredicate("e.occurred_at", "'event:' || lpad(e.id::text, 19, '0')")
                        + " order by e.occurred_at desc, e.id desc limit :limit)"
                        + " union all (select 'activity', 'activity:' || a.id::text, a.occurred_at, a.logged_by,"
                        + " null, null, a.type, a.summary, a.summary_key, a.summary_args, a.late from customer_activity a"
                        + " where a.customer_id = :c and " + after.sqlPredicate("a.occurred_at", "'activity:' || a.id::text")
                        + " order by a.occurred_at desc, a.id desc limit :limit)"), limit)
                .param("c", customerId)
                .query((rs, i) -> {
                    java.time.Instant at = rs.getTimestamp("occurred_at").toInstant();
                    UUID actor = rs.getObject("actor_id", UUID.class);
                    return "event".equals(rs.getString("kind"))
                            ? new TimelineEntry(at, rs.getString("key"), "event", rs.getString("message_key"),
                                    CustomerHistory.args(rs.getString("args")), null, actor)
                            : new TimelineEntry(at, rs.getString("key"), "activity", "customer.timeline.activity",
                                    List.of("#activity.type." + rs.getString("type"), summaries.said(rs.getString("summary"),
                                            rs.getString("summary_key"), rs.getString("summary_args"), locale),
                                            rs.getBoolean("late") ? "#customer.timeline.lateMark" : ""), null, actor);
                })
                .list();
    }

    /** The follow-up deadlines of the customer (and of customers merged into it), at the time each started. */
    private List<TimelineEntry> deadlineEntries(Subject subject, TimelineCursor after, int limit) {
        Instant before = after.isStart() ? Instant.parse("9999-12-31T00:00:00Z") : after.at();
        List<TimelineEntry> entries = new ArrayList<>();
        for (Deadlines.DeadlineRecord d : deadlines.of(CustomerAccess.SUBJECT, subject.deadlineSubjects(), before, limit)) {
            if ("CANCELLED".equals(d.state()) && d.breachedAt() == null) {
                continue;
            }
            String state = d.state().equals("MET") && !d.metOnTime() ? "MET_LATE" : d.state();
            entries.add(new TimelineEntry(d.startedAt(), "deadline:" + d.id(), "deadline",
                    "customer.timeline.deadline." + state,
                    List.of("#rule." + d.ruleId() + ".name", MINUTE.format(d.dueAt().atZone(zone))), null, d.ownerId()));
        }
        return entries;
    }
}
