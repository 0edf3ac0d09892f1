package com.lead2cash.customer.internal.activity;

import com.lead2cash.customer.internal.domain.Activity;
import com.lead2cash.customer.internal.domain.ActivityType;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.OrgDirectory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Follow-up activities as the API and the customer page show them; lists newest first, keyset-paged. */
@Component
public class ActivityViews {

    /**
     * An activity (SPEC §6: {@code 201 {id, late, …}}); {@code summary} in the reader's language when it was carried
     * from a lead ({@link ActivitySummaries}).
     */
    public record ActivityView(UUID id, UUID customerId, ActivityType type, Instant occurredAt, Instant loggedAt,
                               UUID loggedBy, String loggedByName, List<UUID> contactIds, String summary,
                               String needsChanges, String objections, String objectionHandling, String nextStep,
                               Instant nextFollowUpAt, boolean late, Instant logDueAt, String minutes,
                               Instant minutesDueAt, Instant minutesWrittenAt, boolean minutesOwed, long version) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory directory;
    private final ActivitySummaries summaries;

    ActivityViews(JdbcClient jdbc, OrgDirectory directory, ActivitySummaries summaries) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.summaries = summaries;
    }

    public ActivityView of(Activity a) {
        String name = directory.person(a.loggedBy()).map(OrgDirectory.Person::displayName).orElse(null);
        return new ActivityView(a.id(), a.customerId(), a.type(), a.occurredAt(), a.loggedAt(), a.loggedBy(), name,
                a.contactIds(), summaries.said(a.summary(), a.summaryKey(), a.summaryArgs(), LocaleContextHolder.getLocale()),
                a.needsChanges(), a.objections(), a.objectionHandling(), a.nextStep(),
                a.nextFollowUpAt(), a.late(), a.logDueAt(), a.minutes(), a.minutesDueAt(), a.minutesWrittenAt(),
                a.minutesOwed(), a.version() == null ? 0 : a.version());
    }

    /** The activities of a customer (whose visibility the caller checked), newest first. */
    public CursorPage<ActivityView> of(UUID customerId, String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        String after = "";
        Object[] key = {null, null};
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key k = CursorPage.decode("activity", cursor, 2);
            after = " and (occurred_at, id) < (:k0, :k1)";
            key = new Object[] {k.timestamp(0), k.uuid(1)};
        }
        List<ActivityView> views = query(jdbc.sql("select * from customer_activity where customer_id = :c" + after
                        + " order by occurred_at desc, id desc limit :limit")
                .param("c", customerId).param("k0", key[0]).param("k1", key[1]).param("limit", size + 1));
        return CursorPage.of("activity", views, size, v -> List.of(v.occurredAt().toString(), v.id()));
    }

    /** Activities by id (those on a page of the timeline). */
    public Map<UUID, ActivityView> byIds(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return query(jdbc.sql("select * from customer_activity where id in (:ids)").param("ids", ids)).stream()
                .collect(java.util.stream.Collectors.toMap(ActivityView::id, v -> v));
    }

    private List<ActivityView> query(JdbcClient.StatementSpec statement) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Object[]> rows = statement
                .query((rs, i) -> new Object[] {rs.getObject("id", UUID.class), ActivityType.valueOf(rs.getString("type")),
                        ts(rs.getTimestamp("occurred_at")), ts(rs.getTimestamp("logged_at")),
                        rs.getObject("logged_by", UUID.class), uuids(rs.getArray("contact_ids")),
                        summaries.said(rs.getString("summary"), rs.getString("summary_key"), rs.getString("summary_args"),
                                locale),
                        rs.getString("needs_changes"), rs.getString("objections"), rs.getString("objection_handling"),
                        rs.getString("next_step"), ts(rs.getTimestamp("next_follow_up_at")), rs.getBoolean("late"),
                        ts(rs.getTimestamp("log_due_at")), rs.getString("minutes"), ts(rs.getTimestamp("minutes_due_at")),
                        ts(rs.getTimestamp("minutes_written_at")), rs.getLong("version"),
                        rs.getObject("customer_id", UUID.class)})
                .list();
        Set<UUID> people = new HashSet<>();
        rows.forEach(r -> people.add((UUID) r[4]));
        Map<UUID, OrgDirectory.Person> names = directory.people(people);
        return rows.stream().map(r -> {
            ActivityType type = (ActivityType) r[1];
            Instant written = (Instant) r[16];
            @SuppressWarnings("unchecked")
            List<UUID> contacts = (List<UUID>) r[5];
            return new ActivityView((UUID) r[0], (UUID) r[18], type, (Instant) r[2], (Instant) r[3], (UUID) r[4],
                    names.containsKey((UUID) r[4]) ? names.get((UUID) r[4]).displayName() : null,
                    contacts, (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10],
                    (Instant) r[11], (Boolean) r[12], (Instant) r[13], (String) r[14], (Instant) r[15], written,
                    type.needsMinutes() && written == null, (Long) r[17]);
        }).toList();
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<UUID> uuids(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
