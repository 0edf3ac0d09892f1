package com.lead2cash.customer.internal.activity;

import com.lead2cash.customer.internal.CustomerQueries;
import com.lead2cash.platform.OrgDirectory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rep's personal calendar feed of planned follow-ups (跟进日历订阅, iCalendar): a subscription URL
 * carrying its own secret, which the rep can replace (the old URL stops working) or revoke. Only a hash
 * of the secret is stored, so the URL is shown once, when it is issued. The feed holds the rep's
 * customers with a planned or due follow-up from a week back to three months ahead. The secret is one of
 * the rep's credentials: the feed of a deactivated user answers nothing, like their tokens and sessions.
 */
@Service
public class FollowUpFeed {

    private static final Duration PAST = Duration.ofDays(7);
    private static final Duration AHEAD = Duration.ofDays(92);
    private static final Duration EVENT_LENGTH = Duration.ofMinutes(30);
    private static final int MAX_EVENTS = 500;

    private final JdbcClient jdbc;
    private final CustomerQueries queries;
    private final MessageSource messages;
    private final OrgDirectory directory;
    private final SecureRandom random = new SecureRandom();
    private final String baseUrl;
    private final Clock clock;

    FollowUpFeed(JdbcClient jdbc, CustomerQueries queries, MessageSource messages, OrgDirectory directory,
                 @Value("${l2c.notification.base-url:}") String baseUrl, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.messages = messages;
        this.directory = directory;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    /** Issues a new secret for the user (any earlier one stops working) and answers it; shown once. */
    @Transactional
    public String issue(UUID userId, Locale locale) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into customer_calendar_feed (user_id, secret_hash, locale, created_at) values (:u, :h, :l, :now)
                on conflict (user_id) do update set secret_hash = excluded.secret_hash, locale = excluded.locale,
                    created_at = excluded.created_at""")
                .param("u", userId).param("h", hash(secret)).param("l", locale.toLanguageTag())
                .param("now", Timestamp.from(clock.instant())).update();
        return secret;
    }

    @Transactional
    public void revoke(UUID userId) {
        jdbc.sql("delete from customer_calendar_feed where user_id = :u").param("u", userId).update();
    }

    /** When the user's current feed was issued, if they have one. */
    public Optional<Instant> issuedAt(UUID userId) {
        return jdbc.sql("select created_at from customer_calendar_feed where user_id = :u").param("u", userId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The calendar of the feed with this secret; empty for an unknown or revoked secret or a deactivated user. */
    public Optional<String> calendar(String secret) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        record Feed(UUID userId, Locale locale) {
        }
        return jdbc.sql("select user_id, locale from customer_calendar_feed where secret_hash = :h")
                .param("h", hash(secret))
                .query((rs, i) -> new Feed(rs.getObject("user_id", UUID.class), Locale.forLanguageTag(rs.getString("locale"))))
                .optional()
                .filter(f -> directory.person(f.userId()).map(OrgDirectory.Person::active).orElse(false))
                .map(f -> render(f.userId(), f.locale()));
    }

    private String render(UUID owner, Locale locale) {
        Instant now = clock.instant();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Lead2Cash//Follow-ups//" + locale.getLanguage().toUpperCase(Locale.ROOT)));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        for (CustomerQueries.CustomerRow row : queries.followUpsBetween(owner, now.minus(PAST), now.plus(AHEAD), MAX_EVENTS)) {
            Instant start = row.plannedFollowUpAt() != null ? row.plannedFollowUpAt() : row.followUpDueAt();
            VEvent event = new VEvent(start, EVENT_LENGTH, messages.getMessage("customer.feed.summary",
                    new Object[] {row.name()}, locale));
            event.replace(new DtStamp(now));
            event.add(new Uid("customer-follow-up-" + row.id() + "@lead2cash"));
            event.add(new Description(messages.getMessage("customer.feed.description", new Object[] {row.code(),
                    row.grade(), messages.getMessage("customer.status." + row.status(), null, locale)}, locale)));
            if (!baseUrl.isEmpty()) {
                event.add(new Url(URI.create(baseUrl + "/customers/" + row.id())));
            }
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
