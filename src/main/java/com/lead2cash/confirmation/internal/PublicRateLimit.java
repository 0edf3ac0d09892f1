package com.lead2cash.confirmation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guards the public confirmation page against guessing: a counter per client address and minute, in
 * the database so every node counts together. Tokens have 144 bits, so this is a second line, not the
 * first; it also keeps one client from filling the session table.
 */
@Component
public class PublicRateLimit {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConfirmationProperties properties;

    PublicRateLimit(JdbcClient jdbc, Clock clock, ConfirmationProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Counts the request; false when the client has spent this minute's budget. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean admit(String client) {
        Instant window = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        int hits = jdbc.sql("""
                insert into confirmation_rate_window (client, window_start, hits) values (:c, :w, 1)
                on conflict (client, window_start) do update set hits = confirmation_rate_window.hits + 1
                returning hits
                """).param("c", client == null ? "unknown" : client).param("w", Timestamp.from(window))
                .query(Integer.class).single();
        // earlier minutes no longer count for anyone
        jdbc.sql("delete from confirmation_rate_window where window_start < :w").param("w", Timestamp.from(window))
                .update();
        return hits <= properties.requestsPerMinute();
    }
}
