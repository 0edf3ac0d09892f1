package com.lead2cash.notification.internal;

import com.lead2cash.notification.ExternalMail;
import com.lead2cash.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts an e-mail to an outside address into the outbox, in the caller's transaction; the
 * {@link DeliveryWorker} sends it after commit with the same retries and backoff as notifications.
 */
@Service
public class OutboxExternalMail implements ExternalMail {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationPreferences preferences;

    OutboxExternalMail(JdbcClient jdbc, Clock clock, NotificationPreferences preferences) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.preferences = preferences;
    }

    @Override
    public boolean available() {
        return preferences.emailAvailable();
    }

    @Override
    @Transactional
    public void send(Email email) {
        UUID id = Ids.newId();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into notification_outbound_email (id, to_address, to_name, kind, subject, body, created_at)
                values (:id, :to, :toName, :kind, :subject, :body, :now)
                """)
                .param("id", id).param("to", email.to().strip()).param("toName", email.toName())
                .param("kind", email.kind()).param("subject", email.subject()).param("body", email.body())
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                insert into notification_delivery (id, outbound_id, channel, state, attempts, next_attempt_at, created_at)
                values (:id, :outbound, 'EMAIL', 'PENDING', 0, :now, :now)
                """)
                .param("id", Ids.newId()).param("outbound", id).param("now", Timestamp.from(now))
                .update();
    }
}
