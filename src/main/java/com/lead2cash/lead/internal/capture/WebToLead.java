package com.lead2cash.lead.internal.capture;

import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.domain.CaptureChannel;
import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.lead.internal.domain.LeadRepository;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.IdempotencyKey;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.RecordNotFoundException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Web-to-lead (官网表单): API keys per source, managed by administrators and stored hashed; a
 * per-key request budget per minute shared by every node (a counter row per key and minute); and
 * idempotency keys so a retried submission creates one lead.
 */
@Service
public class WebToLead {

    static final String PREFIX = "l2cw_";

    public record ApiKey(UUID id, String name, LeadSource source, String prefix, int ratePerMinute, Instant createdAt,
                  Instant revokedAt) {
    }

    public record IssuedKey(ApiKey key, String secret) {
    }

    /** A verified caller: the key's id and the source its leads are registered under. */
    public record Caller(UUID keyId, LeadSource source, int ratePerMinute) {
    }

    /**
     * The lead a submission produced, the status its first answer gave ({@code answered}: a repeat answers the same,
     * not where the lead stands now), and whether it is new or an idempotent repeat.
     */
    public record Submission(Lead lead, LeadStatus answered, boolean repeated) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final LeadCapture leads;
    private final LeadRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    WebToLead(JdbcClient jdbc, LeadCapture leads, LeadRepository repository, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public IssuedKey issue(String name, LeadSource source, int ratePerMinute) {
        if (InputRules.isBlank(name)) {
            throw new FieldValidationException("name", "lead.apiKey.name.required");
        }
        if (name.length() > 100) {
            throw new FieldValidationException("name", "lead.apiKey.name.invalid");
        }
        InputRules.singleLineProblem("name", name).ifPresent(e -> {
            throw new FieldValidationException(java.util.List.of(e));
        });
        if (source == null) {
            throw new FieldValidationException("source", "lead.source.required");
        }
        if (ratePerMinute < 1 || ratePerMinute > 10_000) {
            throw new FieldValidationException("ratePerMinute", "lead.apiKey.rate.invalid");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = Ids.newId();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into lead_api_key (id, name, source, key_hash, key_prefix, rate_per_minute, created_by, created_at)
                values (:id, :name, :source, :hash, :prefix, :rate, :by, :now)
                """).param("id", id).param("name", InputRules.strip(name)).param("source", source.name())
                .param("hash", hash(secret)).param("prefix", secret.substring(0, 9)).param("rate", ratePerMinute)
                .param("by", CurrentUser.get().map(CurrentUser::id).orElse(null)).param("now", Timestamp.from(now))
                .update();
        // a credential handed to a website: who issued it and for what is kept, never the secret
        audit.record("lead.apiKey.issued", "LeadApiKey", id, "lead.apiKey.audit.issued", InputRules.strip(name),
                "lead.source." + source.name(), ratePerMinute, secret.substring(0, 9) + "…");
        return new IssuedKey(new ApiKey(id, InputRules.strip(name), source, secret.substring(0, 9), ratePerMinute, now, null),
                secret);
    }

    /**
     * Revokes the key; a key revoked already stays as it was (a second click, a retried call: nothing more to do, and
     * it is still listed, so not "not found"). An unknown key is 404.
     */
    @Transactional
    public void revoke(UUID id) {
        if (jdbc.sql("update lead_api_key set revoked_at = :now where id = :id and revoked_at is null")
                .param("id", id).param("now", Timestamp.from(clock.instant())).update() == 1) {
            audit.record("lead.apiKey.revoked", "LeadApiKey", id, "");
        } else if (jdbc.sql("select count(*) from lead_api_key where id = :id").param("id", id).query(Long.class)
                .single() == 0) {
            throw new RecordNotFoundException("ApiKey", id);
        }
    }

    /** A keyset page of the keys, newest first by created time and id; a cursor not made by this list is refused (400). */
    public CursorPage<ApiKey> keys(String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        StringBuilder sql = new StringBuilder("""
                select id, name, source, key_prefix, rate_per_minute, created_at, revoked_at from lead_api_key
                where true""");
        Map<String, Object> params = new HashMap<>();
        CursorPage.newestFirst("lead-api-key", cursor, size, sql, params);
        List<ApiKey> rows = jdbc.sql(sql.toString()).params(params).query(this::apiKey).list();
        return CursorPage.of("lead-api-key", rows, size, k -> List.of(k.createdAt().toString(), k.id()));
    }

    private ApiKey apiKey(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"),
                LeadSource.valueOf(rs.getString("source")), rs.getString("key_prefix"), rs.getInt("rate_per_minute"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());
    }

    public Optional<Caller> verify(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("select id, source, rate_per_minute from lead_api_key where key_hash = :h and revoked_at is null")
                .param("h", hash(secret)).query((rs, i) -> new Caller(rs.getObject("id", UUID.class),
                        LeadSource.valueOf(rs.getString("source")), rs.getInt("rate_per_minute"))).optional();
    }

    /**
     * Counts the request against the key's budget for the current minute; false when it is spent. Runs
     * on its own so that refused and failed submissions count too; like every write, it is on disk once
     * committed.
     */
    @Transactional
    public boolean admit(Caller caller) {
        Instant window = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Window counted = jdbc.sql("""
                insert into lead_rate_window (api_key_id, window_start, hits) values (:k, :w, 1)
                on conflict (api_key_id, window_start) do update set hits = lead_rate_window.hits + 1
                returning hits, xmax = 0 as opened
                """).param("k", caller.keyId()).param("w", Timestamp.from(window))
                .query((rs, i) -> new Window(rs.getInt("hits"), rs.getBoolean("opened"))).single();
        if (counted.opened()) {
            // the minute's first request: earlier windows are of no use, and the table keeps one row per active key
            jdbc.sql("delete from lead_rate_window where api_key_id = :k and window_start < :w")
                    .param("k", caller.keyId()).param("w", Timestamp.from(window)).update();
        }
        return counted.hits() <= caller.ratePerMinute();
    }

    /** A key's count in the current minute; {@code opened}: this request began the minute's window. */
    private record Window(int hits, boolean opened) {
    }

    /**
     * Captures the submitted lead once per idempotency key (none: {@code null}); a repeat with the same body answers
     * the lead it created, the same key with another body is refused (422). The lead and its key are written
     * together, in a transaction shared with the captures arriving at the same time ({@link LeadCapture#together}).
     */
    public Submission submit(Caller caller, LeadDraft draft, IdempotencyKey idempotencyKey) {
        LeadDraft sourced = sourced(caller, draft);
        return leads.together(sourced, () -> once(caller, sourced, idempotencyKey));
    }

    /**
     * The refusal of a submission some of whose values the input rules refused ({@code refused}, read as null in
     * {@code partial}): those, and every other problem the lead's rules find in the rest, so that a website hears
     * all of them at once. Stores nothing.
     */
    public FieldValidationException refusal(Caller caller, LeadDraft partial, List<FieldValidationException.FieldError> refused) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>(refused);
        Set<String> named = new HashSet<>();
        refused.forEach(f -> named.add(f.field()));
        leads.problems(sourced(caller, partial)).stream().filter(f -> !named.contains(f.field())).forEach(errors::add);
        return new FieldValidationException(errors);
    }

    /** The draft under the key's source unless it names its own. */
    private static LeadDraft sourced(Caller caller, LeadDraft draft) {
        return new LeadDraft(draft.companyName(), draft.contactName(), draft.contactTitle(), draft.phone(),
                draft.email(), draft.industry(), draft.region(), draft.productLine(),
                draft.source() == null ? caller.source() : draft.source(), draft.sourceDetail(), null, draft.budget(),
                draft.purchaseDate(), draft.decisionMakerKnown(), draft.decisionChainNotes(), draft.uscc(),
                draft.notes());
    }

    private Submission once(Caller caller, LeadDraft sourced, IdempotencyKey idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Earlier> earlier = earlier(caller, idempotencyKey.key());
            if (earlier.isPresent()) {
                idempotencyKey.requireSameBody(earlier.get().bodyHash(), "lead.idempotencyKey.reused");
                Optional<Lead> lead = repository.findById(earlier.get().leadId());
                if (lead.isPresent()) {
                    // the body first answered: how sales has handled the lead since is not the website's business
                    return new Submission(lead.get(), earlier.get().answered(), true);
                }
            }
        }
        LeadCapture.Captured captured = leads.capture(sourced, CaptureChannel.WEB_FORM, null, null);
        if (idempotencyKey != null) {
            try {
                jdbc.sql("""
                        insert into lead_idempotency (api_key_id, idem_key, lead_id, created_at, body_hash,
                                                      answered_status)
                        values (:k, :i, :l, :now, :hash, :status)
                        """).param("k", caller.keyId()).param("i", idempotencyKey.key()).param("l", captured.lead().id())
                        .param("hash", idempotencyKey.bodyHash()).param("status", captured.lead().status().name())
                        .param("now", Timestamp.from(clock.instant())).update();
            } catch (DuplicateKeyException e) {
                // a concurrent request with the same key won; this transaction rolls back and the client retries
                throw new ConflictException("lead.idempotencyKey.inFlight");
            }
        }
        return new Submission(captured.lead(), captured.lead().status(), false);
    }

    /**
     * The lead an idempotency key made, the fingerprint of the body it came with (none for old keys) and the status
     * its first answer gave.
     */
    private record Earlier(UUID leadId, String bodyHash, LeadStatus answered) {
    }

    /**
     * A key kept before the first answer's status was (V202612141300) is answered the status the lead had on its
     * capture as far as the lead still tells it: NEW, or SCREENED when it was screened on capture (then its screening
     * has the capture's instant) — never where it stands now.
     */
    private Optional<Earlier> earlier(Caller caller, String idempotencyKey) {
        return jdbc.sql("""
                        select i.lead_id, i.body_hash,
                               coalesce(i.answered_status, case when l.screened_at = l.created_at then 'SCREENED'
                                                                else 'NEW' end) as answered_status
                        from lead_idempotency i left join lead_lead l on l.id = i.lead_id
                        where i.api_key_id = :k and i.idem_key = :i""")
                .param("k", caller.keyId()).param("i", idempotencyKey)
                .query((rs, i) -> new Earlier(rs.getObject("lead_id", UUID.class), rs.getString("body_hash"),
                        LeadStatus.valueOf(rs.getString("answered_status"))))
                .optional();
    }

    /** How a key's secret is kept: its SHA-256, never the secret. */
    public static String hash(String secret) {
        return IdempotencyKey.fingerprint(secret);
    }
}
