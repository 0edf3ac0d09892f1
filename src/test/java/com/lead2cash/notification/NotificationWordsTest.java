package com.lead2cash.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A word of the bundle as a notification stores it: with its own arguments, and as stored before it had any. */
class NotificationWordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void wordsWithArgumentsAreStoredAndReadBackWithThem() {
        Notification.Words words = Notification.Words.of("notification.robot.failure.http", "", List.of(500));
        Notification.Words read = JSON.readValue(JSON.writeValueAsString(words), Notification.Words.class);
        assertThat(read).isEqualTo(words);
        assertThat(read.args()).containsExactly("500");
    }

    @Test
    void wordsStoredBeforeTheyHadArgumentsReadAsWordsWithoutAny() {
        Notification.Words read = JSON.readValue("{\"codes\":[\"rule.L1.name\"],\"fallback\":\"L1\"}",
                Notification.Words.class);
        assertThat(read).isEqualTo(Notification.Words.of("rule.L1.name", "L1"));
        assertThat(read.args()).isEmpty();
    }
}
