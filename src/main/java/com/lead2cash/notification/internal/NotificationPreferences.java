package com.lead2cash.notification.internal;

import com.lead2cash.notification.internal.domain.NotificationPreference;
import com.lead2cash.notification.internal.domain.NotificationPreferenceRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Reads and changes people's notification preferences, and knows whether e-mail can go out at all. */
@Service
public class NotificationPreferences {

    private final NotificationPreferenceRepository preferences;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean emailAvailable;

    NotificationPreferences(NotificationPreferenceRepository preferences, JdbcClient jdbc, Clock clock,
                            @Value("${spring.mail.host:}") String mailHost) {
        this.preferences = preferences;
        this.jdbc = jdbc;
        this.clock = clock;
        // Boot creates a mail sender even for an empty host; without a host no e-mail can leave
        this.emailAvailable = StringUtils.hasText(mailHost);
    }

    public boolean emailAvailable() {
        return emailAvailable;
    }

    public NotificationPreference of(UUID userId) {
        return preferences.findById(userId).orElseGet(() -> NotificationPreference.defaults(userId));
    }

    @Transactional
    public NotificationPreference change(UUID userId, String locale, boolean emailEnabled, boolean digestEnabled,
                                  Collection<String> mutedKinds, Long expectedVersion) {
        NotificationPreference preference = of(userId);
        preference.expectVersion(expectedVersion);
        preference.change(locale, emailEnabled, digestEnabled, mutedKinds, clock.instant());
        return preferences.save(preference);
    }

    /** Kinds the person can mute: those they have received, and those already muted. */
    public List<String> knownKinds(UUID userId) {
        TreeSet<String> kinds = new TreeSet<>(jdbc.sql("""
                select distinct kind from notification_message where recipient_id = :user
                """).param("user", userId).query(String.class).list());
        kinds.addAll(of(userId).mutedKindSet());
        return List.copyOf(kinds);
    }
}
