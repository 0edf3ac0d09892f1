package com.lead2cash.testing;

import com.lead2cash.notification.Notifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Test-only fallback: when the application has no real {@link Notifier} (the notification module is
 * built in parallel), tests get a {@link RecordingNotifier}. An auto-configuration, so it backs off as
 * soon as the real one exists.
 */
@AutoConfiguration
public class RecordingNotifierAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Notifier.class)
    RecordingNotifier recordingNotifier() {
        return new RecordingNotifier();
    }
}
