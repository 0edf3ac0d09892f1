package com.lead2cash.notification.internal.domain;

import com.lead2cash.notification.Notification;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.NotAudited;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 通知偏好 — how one person wants to hear about things: the language of their e-mails and robot
 * messages, urgent notifications by e-mail at once, normal ones in the daily digest, and kinds they
 * muted. The in-app inbox always gets everything. A person without a stored row has the defaults.
 */
@Table("notification_preference")
public class NotificationPreference {

    public static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    private static final Pattern KIND = Pattern.compile("[a-zA-Z0-9._-]{1,80}");

    @Id
    @Column("user_id")
    private UUID userId;
    private String locale;
    private boolean emailEnabled;
    private boolean digestEnabled;
    private String mutedKinds;
    @Version
    private Long version;
    @NotAudited
    private Instant updatedAt;

    @PersistenceCreator
    NotificationPreference(UUID userId, String locale, boolean emailEnabled, boolean digestEnabled, String mutedKinds,
                           Long version, Instant updatedAt) {
        this.userId = userId;
        this.locale = locale;
        this.emailEnabled = emailEnabled;
        this.digestEnabled = digestEnabled;
        this.mutedKinds = mutedKinds == null ? "" : mutedKinds;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    /** The defaults: Chinese, urgent by e-mail, normal in the digest, nothing muted. */
    public static NotificationPreference defaults(UUID userId) {
        return defaults(userId, null);
    }

    /**
     * The defaults as first stored, at {@code now}, just before the person's first change: stored they are version 0,
     * as they were shown, so that first change moves the version to 1 like any record's and a second save sent with
     * the version the defaults were shown at is stale (409).
     */
    public static NotificationPreference defaults(UUID userId, Instant now) {
        return new NotificationPreference(userId, Locale.SIMPLIFIED_CHINESE.toLanguageTag(), true, true, "", null, now);
    }

    /** The person changes their preferences; a stale version is refused by the repository (409). */
    public void change(String localeTag, boolean emailEnabled, boolean digestEnabled, Collection<String> muted, Instant now) {
        Locale wanted = localeTag == null ? null : Locale.forLanguageTag(localeTag);
        if (wanted == null || SUPPORTED_LOCALES.stream().noneMatch(l -> l.toLanguageTag().equals(wanted.toLanguageTag()))) {
            throw new FieldValidationException("locale", "notification.preference.locale.unsupported");
        }
        Set<String> kinds = new TreeSet<>();
        for (String kind : muted == null ? List.<String>of() : muted) {
            if (kind == null || kind.isBlank()) {
                continue;
            }
            if (!KIND.matcher(kind.trim()).matches()) {
                throw new FieldValidationException("mutedKinds", "notification.preference.kind.invalid", kind);
            }
            kinds.add(kind.trim());
        }
        this.locale = wanted.toLanguageTag();
        this.emailEnabled = emailEnabled;
        this.digestEnabled = digestEnabled;
        this.mutedKinds = String.join(",", kinds);
        this.updatedAt = now;
    }

    /** Whether this notification may go out on the person's own channels (e-mail, digest). */
    boolean wantsOutside(Notification notification) {
        return !mutes(notification.kind());
    }

    public boolean wantsEmailAtOnce(Notification notification) {
        return emailEnabled && notification.urgency() == Notification.Urgency.URGENT && wantsOutside(notification);
    }

    public boolean mutes(String kind) {
        return mutedKindSet().contains(kind);
    }

    public Set<String> mutedKindSet() {
        return mutedKinds.isEmpty() ? Set.of()
                : Arrays.stream(mutedKinds.split(",")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Preferences never saved are the defaults, at version 0. */
    public void expectVersion(Long expected) {
        if (expected != null && expected != version()) {
            throw new org.springframework.dao.OptimisticLockingFailureException("notification preference changed");
        }
    }

    UUID userId() {
        return userId;
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    public boolean emailEnabled() {
        return emailEnabled;
    }

    public boolean digestEnabled() {
        return digestEnabled;
    }

    /** The version the preferences are shown and changed at: preferences never saved are the defaults, at 0. */
    public long version() {
        return version == null ? 0L : version;
    }
}
