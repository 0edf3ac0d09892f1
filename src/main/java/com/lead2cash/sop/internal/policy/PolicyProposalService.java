package com.lead2cash.sop.internal.policy;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.PolicyChangeProposed;
import com.lead2cash.sop.PolicyProposals;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policy changes that go through an approval flow instead of taking effect at once: validated when
 * proposed, applied on top of the then current version when approved.
 */
@Service
public class PolicyProposalService implements PolicyProposals {

    /** A proposal as the screens and the API show it. */
    public record Proposal(UUID id, String reason, String summary, String proposedByName, String state,
                           Long appliedVersion, String failure, Instant createdAt, Instant decidedAt) {
    }

    private final PolicyService policy;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicyProposalService(PolicyService policy, JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events,
                          Clock clock) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Checks the change now (refused field by field like a direct change) and asks for approval. */
    @Transactional
    public UUID propose(String reason, List<PolicyService.Change> changes, CurrentUser actor) {
        PolicyService.Prepared prepared = policy.prepare(reason, changes);
        String summary = prepared.rows().stream()
                .map(r -> r.rule() + "." + r.parameter() + ": " + r.oldValue() + " → " + r.newValue())
                .collect(Collectors.joining("; "));
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into sop_policy_proposal (id, reason, changes, summary, proposed_by, proposed_by_name, state, created_at)
                values (:id, :reason, cast(:changes as jsonb), :summary, :by, :byName, 'PENDING', :now)
                """).param("id", id).param("reason", reason.strip()).param("changes", json.writeValueAsString(changes))
                .param("summary", summary).param("by", actor.id()).param("byName", actor.username())
                .param("now", Timestamp.from(clock.instant())).update();
        events.publishEvent(new PolicyChangeProposed(id, actor.id(), reason.strip(), summary));
        return id;
    }

    @Override
    @Transactional
    public void approve(UUID proposalId) {
        Pending p = pending(proposalId);
        try {
            var applied = policy.applyApproved(p.reason() + " ✔", List.of(json.readValue(p.changes(),
                    PolicyService.Change[].class)), p.proposedBy(), p.proposedByName());
            decide(proposalId, "APPLIED", applied.version(), null);
        } catch (DomainException e) {
            // the policy moved on since the proposal (a value now invalid): record why, change nothing
            decide(proposalId, "FAILED", null, e.messageKey());
        }
    }

    @Override
    @Transactional
    public void reject(UUID proposalId) {
        pending(proposalId);
        decide(proposalId, "REJECTED", null, null);
    }

    public List<Proposal> recent() {
        return jdbc.sql("""
                select id, reason, summary, proposed_by_name, state, applied_version, failure, created_at, decided_at
                from sop_policy_proposal order by created_at desc limit 20
                """).query((rs, i) -> new Proposal(rs.getObject("id", UUID.class), rs.getString("reason"),
                rs.getString("summary"), rs.getString("proposed_by_name"), rs.getString("state"),
                (Long) rs.getObject("applied_version"), rs.getString("failure"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant())).list();
    }

    private record Pending(String reason, String changes, UUID proposedBy, String proposedByName) {
    }

    private Pending pending(UUID proposalId) {
        return jdbc.sql("""
                select reason, changes::text as changes, proposed_by, proposed_by_name from sop_policy_proposal
                where id = :id and state = 'PENDING' for update
                """).param("id", proposalId).query((rs, i) -> new Pending(rs.getString("reason"), rs.getString("changes"),
                rs.getObject("proposed_by", UUID.class), rs.getString("proposed_by_name"))).optional()
                .orElseThrow(() -> new RecordNotFoundException("PolicyProposal", proposalId));
    }

    private void decide(UUID id, String state, Long version, String failure) {
        jdbc.sql("""
                update sop_policy_proposal set state = :state, applied_version = :version, failure = :failure,
                    decided_at = :now where id = :id
                """).param("state", state).param("version", version).param("failure", failure)
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }
}
