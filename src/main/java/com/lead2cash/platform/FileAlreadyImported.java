package com.lead2cash.platform;

import java.util.Map;
import java.util.UUID;

/**
 * The person imported this very file before (and it imported rows, or is still under way): an import refuses it at once
 * (409), naming the earlier import — the lead and the customer import alike, each with its own message.
 */
public class FileAlreadyImported extends ConflictException {

    private final UUID earlier;

    public FileAlreadyImported(String messageKey, UUID earlier, String fileName, String at) {
        super(messageKey, fileName, at);
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
