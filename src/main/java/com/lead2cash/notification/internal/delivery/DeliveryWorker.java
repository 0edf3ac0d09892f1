package com.lead2cash.notification.internal.delivery;

import com.lead2cash.notification.internal.NotificationPreferences;
import com.lead2cash.notification.internal.NotificationProperties;
import com.lead2cash.notification.internal.TitleRenderer;
import com.lead2cash.notification.internal.domain.Channel;
import com.lead2cash.notification.internal.domain.NotificationRobot;
import com.lead2cash.notification.internal.domain.NotificationRobotRepository;
import com.lead2cash.notification.internal.domain.StoredMessage;
import com.lead2cash.platform.OrgDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what the outbox holds, after the business transactions committed: the background task
 * {@value #TASK} runs it every {@code l2c.notification.poll-interval} (one node at a time). A claim
 * takes due rows with {@code FOR UPDATE SKIP LOCKED} and in the same statement counts the attempt and
 * moves {@code next_attempt_at} to the backoff time (base × 2^(attempts−1)), so two nodes never take
 * the same row and a node that dies mid-send leaves a row that is simply retried later. After
 * {@code maxAttempts} failures a delivery is FAILED.
 */
@Component
public class DeliveryWorker {

    public static final String TASK = "notification-delivery";
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** A claimed outbox row. */
    record Claimed(UUID id, UUID messageId, UUID digestId, UUID outboundId, UUID recipientId, Channel channel,
                   UUID robotId, int attempts) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final NotificationProperties properties;
    private final NotificationPreferences preferences;
    private final NotificationRobotRepository robots;
    private final OrgDirectory directory;
    private final TitleRenderer titles;
    private final EmailSender email;
    private final RobotWebhooks webhooks;
    private final RobotFailureAlerts alerts;
    private final ZoneId zone;

    DeliveryWorker(JdbcClient jdbc, JsonMapper json, Clock clock, NotificationProperties properties,
                   NotificationPreferences preferences, NotificationRobotRepository robots, OrgDirectory directory,
                   TitleRenderer titles, EmailSender email, RobotWebhooks webhooks, RobotFailureAlerts alerts,
                   @Value("${l2c.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.preferences = preferences;
        this.robots = robots;
        this.directory = directory;
        this.titles = titles;
        this.email = email;
        this.webhooks = webhooks;
        this.alerts = alerts;
        this.zone = zone;
    }

    /** Sends every delivery that is due now; answers how many were attempted. Tests call this instead of waiting. */
    public int runOnce() {
        int attempted = 0;
        while (true) {
            List<Claimed> batch = claim();
            batch.forEach(this::deliver);
            attempted += batch.size();
            if (batch.size() < properties.batchSize()) {
                return attempted;
            }
        }
    }

    private List<Claimed> claim() {
        return jdbc.sql("""
                update notification_delivery d
                set attempts = d.attempts + 1,
                    last_attempt_at = :now,
                    next_attempt_at = cast(:now as timestamptz)
                                      + (:baseSeconds * power(2, d.attempts)) * interval '1 second'
                from (select id from notification_delivery
                      where state = 'PENDING' and next_attempt_at <= :now
                      order by next_attempt_at
                      limit :batch
                      for update skip locked) due
                where d.id = due.id
                returning d.id, d.message_id, d.digest_id, d.outbound_id, d.recipient_id, d.channel, d.robot_id,
                          d.attempts
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("baseSeconds", properties.backoffBase().toSeconds())
                .param("batch", properties.batchSize())
                .query((rs, i) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                        rs.getObject("digest_id", UUID.class), rs.getObject("outbound_id", UUID.class),
                        rs.getObject("recipient_id", UUID.class),
                        Channel.valueOf(rs.getString("channel")), rs.getObject("robot_id", UUID.class),
                        rs.getInt("attempts")))
                .list();
    }

    private void deliver(Claimed delivery) {
        try {
            if (delivery.outboundId() != null) {
                sendOutbound(delivery);
            } else if (delivery.messageId() == null) {
                if (!sendDigest(delivery)) {
                    withdraw(delivery);
                    return;
                }
            } else if (delivery.channel() == Channel.EMAIL) {
                sendEmail(delivery);
            } else {
                sendToRobot(delivery);
            }
            jdbc.sql("update notification_delivery set state = 'SENT', sent_at = :now, last_error = null where id = :id")
                    .param("now", Timestamp.from(clock.instant())).param("id", delivery.id()).update();
            if (delivery.robotId() != null) {
                tellRobotHealth(() -> alerts.delivered(delivery.robotId()), delivery);
            }
        } catch (DeliveryRefused e) {
            fail(delivery, e, true);
        } catch (RuntimeException e) {
            fail(delivery, e, delivery.attempts() >= properties.maxAttempts());
        }
    }

    /** Not sent and never retried: what it carried was settled before it left (Notifier.settle). */
    private void withdraw(Claimed delivery) {
        jdbc.sql("update notification_delivery set state = 'WITHDRAWN', last_error = null where id = :id")
                .param("id", delivery.id()).update();
    }

    private void fail(Claimed delivery, RuntimeException e, boolean giveUp) {
        String error = RobotFailures.recorded(e);
        log.info("notification delivery {} on {} failed (attempt {}{}): {}", delivery.id(), delivery.channel(),
                delivery.attempts(), giveUp ? ", giving up" : "", error);
        // next_attempt_at was already moved to the backoff time by the claim
        jdbc.sql("""
                update notification_delivery set last_error = :error,
                       state = case when :giveUp then 'FAILED' else state end
                where id = :id
                """)
                .param("error", error).param("giveUp", giveUp).param("id", delivery.id()).update();
        if (delivery.robotId() != null) {
            String recorded = error;
            tellRobotHealth(() -> alerts.failed(delivery.robotId(), recorded), delivery);
        }
    }

    /**
     * Begins or ends the robot's failing spell ({@link RobotFailureAlerts}) after the delivery's outcome is recorded; a
     * failure there is logged and does not hold up the other deliveries (the spell is then begun or ended by the
     * robot's next delivery).
     */
    private void tellRobotHealth(Runnable told, Claimed delivery) {
        try {
            told.run();
        } catch (RuntimeException e) {
            log.warn("robot {}: its failing spell could not be recorded after delivery {}", delivery.robotId(),
                    delivery.id(), e);
        }
    }

    private void sendEmail(Claimed delivery) {
        StoredMessage message = message(delivery.messageId());
        Locale locale = preferences.of(delivery.recipientId()).locale();
        String title = titles.render(message.titleKey(), message.args(), locale);
        StringBuilder body = new StringBuilder(title).append("\n\n");
        String link = properties.absolute(message.safeLink());
        if (link != null) {
            body.append(titles.text("notification.email.open", locale, link)).append("\n\n");
        }
        body.append("-- \n").append(titles.text("notification.email.footer", locale));
        email.send(mailbox(delivery.recipientId()), titles.text("notification.email.subject", locale, title),
                body.toString());
    }

    /** An e-mail to an outside address ({@link OutboxExternalMail}), already rendered by the module that sent it. */
    private void sendOutbound(Claimed delivery) {
        record Outbound(String to, String subject, String body) {
        }
        Outbound mail = jdbc.sql("select to_address, subject, body from notification_outbound_email where id = :id")
                .param("id", delivery.outboundId())
                .query((rs, i) -> new Outbound(rs.getString("to_address"), rs.getString("subject"), rs.getString("body")))
                .single();
        email.send(mail.to(), mail.subject(), mail.body());
    }

    private void sendToRobot(Claimed delivery) {
        NotificationRobot robot = robots.findById(delivery.robotId())
                .filter(NotificationRobot::enabled)
                .orElseThrow(() -> new DeliveryRefused(RobotFailures.ROBOT_OFF));
        StoredMessage message = message(delivery.messageId());
        Locale locale = preferences.of(delivery.recipientId()).locale();
        String who = directory.person(delivery.recipientId()).map(OrgDirectory.Person::displayName).orElse("");
        String text = titles.text("notification.robot.text", locale, who,
                titles.render(message.titleKey(), message.args(), locale));
        String link = properties.absolute(message.safeLink());
        webhooks.post(robot, link == null ? text : text + "\n" + link);
    }

    /**
     * Sends the digest with its lines still DIGESTED: the lines of notices settled since it was made were withdrawn
     * (OutboxNotifier.settle). Answers false, sending nothing, when none is left.
     */
    private boolean sendDigest(Claimed delivery) {
        Locale locale = preferences.of(delivery.recipientId()).locale();
        List<StoredMessage> messages = jdbc.sql("select " + StoredMessage.COLUMNS + """
                 from notification_delivery d join notification_message m on m.id = d.message_id
                 where d.digest_id = :digest and d.state = 'DIGESTED'
                 order by m.created_at, m.id
                """).param("digest", delivery.digestId()).query((rs, i) -> StoredMessage.map(rs, json)).list();
        if (messages.isEmpty()) {
            return false;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        StringBuilder body = new StringBuilder(titles.text("notification.digest.intro", locale)).append("\n\n");
        for (StoredMessage m : messages) {
            body.append("• ").append(titles.render(m.titleKey(), m.args(), locale))
                    .append("  (").append(time.format(m.createdAt())).append(")\n");
            String link = properties.absolute(m.safeLink());
            if (link != null) {
                body.append("  ").append(link).append('\n');
            }
        }
        String inbox = properties.absolute("/notifications");
        body.append('\n').append(titles.text("notification.email.open", locale, inbox)).append("\n\n-- \n")
                .append(titles.text("notification.email.footer", locale));
        email.send(mailbox(delivery.recipientId()),
                titles.text("notification.digest.subject", locale, messages.size()), body.toString());
        return true;
    }

    private String mailbox(UUID userId) {
        return directory.person(userId).filter(OrgDirectory.Person::active).map(OrgDirectory.Person::email)
                .filter(StringUtils::hasText)
                .orElseThrow(() -> new DeliveryRefused("recipient has no e-mail address or is inactive"));
    }

    private StoredMessage message(UUID id) {
        return jdbc.sql("select " + StoredMessage.COLUMNS + " from notification_message m where m.id = :id")
                .param("id", id).query((rs, i) -> StoredMessage.map(rs, json)).single();
    }
}
