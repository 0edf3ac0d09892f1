package com.lead2cash.notification.internal;

import com.lead2cash.platform.Ids;
import com.lead2cash.platform.OrgDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * 每日摘要 — once a day, everyone with the digest on gets one e-mail listing their unread NORMAL
 * notifications since their last digest. Every node runs the job; the row "digest for person X on
 * day D" has a unique key, so whichever node or thread inserts it first makes the digest and the
 * others skip — exactly one per person and day. The e-mail itself goes out through the outbox.
 */
@Component
class DigestJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private record KindOf(UUID id, String kind) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationPreferences preferences;
    private final OrgDirectory directory;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final ZoneId zone;

    DigestJob(JdbcClient jdbc, Clock clock, NotificationPreferences preferences, OrgDirectory directory,
              PlatformTransactionManager transactionManager, NotificationProperties properties,
              @Value("${l2c.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.preferences = preferences;
        this.directory = directory;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.zone = zone;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        var at = properties.digestTime();
        registrar.addTriggerTask(this::runScheduled,
                new CronTrigger(at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * *", zone));
    }

    private void runScheduled() {
        try {
            log.info("daily notification digest: {} digests made", runOnce());
        } catch (RuntimeException e) {
            log.warn("daily notification digest failed", e);
        }
    }

    /** Makes today's digests for everyone who is due one; answers how many were made. Safe to run again or in parallel. */
    public int runOnce() {
        if (!preferences.emailAvailable()) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<UUID> candidates = jdbc.sql("""
                select distinct m.recipient_id from notification_message m
                where m.read_at is null and m.urgency = 'NORMAL' and m.created_at <= :now
                  and m.created_at > coalesce((select max(g.cutoff_at) from notification_digest g
                                               where g.user_id = m.recipient_id), '-infinity'::timestamptz)
                """).param("now", Timestamp.from(now)).query(UUID.class).list();
        int made = 0;
        for (UUID user : candidates) {
            if (Boolean.TRUE.equals(transactions.execute(tx -> digestFor(user, today, now)))) {
                made++;
            }
        }
        return made;
    }

    private boolean digestFor(UUID userId, LocalDate day, Instant now) {
        NotificationPreference preference = preferences.of(userId);
        if (!preference.digestEnabled() || !hasMailbox(userId)) {
            return false;
        }
        Optional<Instant> previousCutoff = jdbc.sql("""
                select cutoff_at from notification_digest where user_id = :user order by cutoff_at desc limit 1
                """).param("user", userId).query(Timestamp.class).optional().map(Timestamp::toInstant);
        UUID digestId = Ids.newId();
        int inserted = jdbc.sql("""
                insert into notification_digest (id, user_id, digest_date, cutoff_at, created_at)
                values (:id, :user, :day, :now, :now)
                on conflict (user_id, digest_date) do nothing
                """).param("id", digestId).param("user", userId).param("day", day)
                .param("now", Timestamp.from(now)).update();
        if (inserted == 0) {
            return false;
        }
        List<UUID> included = jdbc.sql("""
                select m.id, m.kind from notification_message m
                where m.recipient_id = :user and m.read_at is null and m.urgency = 'NORMAL'
                  and m.created_at <= :now and m.created_at > :since
                order by m.created_at, m.id
                """).param("user", userId).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(previousCutoff.orElse(Instant.EPOCH)))
                .query((rs, i) -> new KindOf(rs.getObject("id", UUID.class), rs.getString("kind"))).list().stream()
                .filter(m -> !preference.mutes(m.kind())).map(KindOf::id).toList();
        if (included.isEmpty()) {
            return false;
        }
        for (UUID messageId : included) {
            jdbc.sql("""
                    insert into notification_delivery (id, message_id, digest_id, recipient_id, channel, state,
                                                       attempts, created_at)
                    values (:id, :message, :digest, :user, 'EMAIL', 'DIGESTED', 0, :now)
                    """).param("id", Ids.newId()).param("message", messageId).param("digest", digestId)
                    .param("user", userId).param("now", Timestamp.from(now)).update();
        }
        jdbc.sql("""
                insert into notification_delivery (id, digest_id, recipient_id, channel, state, attempts,
                                                   next_attempt_at, created_at)
                values (:id, :digest, :user, 'EMAIL', 'PENDING', 0, :now, :now)
                """).param("id", Ids.newId()).param("digest", digestId).param("user", userId)
                .param("now", Timestamp.from(now)).update();
        return true;
    }

    private boolean hasMailbox(UUID userId) {
        return directory.person(userId).filter(OrgDirectory.Person::active)
                .map(OrgDirectory.Person::email).filter(StringUtils::hasText).isPresent();
    }
}
