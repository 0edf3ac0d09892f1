package com.lead2cash.customer.internal;

import com.lead2cash.customer.TimelineContributor;
import com.lead2cash.customer.TimelineCursor;
import com.lead2cash.customer.TimelineEntry;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's timeline (客户动态): its follow-up activities, its story (created, status and owner
 * changes, grading, pool, merges), its follow-up deadlines, and whatever other modules contribute
 * (opportunities, confirmations) — one chronological view, newest first, keyset-paged across all
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

    CustomerTimeline(JdbcClient jdbc, CustomerAccess access, Deadlines deadlines, List<TimelineContributor> contributors,
                     @Value("${l2c.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.access = access;
        this.deadlines = deadlines;
        this.contributors = contributors;
        this.zone = zone;
    }

    /** One page of the timeline of a customer the current user may see. */
    public CursorPage<TimelineEntry> page(UUID customerId, String cursor, Integer requestedSize) {
        Customer c = access.visible(customerId);
        int size = CursorPage.size(requestedSize);
        TimelineCursor after = TimelineCursor.START;
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode(cursor, 2);
            after = new TimelineCursor(key.timestamp(0).toInstant(), key.text(1));
        }
        int limit = size + 1;
        List<TimelineEntry> all = new ArrayList<>();
        all.addAll(events(c.id(), after, limit));
        all.addAll(activities(c.id(), after, limit));
        all.addAll(deadlineEntries(c, after, limit));
        for (TimelineContributor contributor : contributors) {
            all.addAll(contributor.entries(c.id(), after, limit));
        }
        TimelineCursor from = after;
        List<TimelineEntry> page = all.stream().filter(from::admits).sorted(NEWEST_FIRST).limit(limit).toList();
        return CursorPage.of(page, size, e -> List.of(e.at().toString(), e.key()));
    }

    private List<TimelineEntry> events(UUID customerId, TimelineCursor after, int limit) {
        return jdbc.sql("select id, occurred_at, actor_id, message_key, args from customer_event where customer_id = :c and "
                        + after.sqlPredicate("occurred_at", "'event:' || lpad(id::text, 19, '0')")
                        + " order by occurred_at desc, id desc limit :limit")
                .param("c", customerId).param("cursorAt", after.atParam()).param("cursorKey", after.key())
                .param("limit", limit)
                .query((rs, i) -> new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(),
                        "event:" + String.format("%019d", rs.getLong("id")), "event", rs.getString("message_key"),
                        CustomerHistory.args(rs.getString("args")), null, rs.getObject("actor_id", UUID.class)))
                .list();
    }

    private List<TimelineEntry> activities(UUID customerId, TimelineCursor after, int limit) {
        return jdbc.sql("select id, type, occurred_at, logged_by, summary, late from customer_activity where customer_id = :c and "
                        + after.sqlPredicate("occurred_at", "'activity:' || id::text")
                        + " order by occurred_at desc, id desc limit :limit")
                .param("c", customerId).param("cursorAt", after.atParam()).param("cursorKey", after.key())
                .param("limit", limit)
                .query((rs, i) -> new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(),
                        "activity:" + rs.getObject("id", UUID.class), "activity",
                        "customer.timeline.activity", List.of("#activity.type." + rs.getString("type"), rs.getString("summary"),
                        rs.getBoolean("late") ? "#customer.timeline.lateMark" : ""), null, rs.getObject("logged_by", UUID.class)))
                .list();
    }

    /** The follow-up deadlines of the customer (and of customers merged into it), at the time each started. */
    private List<TimelineEntry> deadlineEntries(Customer c, TimelineCursor after, int limit) {
        List<UUID> subjects = new ArrayList<>(List.of(c.id()));
        subjects.addAll(jdbc.sql("select id from customer_customer where merged_into_id = :c").param("c", c.id())
                .query(UUID.class).list());
        Instant before = after.isStart() ? Instant.parse("9999-12-31T00:00:00Z") : after.at();
        List<TimelineEntry> entries = new ArrayList<>();
        for (UUID subject : subjects) {
            for (Deadlines.DeadlineRecord d : deadlines.of(SubjectRef.of(CustomerAccess.SUBJECT, subject), before, limit)) {
                if ("CANCELLED".equals(d.state()) && d.breachedAt() == null) {
                    continue;
                }
                String state = d.state().equals("MET") && !d.metOnTime() ? "MET_LATE" : d.state();
                entries.add(new TimelineEntry(d.startedAt(), "deadline:" + d.id(), "deadline",
                        "customer.timeline.deadline." + state,
                        List.of("#rule." + d.ruleId() + ".name", MINUTE.format(d.dueAt().atZone(zone))), null, d.ownerId()));
            }
        }
        return entries;
    }
}
