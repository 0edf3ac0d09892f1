package com.lead2cash.notification.internal;

import com.lead2cash.notification.internal.domain.NotificationPreference;
import com.lead2cash.notification.internal.domain.NotificationPreferenceRepository;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.platform.FieldValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * The person changes their preferences. A setting left out (null) keeps its stored value, as the API's other
     * corrections do (decision 0030); muted kinds must be ones the person can mute ({@link #kindGroups}), else 422.
     */
    @Transactional
    public NotificationPreference change(UUID userId, String locale, Boolean emailEnabled, Boolean digestEnabled,
                                  Collection<String> mutedKinds, Long expectedVersion) {
        java.util.Optional<NotificationPreference> stored = preferences.findById(userId);
        NotificationPreference preference = stored.orElseGet(() -> NotificationPreference.defaults(userId));
        preference.expectVersion(expectedVersion);
        if (stored.isEmpty()) {
            // the defaults are stored as shown (version 0) and then changed: the first save answers version 1
            preference = preferences.save(NotificationPreference.defaults(userId, clock.instant()));
        }
        if (mutedKinds != null) {
            refuseUnknownKinds(userId, preference, mutedKinds);
        }
        preference.change(locale, emailEnabled == null ? preference.emailEnabled() : emailEnabled,
                digestEnabled == null ? preference.digestEnabled() : digestEnabled,
                mutedKinds == null ? preference.mutedKindSet() : mutedKinds, clock.instant());
        return preferences.save(preference);
    }

    /**
     * A kind to mute is one the preferences page offers: a kind the application sends ({@link NotificationKind}), or
     * one no longer sent that the person has received or already muted (listed under "Other"); any other name is
     * refused on the field, naming it.
     */
    private void refuseUnknownKinds(UUID userId, NotificationPreference preference, Collection<String> mutedKinds) {
        Set<String> offered = null;
        for (String kind : mutedKinds) {
            if (kind == null || kind.isBlank() || NotificationKind.of(kind.trim()).isPresent()
                    || preference.mutes(kind.trim())) {
                continue;
            }
            if (offered == null) {
                offered = new HashSet<>(receivedKinds(userId));
            }
            if (!offered.contains(kind.trim())) {
                throw new FieldValidationException("mutedKinds", "notification.preference.kind.invalid", kind);
            }
        }
    }

    /**
     * Kinds the person can mute, under their headings: every kind the application sends ({@link NotificationKind}, in
     * its order), then, under "Other", any other kind they have received or muted (one no longer sent), by its name.
     */
    public List<KindGroup> kindGroups(UUID userId) {
        Map<String, List<KindChoice>> groups = new LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.values()) {
            groups.computeIfAbsent(kind.groupKey(), g -> new ArrayList<>())
                    .add(new KindChoice(kind.key(), kind.labelKey(), kind.descriptionKey()));
        }
        TreeSet<String> others = new TreeSet<>(receivedKinds(userId));
        others.addAll(of(userId).mutedKindSet());
        others.removeIf(k -> NotificationKind.of(k).isPresent());
        others.forEach(k -> groups.computeIfAbsent(OTHER_GROUP, g -> new ArrayList<>()).add(new KindChoice(k, null, null)));
        return groups.entrySet().stream().map(e -> new KindGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** Every kind of notification the person has received. */
    private List<String> receivedKinds(UUID userId) {
        return jdbc.sql("""
                select distinct kind from notification_message where recipient_id = :user
                """).param("user", userId).query(String.class).list();
    }

    /** The heading of kinds the application no longer sends. */
    static final String OTHER_GROUP = "notification.group.other";

    /** A heading of the preferences page and the kinds under it. */
    public record KindGroup(String headingKey, List<KindChoice> kinds) {
    }

    /** A kind to mute: its stored name, and the bundle keys of its label and description (null for an unknown kind). */
    public record KindChoice(String kind, String labelKey, String descriptionKey) {
    }
}
