package com.lead2cash.notification.internal;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.internal.domain.StoredMessage;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.RecordNotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** 站内信 — a person's in-app inbox: newest first, unread count, mark read. Only ever the caller's own. */
@Service
public class Inbox {

    /** An inbox entry with its title rendered for the reader; {@code settledAt}: since when nothing is left to do. */
    public record Item(UUID id, String kind, String title, String link, Notification.Urgency urgency, Instant createdAt,
                Instant readAt, Instant settledAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TitleRenderer titles;
    private final Clock clock;

    Inbox(JdbcClient jdbc, JsonMapper json, TitleRenderer titles, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.titles = titles;
        this.clock = clock;
    }

    /** The person's notifications, newest first, keyset-paginated on (created_at, id). */
    public CursorPage<Item> list(UUID userId, boolean unreadOnly, String cursor, Integer requestedSize, Locale locale) {
        int size = CursorPage.size(requestedSize);
        StringBuilder sql = new StringBuilder("select " + StoredMessage.COLUMNS
                + " from notification_message m where m.recipient_id = :user");
        Map<String, Object> params = new HashMap<>();
        params.put("user", userId);
        if (unreadOnly) {
            sql.append(" and m.read_at is null");
        }
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("notification", cursor, 2);
            sql.append(" and (m.created_at, m.id) < (:k0, :k1)");
            params.put("k0", key.timestamp(0));
            params.put("k1", key.uuid(1));
        }
        sql.append(" order by m.created_at desc, m.id desc limit ").append(size + 1);
        List<StoredMessage> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> StoredMessage.map(rs, json)).list();
        return CursorPage.of("notification", rows, size, m -> List.of(m.createdAt(), m.id())).map(m -> item(m, locale));
    }

    public long unreadCount(UUID userId) {
        return jdbc.sql("select count(*) from notification_message where recipient_id = :user and read_at is null")
                .param("user", userId).query(Long.class).single();
    }

    public Item item(UUID userId, UUID id, Locale locale) {
        return item(own(userId, id), locale);
    }

    /** Marks one of the person's notifications read; someone else's answers 404. */
    @Transactional
    public StoredMessage markRead(UUID userId, UUID id) {
        StoredMessage message = own(userId, id);
        jdbc.sql("update notification_message set read_at = :now where id = :id and read_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        return message;
    }

    @Transactional
    public int markAllRead(UUID userId) {
        return jdbc.sql("update notification_message set read_at = :now where recipient_id = :user and read_at is null")
                .param("now", Timestamp.from(clock.instant())).param("user", userId).update();
    }

    private StoredMessage own(UUID userId, UUID id) {
        return jdbc.sql("select " + StoredMessage.COLUMNS + " from notification_message m where m.id = :id")
                .param("id", id).query((rs, i) -> StoredMessage.map(rs, json)).optional()
                .filter(m -> m.recipientId().equals(userId))
                .orElseThrow(() -> new RecordNotFoundException("Notification", id));
    }

    private Item item(StoredMessage m, Locale locale) {
        return new Item(m.id(), m.kind(), titles.render(m.titleKey(), m.args(), locale), m.link(), m.urgency(),
                m.createdAt(), m.readAt(), m.settledAt());
    }
}
