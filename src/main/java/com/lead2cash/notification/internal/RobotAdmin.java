package com.lead2cash.notification.internal;

import com.lead2cash.notification.internal.delivery.RobotWebhooks;
import com.lead2cash.notification.internal.domain.Channel;
import com.lead2cash.notification.internal.domain.NotificationRobot;
import com.lead2cash.notification.internal.domain.NotificationRobotRepository;
import com.lead2cash.notification.internal.domain.RobotWebhookHosts;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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

    private final NotificationRobotRepository robots;
    private final RobotWebhooks webhooks;
    private final TitleRenderer titles;
    private final RobotWebhookHosts hosts;
    private final Clock clock;

    RobotAdmin(NotificationRobotRepository robots, RobotWebhooks webhooks, TitleRenderer titles,
               NotificationProperties properties, Clock clock) {
        this.robots = robots;
        this.webhooks = webhooks;
        this.titles = titles;
        this.hosts = properties.robotWebhookHosts();
        this.clock = clock;
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

    /** Posts a test message now (not through the outbox) so the administrator sees at once whether the robot works. */
    public void sendTest(UUID id, Locale locale) {
        NotificationRobot robot = robot(id);
        webhooks.post(robot, titles.text("notification.robot.test", locale, robot.name(),
                CurrentUser.get().map(CurrentUser::displayName).orElse("")));
    }

    private NotificationRobot save(NotificationRobot robot) {
        try {
            return robots.save(robot);
        } catch (DuplicateKeyException e) {
            throw new FieldValidationException("name", "notification.robot.name.taken");
        }
    }
}
