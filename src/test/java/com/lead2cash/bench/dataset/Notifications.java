package com.lead2cash.bench.dataset;

import com.lead2cash.notification.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * In-app notifications (站内通知) as the notification module stores them: an inbox row per message,
 * read by its recipient some time later unless it is recent.
 */
public final class Notifications {

    public static final String TABLE = "notification_message";
    public static final List<String> COLUMNS = List.of("id", "recipient_id", "kind", "title_key", "args", "link",
            "urgency", "created_at", "read_at");

    private final Rows rows;
    private final SplittableRandom random;
    private final Instant now;

    public Notifications(Rows rows, SplittableRandom random, Instant now) {
        this.rows = rows;
        this.random = random;
        this.now = now;
    }

    public void send(UUID recipient, String kind, String titleKey, String link, boolean urgent, Instant at,
                     Object... args) {
        Instant read = at.plus(Duration.ofMinutes(5 + random.nextInt(2 * 24 * 60)));
        // most are read within two days; some never are
        if (read.isAfter(now) || random.nextInt(10) == 0) {
            read = null;
        }
        rows.insert(TABLE, COLUMNS, BenchIds.uuid7(at, random), recipient, kind, titleKey, json(args), link,
                urgent ? "URGENT" : "NORMAL", at, read);
    }

    /** The arguments as the notifier serialises them: a JSON array of strings, numbers and words. */
    static String json(Object... args) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            Object a = args[i];
            if (a == null) {
                b.append("null");
            } else if (a instanceof Number) {
                b.append(a);
            } else if (a instanceof Notification.Words w) {
                // codes and fallbacks in the bench are plain identifiers: nothing to escape
                b.append("{\"codes\":[").append(String.join(",", w.codes().stream().map(code -> "\"" + code + "\"").toList()))
                        .append("],\"fallback\":\"").append(w.fallback()).append("\"}");
            } else {
                b.append('"');
                String s = a.toString();
                for (int c = 0; c < s.length(); c++) {
                    char ch = s.charAt(c);
                    switch (ch) {
                        case '"' -> b.append("\\\"");
                        case '\\' -> b.append("\\\\");
                        case '\n' -> b.append("\\n");
                        case '\r' -> b.append("\\r");
                        case '\t' -> b.append("\\t");
                        default -> {
                            if (ch < 0x20) {
                                b.append(String.format("\\u%04x", (int) ch));
                            } else {
                                b.append(ch);
                            }
                        }
                    }
                }
                b.append('"');
            }
        }
        return b.append(']').toString();
    }
}
