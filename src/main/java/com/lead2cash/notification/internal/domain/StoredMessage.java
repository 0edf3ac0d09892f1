package com.lead2cash.notification.internal.domain;

import com.lead2cash.notification.Notification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A notification as the inbox stores it: the title still a key with arguments (text or words), rendered when read. */
public record StoredMessage(UUID id, UUID recipientId, String kind, String titleKey, List<Object> args, String link,
                     Notification.Urgency urgency, Instant createdAt, Instant readAt, Instant settledAt) {

    public static final String COLUMNS = "m.id, m.recipient_id, m.kind, m.title_key, m.args::text as args, m.link, m.urgency,"
            + " m.created_at, m.read_at, m.settled_at";

    public static StoredMessage map(ResultSet rs, JsonMapper json) throws SQLException {
        List<Object> args = new ArrayList<>();
        for (JsonNode arg : json.readTree(rs.getString("args"))) {
            args.add(arg.isString() ? arg.asString() : arg.has("codes") ? json.treeToValue(arg, Notification.Words.class)
                    : arg.toString());
        }
        return new StoredMessage(rs.getObject("id", UUID.class), rs.getObject("recipient_id", UUID.class),
                rs.getString("kind"), rs.getString("title_key"), List.copyOf(args), rs.getString("link"),
                Notification.Urgency.valueOf(rs.getString("urgency")), rs.getTimestamp("created_at").toInstant(),
                instant(rs, "read_at"), instant(rs, "settled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** The link when it stays inside the application (a path, not another site). */
    public String safeLink() {
        return link != null && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : null;
    }
}
