package com.lead2cash.notification.internal;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.notification.internal.domain.Channel;
import com.lead2cash.notification.internal.domain.NotificationRobot;
import com.lead2cash.notification.internal.domain.NotificationRobotRepository;
import com.lead2cash.platform.DeferredInserts;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.PerTransaction;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a notification in the recipient's inbox and, in the same transaction as the business change
 * that caused it (as deferred inserts, sent just before it commits), one outbox row per external
 * channel it should go out on. Nothing is sent here: the
 * {@link DeliveryWorker} sends after commit, so a rollback sends nothing and a slow or broken channel
 * never holds up or fails the business transaction.
 */
@Service
public class OutboxNotifier implements Notifier {

    private final DeferredInserts inserts;
    private final JsonMapper json;
    private final Clock clock;
    private final NotificationPreferences preferences;
    private final NotificationRobotRepository robots;
    private final OrgDirectory directory;
    private final JdbcClient jdbc;

    OutboxNotifier(JdbcClient jdbc, DeferredInserts inserts, JsonMapper json, Clock clock, NotificationPreferences preferences,
                   NotificationRobotRepository robots, OrgDirectory directory) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.json = json;
        this.clock = clock;
        this.preferences = preferences;
        this.robots = robots;
        this.directory = directory;
    }

    @Override
    @Transactional
    public void send(Notification notification) {
        UUID messageId = Ids.newId();
        Instant now = clock.instant();
        inserts.add("""
                insert into notification_message (id, recipient_id, kind, title_key, args, link, urgency, created_at,
                                                  subject_id)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""",
                messageId, notification.recipientId(), notification.kind(), notification.titleKey(),
                json.writeValueAsString(notification.args()), notification.link(), notification.urgency().name(),
                Timestamp.from(now), notification.subjectId());

        if (preferences.emailAvailable() && preferences.of(notification.recipientId()).wantsEmailAtOnce(notification)
                && hasMailbox(notification.recipientId())) {
            enqueue(messageId, notification.recipientId(), Channel.EMAIL, null, now);
        }
        // the robots are read once per transaction: an import notifies thousands of assignees in a row
        for (NotificationRobot robot : PerTransaction.get(NotificationRobot.class, robots::findEnabled)) {
            if (robot.receives(notification) && firstToGroup(notification, robot)) {
                enqueue(messageId, notification.recipientId(), robot.channel(), robot.id(), now);
            }
        }
    }

    /** The robots this transaction already posted a notice to, with what it was about ({@link #firstToGroup}). */
    private static final Object POSTED_ONCE = new Object();

    /**
     * Whether the robot's group is to get this notice: a notice that a robot is failing goes to every administrator
     * but is one fact for a group, so a group gets it once however many administrators are told (0097) — the first
     * notice about that robot in the transaction carries it, the others stay in their readers' inboxes. Every other
     * notice is addressed to its reader (the post names them) and goes out each time.
     */
    private static boolean firstToGroup(Notification notification, NotificationRobot robot) {
        if (!NotificationKind.ROBOT_FAILING.key().equals(notification.kind()) || notification.subjectId() == null) {
            return true;
        }
        return PerTransaction.get(POSTED_ONCE, java.util.HashSet<String>::new)
                .add(robot.id() + "/" + notification.subjectId());
    }

    /**
     * Settles the notices and, in the same statement, withdraws whatever of them has not left yet — the one place that
     * decides it: a settled notice asks its reader nothing any more, so no channel carries it. Their e-mail and group
     * robot posts still waiting in the outbox (pending, or pending a retry) are WITHDRAWN, never sent or retried; their
     * lines in a daily digest whose e-mail has not left yet are WITHDRAWN too (it does not list them), and a digest left
     * with no line is WITHDRAWN itself. A digest made later does not list them: a settled notice is read. What already
     * left stays SENT (nothing to take back), and what the delivery worker is sending at this very moment ends as its
     * send does — a digest it finds with no line left it does not send.
     */
    @Override
    @Transactional
    public void settle(NotificationKind kind, UUID subjectId) {
        settle(kind, subjectId, null);
    }

    @Override
    @Transactional
    public void settle(NotificationKind kind, UUID subjectId, UUID recipientId) {
        // the notifications this transaction sent so far are still queued
        inserts.flush();
        Timestamp now = Timestamp.from(clock.instant());
        // (the statement's parts see the rows as they were before it: the last one counts the lines it withdrew itself)
        jdbc.sql("""
                with settled as (
                    update notification_message set settled_at = :now, read_at = coalesce(read_at, :now)
                     where subject_id = :subject and kind = :kind and settled_at is null %s
                    returning id),
                withdrawn as (
                    update notification_delivery d set state = 'WITHDRAWN'
                      from settled s
                     where d.message_id = s.id
                       and (d.state = 'PENDING'
                            or d.state = 'DIGESTED' and exists (
                                   select 1 from notification_delivery g
                                    where g.digest_id = d.digest_id and g.message_id is null and g.state = 'PENDING'))
                    returning d.id, d.digest_id)
                update notification_delivery g set state = 'WITHDRAWN'
                 where g.message_id is null and g.state = 'PENDING'
                   and g.digest_id in (select w.digest_id from withdrawn w)
                   and not exists (select 1 from notification_delivery l
                                    where l.digest_id = g.digest_id and l.message_id is not null
                                      and l.state = 'DIGESTED' and l.id not in (select w.id from withdrawn w))
                """.formatted(recipientId == null ? "" : "and recipient_id = :recipient"))
                .params(recipientId == null ? java.util.Map.of() : java.util.Map.of("recipient", recipientId))
                .param("now", now).param("subject", subjectId).param("kind", kind.key()).update();
    }

    private boolean hasMailbox(UUID userId) {
        return directory.person(userId).filter(OrgDirectory.Person::active)
                .map(OrgDirectory.Person::email).filter(StringUtils::hasText).isPresent();
    }

    private void enqueue(UUID messageId, UUID recipientId, Channel channel, UUID robotId, Instant now) {
        inserts.add("""
                insert into notification_delivery (id, message_id, recipient_id, channel, robot_id, state, attempts,
                                                   next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""",
                Ids.newId(), messageId, recipientId, channel.name(), robotId, Timestamp.from(now), Timestamp.from(now));
    }
}
