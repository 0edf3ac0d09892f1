package com.lead2cash.sop.internal.policy;

import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.PolicyChangeProposed;
import com.lead2cash.sop.PolicyProposals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policy changes that go through an approval flow instead of taking effect at once: validated when proposed on the
 * version then current (its base), applied when approved unless a parameter it changes changed since.
 */
@Service
public class PolicyProposalService implements PolicyProposals {

    /**
     * A proposal as the screens and the API show it; {@code state}: PENDING (waiting for the director), APPLIED, REJECTED,
     * FAILED (approved, no longer valid) or WITHDRAWN (its proposer withdrew it from approval, never applied: 0070);
     * {@code outdated}: still waiting, but a parameter it changes changed since its base version, so it can no longer be
     * approved and must be proposed again; {@code failure}: why a FAILED one did not apply, as a message key, and
     * {@code failureMessage} the same in the reader's words; {@code decidedByName} who approved or rejected it (or withdrew
     * it, its proposer), null while it waits.
     */
    public record Proposal(UUID id, String reason, String summary, List<ProposedChange> changes, long baseVersion,
                           boolean outdated, String proposedByName, String state, Long appliedVersion, String failure,
                           String failureMessage, Instant createdAt, Instant decidedAt, String decidedByName) {
    }

    /** One change of a proposal, its parameter's text before (in the base version) and after. */
    public record ProposedChange(String rule, String parameter, String oldValue, String newValue) {
    }

    /** Whether a waiting proposal's parameters changed in a version after its base. */
    private static final String OUTDATED = """
            (p.state = 'PENDING' and exists (select 1 from sop_policy_change c, jsonb_array_elements(p.change_rows) r
                where c.version > p.base_version and c.rule_id = r->>'rule' and c.parameter = r->>'parameter'))""";

    private final PolicyService policy;
    private final PolicyValueWords words;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageSource messages;

