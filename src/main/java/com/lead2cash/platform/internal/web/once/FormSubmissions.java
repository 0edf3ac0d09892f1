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

    /** A claimed token: whose form it was and where its post's redirect went (empty while the post runs). */
    record Submission(UUID userId, Optional<String> location) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    FormSubmissions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims {@code token} for {@code userId}; false when another post claimed it first (the database decides). */
    boolean claim(String token, UUID userId) {
        return jdbc.sql("""
                insert into platform_form_submission (token, user_id, claimed_at) values (:token, :user, :now)
                on conflict (token) do nothing
                """).param("token", token).param("user", userId)
                .param("now", java.sql.Timestamp.from(clock.instant())).update() == 1;
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
