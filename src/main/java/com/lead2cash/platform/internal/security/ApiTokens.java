package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: random secrets handed out once, stored only as their SHA-256 hash, expiring,
 * and revocable by their owner.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "l2c_";
    static final int MAX_NAME = 100;
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    public record IssuedToken(UUID id, String token, Instant expiresAt) {
    }

    public record TokenInfo(UUID id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
                     Instant lastUsedAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties properties;

    ApiTokens(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public IssuedToken issue(UUID userId, String name) {
        String label = name == null || name.isBlank() ? "API" : name.strip();
        if (label.length() > MAX_NAME) {
            throw new FieldValidationException("name", "token.name.tooLong", MAX_NAME);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenTtl());
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into platform_api_token (id, user_id, name, token_hash, created_at, expires_at)
                values (:id, :user, :name, :hash, :now, :expires)
                """).param("id", id).param("user", userId).param("name", label)
                .param("hash", hash(token)).param("now", ts(now)).param("expires", ts(expiresAt)).update();
        return new IssuedToken(id, token, expiresAt);
    }

    /**
     * The owner of a live token, with their roles, read with the token in one round trip (this runs before
     * every API call) as {@link IdentityService#findUserForRequest} reads a user. Its last use is kept to the
     * minute: touching the row on every call would turn every API read into a write waiting for the disk.
     */
    Optional<User> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<LiveToken> live = jdbc.sql("""
                select t.id as token_id, t.last_used_at as token_last_used_at, %s
                from platform_api_token t join platform_user u on u.id = t.user_id
                where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now
                """.formatted(IdentityService.REQUEST_USER_COLUMNS)).param("hash", hash(token)).param("now", ts(now))
                .query((rs, i) -> new LiveToken(rs.getObject("token_id", UUID.class),
                        instant(rs.getTimestamp("token_last_used_at")), IdentityService.requestUser(rs))).optional();
        live.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION)))
                .ifPresent(t -> jdbc.sql("update platform_api_token set last_used_at = :now where id = :id")
                        .param("now", ts(now)).param("id", t.id()).update());
        return live.map(LiveToken::user);
    }

    private record LiveToken(UUID id, Instant lastUsedAt, User user) {
    }

    /**
     * Revokes one of the user's tokens; one revoked already stays as it was (a second click, a retried call: nothing
     * more to do, and it is still listed, so not "not found"). A token that is not the user's, or none, is 404.
     */
    @Transactional
    public void revoke(UUID userId, UUID tokenId) {
        int changed = jdbc.sql("""
                update platform_api_token set revoked_at = :now
                where id = :id and user_id = :user and revoked_at is null
                """).param("id", tokenId).param("user", userId).param("now", ts(clock.instant())).update();
        if (changed == 0 && jdbc.sql("select count(*) from platform_api_token where id = :id and user_id = :user")
                .param("id", tokenId).param("user", userId).query(Long.class).single() == 0) {
            throw new RecordNotFoundException("ApiToken", tokenId);
        }
    }

    /** Every live token of the user (a deactivated user is let back in only by signing in again). */
    @Transactional
    public void revokeAll(UUID userId) {
        jdbc.sql("update platform_api_token set revoked_at = :now where user_id = :user and revoked_at is null")
                .param("user", userId).param("now", ts(clock.instant())).update();
    }

    @Transactional
    void revokeByValue(String token) {
        jdbc.sql("update platform_api_token set revoked_at = :now where token_hash = :hash and revoked_at is null")
                .param("hash", hash(token)).param("now", ts(clock.instant())).update();
    }

    public List<TokenInfo> of(UUID userId) {
        return jdbc.sql("""
                select id, name, created_at, expires_at, revoked_at, last_used_at from platform_api_token
                where user_id = :user order by created_at desc
                """).param("user", userId).query((rs, i) -> new TokenInfo(rs.getObject("id", UUID.class),
                rs.getString("name"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")))).list();
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    private static Instant instant(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