    PolicyProposalService(PolicyService policy, PolicyValueWords words, JdbcClient jdbc, JsonMapper json,
                          ApplicationEventPublisher events, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.policy = policy;
        this.words = words;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Checks the change now (refused field by field like a direct change) and asks for approval. */
    @Transactional
    public UUID propose(String reason, List<PolicyService.Change> changes, CurrentUser actor) {
        return propose(reason, changes, actor, null);
    }

    /** The same, made on {@code baseVersion} when given: a stale base is refused (409), as a direct change is. */
    @Transactional
    public UUID propose(String reason, List<PolicyService.Change> changes, CurrentUser actor, Long baseVersion) {
        PolicyService.Prepared prepared = policy.prepare(reason, changes);
        long base = prepared.next() - 1;
        if (baseVersion != null && base != baseVersion) {
            throw PolicyService.outdated(baseVersion, base);
        }
        List<ProposedChange> rows = prepared.rows().stream()
                .map(r -> new ProposedChange(r.rule(), r.parameter(), r.oldValue(), r.newValue())).toList();
        String summary = rows.stream().map(r -> r.rule() + "." + r.parameter() + ": " + r.oldValue() + " → " + r.newValue())
                .collect(Collectors.joining("; "));
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into sop_policy_proposal (id, reason, changes, summary, base_version, change_rows, proposed_by,
                    proposed_by_name, state, created_at)
                values (:id, :reason, cast(:changes as jsonb), :summary, :base, cast(:rows as jsonb), :by, :byName,
                    'PENDING', :now)
                """).param("id", id).param("reason", reason.strip()).param("changes", json.writeValueAsString(changes))
                .param("summary", summary).param("base", base).param("rows", json.writeValueAsString(rows))
                .param("by", actor.id()).param("byName", actor.username())
                .param("now", Timestamp.from(clock.instant())).update();
        events.publishEvent(new PolicyChangeProposed(id, actor.id(), reason.strip(), summary));
        return id;
    }

    @Override
    @Transactional
    public void approve(UUID proposalId) {
        Pending p = pending(proposalId);
        // one change of the policy at a time: of two approvals at once, the second sees what the first applied
        policy.lockChanges();
        List<String> moved = jdbc.sql("""
                select distinct c.rule_id from sop_policy_change c, jsonb_array_elements(cast(:rows as jsonb)) r
                where c.version > :base and c.rule_id = r->>'rule' and c.parameter = r->>'parameter' order by 1
                """).param("rows", p.rows()).param("base", p.baseVersion()).query(String.class).list();
        if (!moved.isEmpty()) {
            // the approver saw old → new from the base version; applying it now would change what they did not see
            throw new ConflictException("policy.proposal.outdated", String.join(", ", moved));
        }
        PolicyVersion applied;
        try {
            applied = policy.applyApproved(p.reason(), changes(p.changes()), p.proposedBy(), p.proposedByName(),
                    CurrentUser.get().orElse(null));
        } catch (FieldValidationException e) {
            // another parameter moved on so that this value no longer holds with it: the approval is refused (409) and
            // nothing changes, rather than ending approved and unapplied
            throw noLongerValid(e);
        }
        decide(proposalId, "APPLIED", applied.version(), null);
    }

    /**
     * Why the pending proposal would no longer apply on the policy in force, in the reader's words: a parameter it does
     * not change moved on so that a value it proposes no longer holds with it (Q2 rep 14 % with the manager now at 10 %).
     * Empty when it applies, is not found or no longer pending; an outdated one is {@link #outdated} instead.
     */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> noLongerValid(UUID proposalId, Locale locale) {
        Optional<String> changes = jdbc.sql("select changes::text from sop_policy_proposal where id = :id and state = 'PENDING'")
                .param("id", proposalId).query(String.class).optional();
        if (changes.isEmpty() || outdated(proposalId)) {
            return Optional.empty();
        }
        try {
            policy.proposed(changes(changes.get()));
            return Optional.empty();
        } catch (FieldValidationException e) {
            ConflictException refusal = noLongerValid(e);
            return Optional.of(messages.getMessage(refusal.messageKey(), refusal.args(), refusal.messageKey(), locale));
        }
    }

    /** The refusal of a proposal the policy in force refuses: the parameters in conflict, and the first reason. */
    private static ConflictException noLongerValid(FieldValidationException e) {
        String fields = e.errors().stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        FieldError first = e.errors().get(0);
        return new ConflictException("policy.proposal.noLongerValid", fields,
                new DefaultMessageSourceResolvable(new String[] {first.messageKey()}, first.args().toArray(),
                        first.messageKey()));
    }

    /** A proposal's changes as stored (its {@code changes} column). */
    private List<PolicyService.Change> changes(String text) {
        return List.of(json.readValue(text, PolicyService.Change[].class));
    }

    @Override
    @Transactional
    public void reject(UUID proposalId) {
        pending(proposalId);
        decide(proposalId, "REJECTED", null, null);
    }

    @Override
    @Transactional
    public void withdraw(UUID proposalId) {
        jdbc.sql("""
                update sop_policy_proposal set state = 'WITHDRAWN', decided_at = :now, decided_by = :by,
                    decided_by_name = :byName where id = :id and state = 'PENDING'
                """).param("now", Timestamp.from(clock.instant())).param("id", proposalId)
                .param("by", CurrentUser.get().map(CurrentUser::id).orElse(null))
                .param("byName", CurrentUser.get().map(CurrentUser::username).orElse(null)).update();
    }

    public List<Proposal> recent() {
        return jdbc.sql("""
                select p.id, p.reason, p.summary, p.change_rows::text as change_rows, p.base_version, %s as outdated,
                       p.proposed_by_name, p.state, p.applied_version, p.failure, p.created_at, p.decided_at,
                       p.decided_by_name
                from sop_policy_proposal p order by p.created_at desc limit 20
                """.formatted(OUTDATED)).query((rs, i) -> proposal(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Shown> shown(UUID proposalId, Locale locale) {
        return jdbc.sql("""
                select p.change_rows::text as change_rows, %s as outdated from sop_policy_proposal p where p.id = :id
                """.formatted(OUTDATED)).param("id", proposalId)
                .query((rs, i) -> new Shown(inWords(rows(rs.getString("change_rows")), locale), rs.getBoolean("outdated")))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean outdated(UUID proposalId) {
        return jdbc.sql("select %s as outdated from sop_policy_proposal p where p.id = :id".formatted(OUTDATED))
                .param("id", proposalId).query(Boolean.class).optional().orElse(false);
    }

    /** Each change on one line in the reader's words, as the version page says it. */
    public List<String> inWords(List<ProposedChange> rows, Locale locale) {
        return rows.stream().map(r -> words.line(words.change(r.rule(), r.parameter(), r.oldValue(), r.newValue(), locale),
                locale)).toList();
    }

    private Proposal proposal(ResultSet rs) throws SQLException {
        return new Proposal(rs.getObject("id", UUID.class), rs.getString("reason"), rs.getString("summary"),
                rows(rs.getString("change_rows")), rs.getLong("base_version"), rs.getBoolean("outdated"),
                rs.getString("proposed_by_name"), rs.getString("state"), (Long) rs.getObject("applied_version"),
                rs.getString("failure"), failureMessage(rs.getString("failure")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                rs.getString("decided_by_name"));
    }

    /**
     * A FAILED proposal's stored reason in the reader's words (proposals approved before an approval that no longer
     * applies was refused stored the key of the refusal only); null when there is none.
     */
    private String failureMessage(String failure) {
        if (failure == null) {
            return null;
        }
        return messages.getMessage("policy.proposal.failedBecause",
                new Object[] {messages.getMessage(failure, null, failure, LocaleContextHolder.getLocale())},
                LocaleContextHolder.getLocale());
    }

    private List<ProposedChange> rows(String text) {
        return List.of(json.readValue(text, ProposedChange[].class));
    }

    private record Pending(String reason, String changes, String rows, long baseVersion, UUID proposedBy,
                           String proposedByName) {
    }

    private Pending pending(UUID proposalId) {
        return jdbc.sql("""
                select reason, changes::text as changes, change_rows::text as change_rows, base_version, proposed_by,
                       proposed_by_name
                from sop_policy_proposal where id = :id and state = 'PENDING' for update
                """).param("id", proposalId).query((rs, i) -> new Pending(rs.getString("reason"), rs.getString("changes"),
                rs.getString("change_rows"), rs.getLong("base_version"), rs.getObject("proposed_by", UUID.class),
                rs.getString("proposed_by_name"))).optional()
                .orElseThrow(() -> new RecordNotFoundException("PolicyProposal", proposalId));
    }

    private void decide(UUID id, String state, Long version, String failure) {
        jdbc.sql("""
                update sop_policy_proposal set state = :state, applied_version = :version, failure = :failure,
                    decided_at = :now, decided_by = :by, decided_by_name = :byName where id = :id
                """).param("state", state).param("version", version).param("failure", failure)
                .param("now", Timestamp.from(clock.instant())).param("id", id)
                .param("by", CurrentUser.get().map(CurrentUser::id).orElse(null))
                .param("byName", CurrentUser.get().map(CurrentUser::username).orElse(null)).update();
    }
}
