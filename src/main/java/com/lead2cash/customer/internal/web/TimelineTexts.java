package com.lead2cash.customer.internal.web;

import com.lead2cash.customer.TimelineEntry;
import com.lead2cash.customer.internal.activity.ActivityViews;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.OrgDirectory;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A timeline entry as the reader reads it: its message in their language (arguments starting with
 * {@code #} are message keys themselves), who did it, and for an activity the activity itself.
 */
@Component
class TimelineTexts {

    record Row(TimelineEntry entry, String text, String actorName, ActivityViews.ActivityView activity) {
    }

    private final MessageSource messages;
    private final OrgDirectory directory;

    TimelineTexts(MessageSource messages, OrgDirectory directory) {
        this.messages = messages;
        this.directory = directory;
    }

    CursorPage<Row> rows(CursorPage<TimelineEntry> page, Map<UUID, ActivityViews.ActivityView> activities, Locale locale) {
        Set<UUID> actors = new HashSet<>();
        page.items().forEach(e -> {
            if (e.actorId() != null) {
                actors.add(e.actorId());
            }
        });
        Map<UUID, OrgDirectory.Person> people = directory.people(actors);
        return page.map(e -> new Row(e, text(e, locale),
                e.actorId() != null && people.containsKey(e.actorId()) ? people.get(e.actorId()).displayName() : null,
                e.kind().equals("activity") ? activities.get(UUID.fromString(e.key().substring("activity:".length())))
                        : null));
    }

    String text(TimelineEntry e, Locale locale) {
        List<String> args = e.args();
        Object[] resolved = args.stream().map(a -> a.startsWith("#") && a.length() > 1
                ? messages.getMessage(a.substring(1), null, a.substring(1), locale) : a).toArray();
        return messages.getMessage(e.messageKey(), resolved, e.messageKey(), locale).strip();
    }
}
