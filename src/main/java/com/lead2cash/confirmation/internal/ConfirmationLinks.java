package com.lead2cash.confirmation.internal;

import com.lead2cash.confirmation.EmailDelivery;
import com.lead2cash.confirmation.EmailNotSent;
import com.lead2cash.platform.Ids;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The links to a confirmation ({@code /c/{confirmation id}/{token}}). A token is 144 random bits; what
 * is stored is HMAC-SHA-256 under the application's signing key over the confirmation's binding — its
 * id, purpose, subject type, id and version, and the SHA-256 of its document — and the token. So a
 * token cannot be guessed, is useless on another confirmation's path, and stops matching if the
 * record it was issued for were pointed at another purpose, subject or document; the database never
 * holds a usable token. See docs/decisions/0011-customer-confirmations.md.
 */
@Component
public class ConfirmationLinks {

    static final int TOKEN_BYTES = 18;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{24}");
    private static final String BINDING_VERSION = "l2c-confirmation-link/1";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    ConfirmationLinks(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Issues a new link token for the confirmation; the answer is the only place the token exists. {@code notEmailed}:
     * why the link is not e-mailed, null when it is.
     */
    String issue(Confirmation confirmation, UUID issuedBy, EmailNotSent notEmailed) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into confirmation_link (id, confirmation_id, token_mac, issued_at, issued_by, emailed,
                                               not_emailed_reason)
                values (:id, :confirmation, :mac, :now, :by, :emailed, :reason)
                """)
                .param("id", Ids.newId()).param("confirmation", confirmation.id())
                .param("mac", mac(binding(confirmation), token)).param("now", Timestamp.from(clock.instant()))
                .param("by", issuedBy).param("emailed", notEmailed == null)
                .param("reason", notEmailed == null ? null : notEmailed.name(), Types.VARCHAR)
                .update();
        return token;
    }

    /**
     * Whether the token is a link to this confirmation. Runs the same work whether or not the
     * confirmation exists, so the answer time says nothing about which ids are real.
     */
    boolean matches(Optional<Confirmation> confirmation, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return false;
        }
        String binding = confirmation.map(ConfirmationLinks::binding).orElse(BINDING_VERSION + "|none");
        byte[] mac = mac(binding, token);
        Optional<UUID> owner = jdbc.sql("select confirmation_id from confirmation_link where token_mac = :mac and revoked_at is null")
                .param("mac", mac).query(UUID.class).optional();
        return confirmation.isPresent() && owner.isPresent() && owner.get().equals(confirmation.get().id());
    }

    /** Every link issued for the confirmation so far stops working (the rows stay: they were issued). */
    void revokeAll(UUID confirmationId) {
        jdbc.sql("update confirmation_link set revoked_at = :now where confirmation_id = :id and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", confirmationId).update();
    }

    /**
     * Whether each of these confirmations reached its contact by e-mail — one of its links was mailed — and if not,
     * why, as recorded when its links were issued: the latest link that was to be mailed says why it was not (a link
     * only renewed to pass on, NOT_REQUESTED, would hide that the contact has no address). Confirmations without links
     * are absent.
     */
    Map<UUID, EmailDelivery> delivery(Collection<UUID> confirmationIds) {
        Map<UUID, EmailDelivery> delivery = new HashMap<>();
        jdbc.sql("""
                        select confirmation_id, bool_or(emailed) as emailed,
                               (array_agg(not_emailed_reason order by not_emailed_reason = 'NOT_REQUESTED', issued_at desc,
                                          id desc))[1] as reason
                        from confirmation_link where confirmation_id in (:ids) group by confirmation_id""")
                .param("ids", confirmationIds)
                .query((rs, i) -> {
                    boolean emailed = rs.getBoolean("emailed");
                    String reason = rs.getString("reason");
                    return Map.entry(rs.getObject("confirmation_id", UUID.class), new EmailDelivery(emailed,
                            emailed || reason == null ? null : EmailNotSent.valueOf(reason)));
                })
                .list().forEach(e -> delivery.put(e.getKey(), e.getValue()));
        return delivery;
    }

    /** How many links were issued for the confirmation (the rep's page shows it). */
    int count(UUID confirmationId) {
        return jdbc.sql("select count(*) from confirmation_link where confirmation_id = :id")
                .param("id", confirmationId).query(Integer.class).single();
    }

    static String binding(Confirmation c) {
        return String.join("|", BINDING_VERSION, c.id().toString(), c.purpose().name(), c.subject().type(),
                c.subject().id(), String.valueOf(c.subject().version()), c.documentSha256());
    }

    private byte[] mac(String binding, String token) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key(), "HmacSHA256"));
            hmac.update(binding.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(token.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The signing key shared by all nodes: made once (the first node to need it wins), then cached. Made
     * in a transaction of its own, so a rolled-back caller never leaves a node with a key nobody stored.
     */
    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] candidate = new byte[32];
            random.nextBytes(candidate);
            k = ownTransaction.execute(status -> {
                jdbc.sql("""
                        insert into confirmation_signing_key (id, secret, created_at) values (1, :secret, :now)
                        on conflict (id) do nothing
                        """).param("secret", candidate).param("now", Timestamp.from(clock.instant())).update();
                return jdbc.sql("select secret from confirmation_signing_key where id = 1").query(byte[].class).single();
            });
            key = k;
        }
        return k;
    }
}
