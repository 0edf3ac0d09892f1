package com.lead2cash.notification.internal.domain;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.NotAudited;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 群机器人 — a DingTalk or WeCom group robot the company posts notifications to, configured by an
 * administrator: its webhook, DingTalk's signing secret, and which notification kinds it receives
 * (kind prefixes; none means every URGENT notification).
 */
@Table("notification_robot")
public class NotificationRobot {

    private static final Pattern PREFIX = Pattern.compile("[a-zA-Z0-9._-]{1,80}");
    private static final Pattern WEBHOOK_TOKEN = Pattern.compile("(?i)(access_token|key)=([^&]*)");
    private static final String MASK_CHAR = "•";
    /** What stands for the hidden part of a token or a secret where it is shown. */
    private static final String MASK = MASK_CHAR.repeat(4);

    @Id
    private UUID id;
    private Channel channel;
    private String name;
    // the webhook carries the robot's access token: a credential, so it stays out of the audit trail
    @NotAudited
    private String webhookUrl;
    @NotAudited
    private String secret;
    private String kindPrefixes;
    private boolean enabled;
    @Version
    private Long version;
    private Instant createdAt;
    @NotAudited
    private Instant updatedAt;

    @PersistenceCreator
    NotificationRobot(UUID id, Channel channel, String name, String webhookUrl, String secret, String kindPrefixes,
                      boolean enabled, Long version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.channel = channel;
        this.name = name;
        this.webhookUrl = webhookUrl;
        this.secret = secret;
        this.kindPrefixes = kindPrefixes == null ? "" : kindPrefixes;
        this.enabled = enabled;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** An administrator connects a group robot. */
    public static NotificationRobot connect(Channel channel, String name, String webhookUrl, String secret,
                                     String kindPrefixes, RobotWebhookHosts hosts, Instant now) {
        if (channel == null || !channel.isRobot()) {
            throw new FieldValidationException("channel", "notification.robot.channel.invalid");
        }
        NotificationRobot robot = new NotificationRobot(Ids.newId(), channel, null, null, null, "", true, null, now, now);
        robot.reconfigure(name, webhookUrl, secret, false, kindPrefixes, hosts, now);
        return robot;
    }

    /**
     * An administrator changes the robot. An empty secret keeps the stored one (it is never shown
     * back), unless {@code clearSecret} asks to remove it. The webhook must be one {@code hosts} allows.
     */
    public void reconfigure(String name, String webhookUrl, String newSecret, boolean clearSecret, String kindPrefixes,
                     RobotWebhookHosts hosts, Instant now) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        String trimmedName = name == null ? "" : name.trim();
        if (trimmedName.isEmpty() || trimmedName.length() > 60) {
            errors.add(new FieldValidationException.FieldError("name", "notification.robot.name.invalid"));
        }
        String url = webhookUrl == null ? "" : webhookUrl.trim();
        // the webhook sent back exactly as masked keeps the stored one; any other text with the mask in it would
        // store the mask and lose the token: refused, asking for the whole address
        if (this.webhookUrl != null && url.equals(maskedWebhook())) {
            url = this.webhookUrl;
        } else if (url.contains(MASK_CHAR)) {
            errors.add(new FieldValidationException.FieldError("webhookUrl", "notification.robot.url.masked"));
        } else if (!hosts.allows(url)) {
            errors.add(new FieldValidationException.FieldError("webhookUrl", "notification.robot.url.invalid",
                    hosts.listed()));
        } else if (hosts.isOtherChannelsHost(channel, url)) {
            errors.add(new FieldValidationException.FieldError("webhookUrl", "notification.robot.url.otherChannel",
                    channel.robotHost()));
        }
        Set<String> prefixes = new LinkedHashSet<>();
        for (String p : (kindPrefixes == null ? "" : kindPrefixes).split(",")) {
            if (p.isBlank()) {
                continue;
            }
            if (!PREFIX.matcher(p.trim()).matches()) {
                errors.add(new FieldValidationException.FieldError("kindPrefixes", "notification.robot.kinds.invalid", p.trim()));
                break;
            }
            // a prefix no kind starts with would leave the robot silent without a word: refused, naming what may be
            if (!NotificationKind.isKnownPrefix(p.trim())) {
                errors.add(new FieldValidationException.FieldError("kindPrefixes", "notification.robot.kinds.unknown",
                        p.trim(), NotificationKind.groupsListed(), NotificationKind.kindsListed()));
                break;
            }
            prefixes.add(p.trim());
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        this.name = trimmedName;
        this.webhookUrl = url;
        if (clearSecret) {
            this.secret = null;
        } else if (newSecret != null && !newSecret.isBlank()) {
            this.secret = newSecret.trim();
        }
        this.kindPrefixes = String.join(",", prefixes);
        this.updatedAt = now;
    }

    public void disable(Instant now) {
        this.enabled = false;
        this.updatedAt = now;
    }

    public void enable(Instant now) {
        this.enabled = true;
        this.updatedAt = now;
    }

    /**
     * Whether the robot's group gets this notification: a listed kind prefix, or any URGENT one when none is listed;
     * never the notice that this very robot stopped delivering (0097), which it could not carry.
     */
    public boolean receives(Notification notification) {
        if (!enabled || NotificationKind.ROBOT_FAILING.key().equals(notification.kind())
                && id.equals(notification.subjectId())) {
            return false;
        }
        List<String> prefixes = prefixes();
        if (prefixes.isEmpty()) {
            return notification.urgency() == Notification.Urgency.URGENT;
        }
        return prefixes.stream().anyMatch(notification.kind()::startsWith);
    }

    public List<String> prefixes() {
        return kindPrefixes.isEmpty() ? List.of() : Arrays.stream(kindPrefixes.split(",")).toList();
    }

    /** The secret as the admin screens may show it: only that one is set and its last characters. */
    public String maskedSecret() {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        return secret.length() > 8 ? MASK + secret.substring(secret.length() - 4) : MASK;
    }

    /** The webhook without its access token, for lists. */
    public String maskedWebhook() {
        // a short token would show whole behind its first four characters: only a long one shows them
        return WEBHOOK_TOKEN.matcher(webhookUrl).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "="
                + (m.group(2).length() > 8 ? m.group(2).substring(0, 4) : "") + MASK));
    }

    public void expectVersion(Long expected) {
        if (expected != null && !expected.equals(version)) {
            throw new org.springframework.dao.OptimisticLockingFailureException("robot changed");
        }
    }

    public UUID id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public String name() {
        return name;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    public String secret() {
        return secret;
    }

    public String kindPrefixes() {
        return kindPrefixes;
    }

    public boolean enabled() {
        return enabled;
    }

    public Long version() {
        return version;
    }
}
