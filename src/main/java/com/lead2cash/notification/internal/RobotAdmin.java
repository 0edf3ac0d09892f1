package com.lead2cash.notification.internal;

import com.lead2cash.notification.internal.delivery.RobotFailureAlerts;
import com.lead2cash.notification.internal.delivery.RobotWebhooks;
import com.lead2cash.notification.internal.domain.Channel;
import com.lead2cash.notification.internal.domain.NotificationRobot;
import com.lead2cash.notification.internal.domain.NotificationRobotRepository;
import com.lead2cash.notification.internal.domain.RobotWebhookHosts;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.notification.internal.delivery.RobotFailures;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator's work on the company's group robots: connect, change, switch off, try out. */
@Service
public class RobotAdmin {

    /** What the administrator enters; an empty secret keeps the stored one. */
    public record RobotForm(Channel channel, String name, String webhookUrl, String secret, boolean clearSecret,
                     String kindPrefixes) {
    }

    /** A robot as the admin screens show it: the secret and the webhook's token masked. */
    public record RobotRow(UUID id, Channel channel, String name, String maskedWebhook, String maskedSecret,
                    String kindPrefixes, boolean enabled, Long version) {
        public static RobotRow of(NotificationRobot r) {
            return new RobotRow(r.id(), r.channel(), r.name(), r.maskedWebhook(), r.maskedSecret(), r.kindPrefixes(),
                    r.enabled(), r.version());
        }
    }

    /** How far back a robot's page counts the deliveries given up (FAILED). */
    static final Duration HEALTH_WINDOW = Duration.ofDays(7);

    /**
     * How a robot's deliveries went, in the reader's words: whether it has had any, the latest (when, and whether it
     * was taken, or why not), how many failed since the last one taken, how many were given up lately. A line is
     * null when there is nothing to say.
     */
    public record RobotHealth(boolean delivered, boolean failing, String latest, String failingSinceSuccess,
                              String gaveUp) {
    }

