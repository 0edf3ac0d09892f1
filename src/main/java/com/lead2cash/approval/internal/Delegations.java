package com.lead2cash.approval.internal;

import com.lead2cash.approval.internal.domain.Delegation;
import com.lead2cash.approval.internal.domain.DelegationRepository;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.HandedOnWork;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's own delegations (代理审批): given while away, revoked on return. */
@Service
@Transactional
public class Delegations {

    /** A delegation as its two people see it. */
    public record DelegationRow(UUID id, UUID delegatorId, UUID delegateId, LocalDate startsOn, LocalDate endsOn,
                                String note, boolean active, boolean currentlyInForce, Instant createdAt, long version) {
    }

    static final NotificationKind ENDED_NOTICE = NotificationKind.APPROVAL_DELEGATION_ENDED;

    private final DelegationRepository repository;
    private final OrgDirectory org;
    private final DelegateAuthority authority;
    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final Clock clock;
    private final ZoneId zone;

    Delegations(DelegationRepository repository, OrgDirectory org, DelegateAuthority authority, JdbcClient jdbc,
                Notifier notifier, Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.notifier = notifier;
        this.repository = repository;
        this.org = org;
        this.authority = authority;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Lets the delegate decide the delegator's approvals for the period; refused (422 on {@code delegateId}, nothing
     * stored) when the delegate does not hold the authority those approvals need ({@link DelegateAuthority}, 0069).
     */
    public DelegationRow grant(UUID delegatorId, UUID delegateId, LocalDate startsOn, LocalDate endsOn, String note) {
        if (delegateId != null) {
            OrgDirectory.Person delegate = org.person(delegateId).filter(OrgDirectory.Person::active)
                    .orElseThrow(() -> new FieldValidationException("delegateId", "approval.delegation.delegate.unknown"));
            if (!delegateId.equals(delegatorId)) {
                OrgDirectory.Person delegator = org.person(delegatorId).orElseThrow(
                        () -> new FieldValidationException("delegateId", "approval.delegation.nothingToDelegate"));
                authority.refusal(delegator, delegate).ifPresent(key -> {
                    throw new FieldValidationException("delegateId", key);
                });
            }
        }
        Delegation granted = Delegation.grant(delegatorId, delegateId, startsOn, endsOn, note, today(), clock.instant());
        // one delegate a day (0085): two in force would leave it to chance who stands in when the delegator is
        // deactivated, and let two people decide the same task in the delegator's name. A delegator's grants take
        // turns (a lock held until this transaction ends), so one sent at the same time as another sees it stored
        lockDelegator(delegatorId);
        repository.findActiveForDelegator(delegatorId).stream().filter(d -> d.overlaps(startsOn, endsOn))
                .min(java.util.Comparator.comparing(Delegation::startsOn)).ifPresent(d -> {
                    throw new FieldValidationException("startsOn", "approval.delegation.overlaps",
                            org.person(d.delegateId()).map(OrgDirectory.Person::displayName).orElse("?"),
                            d.startsOn().toString(), d.endsOn().toString());
                });
        return row(repository.save(granted));
    }

    /**
     * The person was deactivated (docs/decisions/0085): each delegation they gave or received that is still to come
     * or in force ends now — after their tasks were handed on (a delegate standing in for them took those up, 0073).
     * Answers each one ended, naming the other person of it: {@link HandedOnWork#DELEGATION_TO_THEM_ENDED} (the delegator decides their
     * own approvals again, and is told) or {@link HandedOnWork#DELEGATION_BY_THEM_ENDED} (the delegate stands in for them no more).
     */
    public List<HandedOnWork.Handover> endAtDeactivationOf(UUID userId) {
        LocalDate today = today();
        List<HandedOnWork.Handover> ended = new java.util.ArrayList<>();
        for (Delegation d : repository.findActiveInvolving(userId)) {
            if (!d.endAtDeactivation(today, clock.instant())) {
                continue;
            }
            repository.save(d);
            boolean toThem = d.delegateId().equals(userId);
            String period = d.startsOn() + " – " + d.endsOn();
            ended.add(new HandedOnWork.Handover(toThem ? HandedOnWork.DELEGATION_TO_THEM_ENDED
                    : HandedOnWork.DELEGATION_BY_THEM_ENDED, d.id(), period,
                    toThem ? d.delegatorId() : d.delegateId(), null));
            if (toThem) {
                String delegate = org.person(userId).map(OrgDirectory.Person::displayName).orElse("?");
                notifier.send(Notification.of(d.delegatorId(), ENDED_NOTICE, "approval.notify.delegationEnded",
                        "/approvals/delegations", delegate, period).about(d.id()));
            }
        }
        return ended;
    }

    /** Ends a delegation; someone else's answers 404, as if it did not exist. */
    public DelegationRow revoke(UUID delegationId, UUID by) {
        Delegation delegation = repository.findById(delegationId)
                .filter(d -> d.delegatorId().equals(by) || d.delegateId().equals(by))
                .orElseThrow(() -> new RecordNotFoundException("Delegation", delegationId));
        delegation.revoke(by, clock.instant());
        return row(repository.save(delegation));
    }

    /** Delegations the person gave or received, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<DelegationRow> of(UUID userId, String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        StringBuilder sql = new StringBuilder("""
                select id, delegator_id, delegate_id, starts_on, ends_on, note, active, created_at, version
                from approval_delegation where (delegator_id = :me or delegate_id = :me)
                """);
        Map<String, Object> params = new HashMap<>();
        params.put("me", userId);
        CursorPage.newestFirst("delegation", cursor, size, sql, params);
        LocalDate today = today();
        List<DelegationRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
            LocalDate from = rs.getObject("starts_on", LocalDate.class);
            LocalDate to = rs.getObject("ends_on", LocalDate.class);
            boolean active = rs.getBoolean("active");
            return new DelegationRow(rs.getObject("id", UUID.class), rs.getObject("delegator_id", UUID.class),
                    rs.getObject("delegate_id", UUID.class), from, to, rs.getString("note"), active,
                    active && !today.isBefore(from) && !today.isAfter(to), rs.getTimestamp("created_at").toInstant(),
                    rs.getLong("version"));
        }).list();
        return CursorPage.of("delegation", rows, size, r -> List.of(r.createdAt(), r.id()));
    }

    /**
     * Serialises the grants of one delegator, across nodes, until the current transaction ends: the overlap check
     * of the second sees what the first stored. Revoking and ending need none; they only take days away.
     */
    private void lockDelegator(UUID delegatorId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "approval-delegator:" + delegatorId).query((rs, i) -> 1).list();
    }

    private DelegationRow row(Delegation d) {
        return new DelegationRow(d.id(), d.delegatorId(), d.delegateId(), d.startsOn(), d.endsOn(), d.note(),
                d.active(), d.coversDay(today()), d.createdAt(), d.version() == null ? 0 : d.version());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
