package com.lead2cash.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * The person imported this very file before (and it imported rows, or is still under way): an import refuses it at once
 * (409), naming the earlier import — the lead and the customer import alike, each with its own message.
 */
public class FileAlreadyImported extends ConflictException {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final UUID earlier;

    /** {@code at}, when the earlier import was started, is named to the minute in the business's {@code zone}. */
    public FileAlreadyImported(String messageKey, UUID earlier, String fileName, Instant at, ZoneId zone) {
        super(messageKey, fileName, MINUTE.format(at.atZone(zone)));
        this.earlier = earlier;
    }

    public UUID earlier() {
        return earlier;
    }

    /** The API's 409 names the earlier import, so a client can show it instead. */
    @Override
    public Map<String, Object> problemProperties() {
        return Map.of("importId", earlier);
    }
}