    private final NotificationRobotRepository robots;
    private final RobotWebhooks webhooks;
    private final RobotFailureAlerts alerts;
    private final TitleRenderer titles;
    private final RobotWebhookHosts hosts;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    RobotAdmin(NotificationRobotRepository robots, RobotWebhooks webhooks, RobotFailureAlerts alerts, TitleRenderer titles,
               NotificationProperties properties, Clock clock, JdbcClient jdbc,
               @Value("${l2c.zone:Asia/Shanghai}") ZoneId zone) {
        this.robots = robots;
        this.webhooks = webhooks;
        this.alerts = alerts;
        this.titles = titles;
        this.hosts = properties.robotWebhookHosts();
        this.clock = clock;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /**
     * Each robot's delivery health by its id, read from its deliveries as the worker recorded them; a robot that has
     * had none is not in the map. The latest is the latest attempt that came to an end (taken, failed and to be
     * retried, or given up); a delivery withdrawn unsent or being sent right now says nothing.
     */
    public Map<UUID, RobotHealth> health(Locale locale) {
        record Latest(UUID robotId, String state, String lastError, Instant at) {
        }
        record Counts(UUID robotId, int failingSinceSuccess, int gaveUp) {
        }
        Map<UUID, Latest> latest = new HashMap<>();
        jdbc.sql("""
                select distinct on (robot_id) robot_id, state, last_error, last_attempt_at from notification_delivery
                where robot_id is not null and last_attempt_at is not null
                  and (state = 'SENT' or last_error is not null)
                order by robot_id, last_attempt_at desc, id
                """)
                .query((rs, i) -> new Latest(rs.getObject("robot_id", UUID.class), rs.getString("state"),
                        rs.getString("last_error"), rs.getTimestamp("last_attempt_at").toInstant()))
                .list().forEach(l -> latest.put(l.robotId(), l));
        Map<UUID, Counts> counts = new HashMap<>();
        jdbc.sql("""
                select d.robot_id,
                       count(*) filter (where d.last_error is not null and d.state in ('PENDING', 'FAILED')
                                          and d.last_attempt_at > coalesce(s.last_sent, '-infinity')) as failing,
                       count(*) filter (where d.state = 'FAILED'
                                          and coalesce(d.last_attempt_at, d.created_at) >= :since) as gave_up
                from notification_delivery d
                left join (select robot_id, max(last_attempt_at) as last_sent from notification_delivery
                           where robot_id is not null and state = 'SENT' group by robot_id) s on s.robot_id = d.robot_id
                where d.robot_id is not null
                group by d.robot_id
                """)
                .param("since", Timestamp.from(clock.instant().minus(HEALTH_WINDOW)))
                .query((rs, i) -> new Counts(rs.getObject("robot_id", UUID.class), rs.getInt("failing"),
                        rs.getInt("gave_up")))
                .list().forEach(c -> counts.put(c.robotId(), c));
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        Map<UUID, RobotHealth> health = new HashMap<>();
        latest.forEach((id, l) -> {
            boolean failed = !"SENT".equals(l.state());
            String at = time.format(l.at());
            String line;
            if (failed) {
                RobotFailures.Said why = RobotFailures.said(l.lastError());
                line = titles.text("notification.robot.health.failed", locale, at,
                        titles.text(why.key(), locale, why.args().toArray()));
            } else {
                line = titles.text("notification.robot.health.ok", locale, at);
            }
            Counts c = counts.getOrDefault(id, new Counts(id, 0, 0));
            health.put(id, new RobotHealth(true, failed, line,
                    c.failingSinceSuccess() == 0 ? null
                            : titles.text("notification.robot.health.failing", locale, c.failingSinceSuccess()),
                    c.gaveUp() == 0 ? null : titles.text("notification.robot.health.gaveUp", locale, c.gaveUp(),
                            HEALTH_WINDOW.toDays())));
        });
        return health;
    }

    /** One robot's delivery health ({@link #health(Locale)}); a robot with no deliveries yet says so. */
    public RobotHealth health(UUID id, Locale locale) {
        return health(locale).getOrDefault(id, new RobotHealth(false, false,
                titles.text("notification.robot.health.none", locale), null, null));
    }

    public List<RobotRow> list() {
        return robots.findAllByName().stream().map(RobotRow::of).toList();
    }

    public NotificationRobot robot(UUID id) {
        return robots.findById(id).orElseThrow(() -> new RecordNotFoundException("NotificationRobot", id));
    }

    @Transactional
    public NotificationRobot connect(RobotForm form) {
        return save(NotificationRobot.connect(form.channel(), form.name(), form.webhookUrl(), form.secret(),
                form.kindPrefixes(), hosts, clock.instant()));
    }

    @Transactional
    public NotificationRobot reconfigure(UUID id, RobotForm form, Long expectedVersion) {
        NotificationRobot robot = robot(id);
        robot.expectVersion(expectedVersion);
        robot.reconfigure(form.name(), form.webhookUrl(), form.secret(), form.clearSecret(), form.kindPrefixes(),
                hosts, clock.instant());
        return save(robot);
    }

    @Transactional
    public NotificationRobot setEnabled(UUID id, boolean enabled, Long expectedVersion) {
        NotificationRobot robot = robot(id);
        robot.expectVersion(expectedVersion);
        if (enabled) {
            robot.enable(clock.instant());
        } else {
            robot.disable(clock.instant());
        }
        return save(robot);
    }

    /**
     * Posts a test message now (not through the outbox) so the administrator sees at once whether the robot works. A
     * test the robot took is a delivery for its health (0097): it ends a failing spell and settles the administrators'
     * notices. A failed test begins no spell and tells nobody: the administrator pressing it is watching.
     */
    public void sendTest(UUID id, Locale locale) {
        NotificationRobot robot = robot(id);
        webhooks.post(robot, titles.text("notification.robot.test", locale, robot.name(),
                CurrentUser.get().map(CurrentUser::displayName).orElse("")));
        alerts.delivered(id);
    }

    private NotificationRobot save(NotificationRobot robot) {
        try {
            return robots.save(robot);
        } catch (DuplicateKeyException e) {
            throw new FieldValidationException("name", "notification.robot.name.taken");
        }
    }
}
