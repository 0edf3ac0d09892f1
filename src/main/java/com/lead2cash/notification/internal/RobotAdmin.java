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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
     * was taken, or why not), the test message sent after it when there is one (when, and whether the robot took it, or
     * why not — a test leaves no delivery row, so it is said beside the latest delivery: 0097), how many deliveries
     * failed since the last one taken (a test taken counts as one, as it ends a failing spell), how many were given up
     * lately. A line is null when there is nothing to say.
     */
    public record RobotHealth(boolean delivered, boolean failing, String latest, String test, boolean testFailed,
                              String failingSinceSuccess, String gaveUp) {
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
     * had none, nor a test message, is not in the map. The latest is the latest attempt that came to an end (taken,
     * failed and to be retried, or given up); a delivery withdrawn unsent or being sent right now says nothing. The last
     * test message is said when it is newer than that.
     */
    public Map<UUID, RobotHealth> health(Locale locale) {
        record Latest(UUID robotId, String state, String lastError, Instant at) {
        }
        record Test(UUID robotId, String error, Instant at) {
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
        Map<UUID, Test> tests = new HashMap<>();
        jdbc.sql("select id, last_test_error, last_test_at from notification_robot where last_test_at is not null")
                .query((rs, i) -> new Test(rs.getObject("id", UUID.class), rs.getString("last_test_error"),
                        rs.getTimestamp("last_test_at").toInstant()))
                .list().forEach(t -> tests.put(t.robotId(), t));
        Map<UUID, Counts> counts = new HashMap<>();
        // failing since the last delivery taken, or the last test message taken when that is later (a test not taken
        // after it changes nothing): the test ended the spell
        jdbc.sql("""
                select d.robot_id,
                       count(*) filter (where d.last_error is not null and d.state in ('PENDING', 'FAILED')
                                          and d.last_attempt_at > coalesce(greatest(s.last_sent,
                                              r.last_test_taken_at), '-infinity')) as failing,
                       count(*) filter (where d.state = 'FAILED'
                                          and coalesce(d.last_attempt_at, d.created_at) >= :since) as gave_up
                from notification_delivery d
                join notification_robot r on r.id = d.robot_id
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
        Set<UUID> said = new HashSet<>(latest.keySet());
        said.addAll(tests.keySet());
        for (UUID id : said) {
            Latest l = latest.get(id);
            boolean failed = l != null && !"SENT".equals(l.state());
            String line;
            if (l == null) {
                line = titles.text("notification.robot.health.none", locale);
            } else if (failed) {
                line = titles.text("notification.robot.health.failed", locale, time.format(l.at()),
                        why(l.lastError(), locale));
            } else {
                line = titles.text("notification.robot.health.ok", locale, time.format(l.at()));
            }
            // the test message when it is the newer: the robot's latest outcome, beside the delivery it came after
            Test t = tests.get(id);
            boolean newerTest = t != null && (l == null || t.at().isAfter(l.at()));
            String test = !newerTest ? null : t.error() == null
                    ? titles.text("notification.robot.health.testTaken", locale, time.format(t.at()))
                    : titles.text("notification.robot.health.testFailed", locale, time.format(t.at()),
                            why(t.error(), locale));
            Counts c = counts.getOrDefault(id, new Counts(id, 0, 0));
            health.put(id, new RobotHealth(l != null, failed, line, test, newerTest && t.error() != null,
                    c.failingSinceSuccess() == 0 ? null
                            : titles.text("notification.robot.health.failing", locale, c.failingSinceSuccess()),
                    c.gaveUp() == 0 ? null : titles.text("notification.robot.health.gaveUp", locale, c.gaveUp(),
                            HEALTH_WINDOW.toDays())));
        }
        return health;
    }

    /** Why a delivery or a test failed, as the robot's pages say it ({@link RobotFailures#said}). */
    private String why(String error, Locale locale) {
        RobotFailures.Said why = RobotFailures.said(error);
        return titles.text(why.key(), locale, why.args().toArray());
    }

    /** One robot's delivery health ({@link #health(Locale)}); a robot with no deliveries yet says so. */
    public RobotHealth health(UUID id, Locale locale) {
        return health(locale).getOrDefault(id, noDeliveries(locale));
    }

    /** The health of a robot that has had no delivery nor test message yet. */
    public RobotHealth noDeliveries(Locale locale) {
        return new RobotHealth(false, false, titles.text("notification.robot.health.none", locale), null, false, null,
                null);
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

    /**
     * The API's change of a robot, in one save: what is left out (null) keeps its value — the name, the webhook (also
     * when sent back as the API answered it, masked: the stored one is kept, never the mask), the kinds, whether it is
     * switched on; the secret as on the screen (empty keeps it, {@code clearSecret} removes it).
     */
    @Transactional
    public NotificationRobot change(UUID id, RobotForm form, Boolean enabled, Long expectedVersion) {
        NotificationRobot robot = robot(id);
        robot.expectVersion(expectedVersion);
        // the webhook sent back masked is the robot's to decide (kept when exact, refused when changed)
        String webhook = form.webhookUrl() == null ? robot.webhookUrl() : form.webhookUrl();
        robot.reconfigure(form.name() == null ? robot.name() : form.name(), webhook, form.secret(), form.clearSecret(),
                form.kindPrefixes() == null ? robot.kindPrefixes() : form.kindPrefixes(), hosts, clock.instant());
        if (Boolean.TRUE.equals(enabled)) {
            robot.enable(clock.instant());
        } else if (Boolean.FALSE.equals(enabled)) {
            robot.disable(clock.instant());
        }
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
     * notices. A failed test begins no spell and tells nobody: the administrator pressing it is watching. Either way
     * the robot's pages show the test's outcome beside its latest delivery ({@link #health(Locale)}).
     */
    public void sendTest(UUID id, Locale locale) {
        NotificationRobot robot = robot(id);
        try {
            webhooks.post(robot, titles.text("notification.robot.test", locale, robot.name(),
                    CurrentUser.get().map(CurrentUser::displayName).orElse("")));
        } catch (RuntimeException e) {
            alerts.testFailed(id, e);
            throw e;
        }
        alerts.testTaken(id);
    }

    private NotificationRobot save(NotificationRobot robot) {
        try {
            return robots.save(robot);
        } catch (DuplicateKeyException e) {
            throw new FieldValidationException("name", "notification.robot.name.taken");
        }
    }
}
