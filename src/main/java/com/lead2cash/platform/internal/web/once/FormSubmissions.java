package com.lead2cash.platform.internal.web.once;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one-time tokens of the screens' forms ({@code platform_form_submission}), each claimed by the first post
 * that carries it. Every statement commits on its own, outside the request's business transaction: a second post
 * must see the claim while the first is still saving.
 */
@org.springframework.stereotype.Component
class FormSubmissions {

    /** How long a sent form is remembered: a Back and Save again later than this posts a fresh form. */
    static final Duration KEPT = Duration.ofDays(1);

    /**
     * How long the same values sent again by the same user to the same address are taken for the form sent again
     * (Back reloads the page, and its new token): longer than going back and saving, shorter than a day's work.
     */
    static final Duration ALIKE = Duration.ofMinutes(10);

    /** A claimed token: whose form it was and where its post's redirect went (empty while the post runs). */
    record Submission(UUID userId, Optional<String> location) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    FormSubmissions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims {@code token} for {@code userId}, with the post's {@code fingerprint} (null for an upload); false when
     * another post claimed it first (the database decides).
     */
    boolean claim(String token, UUID userId, String fingerprint) {
        return jdbc.sql("""
                insert into platform_form_submission (token, user_id, claimed_at, fingerprint)
                values (:token, :user, :now, :fingerprint)
                on conflict (token) do nothing
                """).param("token", token).param("user", userId)
                .param("now", java.sql.Timestamp.from(clock.instant())).param("fingerprint", fingerprint).update() == 1;
    }

    /** Where the latest post of the same values by the same user, saved within {@link #ALIKE}, went. */
    Optional<String> savedAlike(UUID userId, String fingerprint) {
        return jdbc.sql("""
                select location from platform_form_submission
                where user_id = :user and fingerprint = :fingerprint and location is not null and claimed_at >= :since
                order by claimed_at desc limit 1
                """).param("user", userId).param("fingerprint", fingerprint)
                .param("since", java.sql.Timestamp.from(clock.instant().minus(ALIKE)))
                .query(String.class).optional();
    }

    Optional<Submission> find(String token) {
        return jdbc.sql("select user_id, location from platform_form_submission where token = :token")
                .param("token", token)
                .query((rs, n) -> new Submission(rs.getObject("user_id", UUID.class),
                        Optional.ofNullable(rs.getString("location"))))
                .optional();
    }

    /** The claiming post ended with a redirect: a second post of the form is sent there. */
    void saved(String token, String location) {
        jdbc.sql("update platform_form_submission set location = :location where token = :token")
                .param("location", location).param("token", token).update();
    }

    /** The claiming post saved nothing (refused, failed): the form may be sent again. */
    void release(String token) {
        jdbc.sql("delete from platform_form_submission where token = :token").param("token", token).update();
    }

    /** Forgets the forms claimed more than {@link #KEPT} ago; answers how many. */
    int forgetOld() {
        return jdbc.sql("delete from platform_form_submission where claimed_at < :before")
                .param("before", java.sql.Timestamp.from(clock.instant().minus(KEPT))).update();
    }
}
