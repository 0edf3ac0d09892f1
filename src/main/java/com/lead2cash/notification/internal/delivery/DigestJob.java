package com.lead2cash.notification.internal.delivery;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.lead2cash.notification.internal.NotificationPreferences;
import com.lead2cash.notification.internal.NotificationProperties;
import com.lead2cash.notification.internal.domain.NotificationPreference;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.OrgDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * 每日摘要 — once a day, everyone with the digest on gets one e-mail listing their unread NORMAL
 * notifications since their last digest (a settled notice is read: it is never listed, and its line in a digest not
 * sent yet is withdrawn — OutboxNotifier.settle). A background task looks every minute for the latest day
 * whose digest time has come, so a day missed while no node ran is caught up once when one runs
 * again. The row "digest for person X on day D" has a unique key and is written in the same
 * transaction as the digest's deliveries: whoever inserts it first makes the digest, the others skip
 * — exactly one per person and day, and never a day marked done without its digest. The e-mail
 * itself goes out through the outbox.
 */
@Component
public class DigestJob {

    static final String TASK = "notification-digest";
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

    /** The latest day whose digest time has come: today from the digest time on, else yesterday. */
    LocalDate dueDay(Instant now) {
        var local = now.atZone(zone);
        return local.toLocalTime().isBefore(properties.digestTime()) ? local.toLocalDate().minusDays(1)
                : local.toLocalDate();
    }

    /**
     * Makes the due day's digests for everyone who has not had theirs; answers how many were made.
     * Safe to run again or in parallel.
     */
    public int runOnce() {
        if (!preferences.emailAvailable()) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate today = dueDay(now);
        List<UUID> candidates = jdbc.sql("""
                select distinct m.recipient_id from notification_message m
                where m.read_at is null and m.urgency = 'NORMAL' and m.created_at <= :now
                  and m.created_at > coalesce((select max(g.cutoff_at) from notification_digest g
                                               where g.user_id = m.recipient_id), '-infinity'::timestamptz)
                  and not exists (select 1 from notification_digest d
                                  where d.user_id = m.recipient_id and d.digest_date = :day)
                """).param("now", Timestamp.from(now)).param("day", today).query(UUID.class).list();
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

    /** The digest as a background task; tests that drive it themselves switch it off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "l2c.notification.digest.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        @Bean
        RecurringTask<Void> notificationDigestTask(DigestJob digest) {
            return Tasks.recurring(TASK, FixedDelay.of(Duration.ofMinutes(1))).execute((instance, context) -> {
                int made = digest.runOnce();
                if (made > 0) {
                    log.info("daily notification digest: {} digests made", made);
                }
            });
        }
    }

    private boolean hasMailbox(UUID userId) {
        return directory.person(userId).filter(OrgDirectory.Person::active)
                .map(OrgDirectory.Person::email).filter(StringUtils::hasText).isPresent();
    }
}
