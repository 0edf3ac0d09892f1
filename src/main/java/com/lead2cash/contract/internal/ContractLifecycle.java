package com.lead2cash.contract.internal;

import com.lead2cash.approval.ApprovalRef;
import com.lead2cash.approval.ApprovalRemark;
import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.Approvals;
import com.lead2cash.approval.Decision;
import com.lead2cash.approval.PendingApproval;
import com.lead2cash.contract.ContractAmended;
import com.lead2cash.contract.ContractArchived;
import com.lead2cash.contract.ContractSigned;
import com.lead2cash.contract.ContractStatus;
import com.lead2cash.contract.ContractTerminated;
import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractAction;
import com.lead2cash.contract.internal.domain.ContractActor;
import com.lead2cash.contract.internal.domain.ContractAmendment;
import com.lead2cash.contract.internal.domain.ContractAmendmentRepository;
import com.lead2cash.contract.internal.domain.ContractRepository;
import com.lead2cash.contract.internal.domain.ContractRules;
import com.lead2cash.contract.internal.domain.Department;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.files.FileKind;
import com.lead2cash.files.StoredFile;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.SubjectRef;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's way from submission to the archive: submitting to review (K1) with the PDF the reviewers
 * see kept and hashed, the departments' verdicts and the risk (K5) and final (K2) approvers' decisions
 * through the approval mechanism, the outcome carried onto the contract (also when decided on the
 * approvals screens), the signing deadline (K3), signing with the scan (the opportunity is won, the
 * customer signed), archiving (K4), amendments, termination and — after the retention — deletion (R1).
 */
@Service
@Transactional
public class ContractLifecycle {

    private final ContractRepository contracts;
    private final ContractAmendmentRepository amendments;
    private final ContractAccess access;
    private final ContractReviews reviews;
    private final ContractDocument document;
    private final ContractFiles files;
    private final ContractEvents events;
    private final Approvals approvals;
    private final Deadlines deadlines;
    private final SopPolicy policy;
    private final Opportunities opportunities;
    private final CustomerDirectory customers;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    ContractLifecycle(ContractRepository contracts, ContractAmendmentRepository amendments, ContractAccess access,
                      ContractReviews reviews, ContractDocument document, ContractFiles files, ContractEvents events,
                      Approvals approvals, Deadlines deadlines, SopPolicy policy, Opportunities opportunities,
                      CustomerDirectory customers, Notifier notifier, AuditTrail audit,
                      ApplicationEventPublisher publisher, JdbcClient jdbc, Clock clock,
                      @Value("${l2c.zone}") ZoneId zone) {
        this.contracts = contracts;
        this.amendments = amendments;
        this.access = access;
        this.reviews = reviews;
        this.document = document;
        this.files = files;
        this.events = events;
        this.approvals = approvals;
        this.deadlines = deadlines;
        this.policy = policy;
        this.opportunities = opportunities;
        this.customers = customers;
        this.notifier = notifier;
        this.audit = audit;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /** The tasks about contracts waiting for the current user now. */
    @Transactional(readOnly = true)
    public List<PendingApproval> pendingForMe() {
        return approvals.pendingFor(CurrentUser.require().id(), ContractAccess.SUBJECT, 500);
    }

    @Transactional(readOnly = true)
    public ContractActor actor(Contract c) {
        return access.actor(c, c.approvalId() == null ? List.of() : pendingForMe());
    }

    /**
     * DRAFT or REVISING → IN_REVIEW: the PDF of this round is rendered and kept (its SHA-256 goes to the
     * approvers with the flow), and the flow starts — K1 departments together, K5 when it applies, K2.
     */
    public Contract submit(UUID id, Long version) {
        Contract c = access.visibleForUpdate(id);
        c.requireAction(actor(c), ContractAction.SUBMIT);
        c.expectVersion(version);
        Instant now = now();
        int round = c.submit(today(c.createdAt()), now);
        ContractRules rules = rules();
        byte[] pdf = document.render(c);
        StoredFile copy = files.keep(c, ContractFiles.Kind.REVIEW_COPY, round, Set.of(FileKind.PDF), pdf.length + 1L,
                "pdf", c.number() + "-R" + round + ".pdf", pdf.length, new ByteArrayInputStream(pdf),
                CurrentUser.require().id(), now);
        c.reviewCopy(copy.id(), copy.sha256());
        ApprovalRef ref = reviews.submit(c, rules);
        c.reviewedIn(ref.id());
        approvals.find(ref.id()).ifPresent(v -> c.waitFor(ContractReviews.waitingFor(v), now));
        Contract saved = contracts.save(c);
        events.record(c.id(), "SUBMITTED", CurrentUser.require().id(), "R" + round + " sha256 " + copy.sha256(), now);
        return saved;
    }

    /** A reviewing department's verdict (K1): PASS approves its task, OBJECT sends it back with the comment. */
    public Contract review(UUID id, Department department, boolean pass, String comment, List<ApprovalRemark> remarks) {
        Contract c = access.visibleForUpdate(id);
        List<PendingApproval> pending = pendingForMe();
        ContractActor actor = access.actor(c, pending);
        if (!actor.pendingReviews().contains(department)) {
            if (!actor.has(department.role())) {
                throw new AccessDeniedException("not a member of " + department);
            }
            if (c.approvalId() != null) {
                // a second verdict (two reviewers of the department at once, a double click) is told who gave it
                approvals.refuseSecondDecision(c.approvalId(), actor.userId(), ContractReviews.REVIEW_STEP);
            }
            // not a race (that is the decision above, 409) but the contract's state: no review of it is pending (422)
            throw new DomainException("contract.review.notPending",
                    Label.of("contract.department", department));
        }
        PendingApproval task = pending.stream().filter(p -> p.subjectId().equals(c.id().toString())
                        && p.stepIndex() == ContractReviews.REVIEW_STEP
                        && ContractReviews.departmentOf(p).filter(department::equals).isPresent())
                .findFirst().orElseThrow(() -> new DomainException("contract.review.notPending",
                    Label.of("contract.department", department)));
        c.requireClausesRemarkedOn(remarks == null ? List.of() : remarks.stream().map(ApprovalRemark::section).toList());
        ApprovalView view = approvals.decide(c.approvalId(), task.taskId(), actor.userId(),
                pass ? Decision.APPROVE : Decision.SEND_BACK, comment, remarks);
        events.record(c.id(), pass ? "REVIEW_PASSED" : "REVIEW_OBJECTED", actor.userId(), department.name(), now());
        follow(c, view);
        return contracts.save(c);
    }

    /** A risk reviewer's (K5) or final approver's (K2) decision on their task of the current step. */
    public Contract decide(UUID id, Decision decision, String comment) {
        Contract c = access.visibleForUpdate(id);
        List<PendingApproval> pending = pendingForMe();
        ContractActor actor = access.actor(c, pending);
        if (c.approvalId() != null && !c.availableActions(actor).contains(ContractAction.APPROVE)) {
            // a second decision (a double click) is told who decided (409), not that the step is not theirs
            approvals.refuseSecondDecision(c.approvalId(), actor.userId());
        }
        c.requireAction(actor, ContractAction.APPROVE);
        if (decision == Decision.REJECT) {
            throw new FieldValidationException("decision", "contract.decision.noReject");
        }
        PendingApproval task = pending.stream().filter(p -> p.subjectId().equals(c.id().toString())
                && p.stepIndex() != ContractReviews.REVIEW_STEP).findFirst().orElseThrow();
        ApprovalView view = approvals.decide(c.approvalId(), task.taskId(), actor.userId(), decision, comment, List.of());
        events.record(c.id(), decision == Decision.APPROVE ? "APPROVAL_GIVEN" : "APPROVAL_RETURNED", actor.userId(),
                task.stepName(), now());
        follow(c, view);
        return contracts.save(c);
    }

    /**
     * Carries the approval's state onto the contract after a decision taken anywhere (the approvals
     * screens too): called by the approval events' listener; does nothing when already in step.
     */
    public void followApproval(UUID contractId, UUID approvalId) {
        contracts.findLockedById(contractId).filter(c -> approvalId.equals(c.approvalId())).ifPresent(c ->
                approvals.find(approvalId).ifPresent(view -> {
                    var before = java.util.Arrays.asList(c.status(), c.waitingFor(), c.waitingSince());
                    follow(c, view);
                    // saving unchanged would move the version the decider was just given: their next edit would be 409
                    if (!before.equals(java.util.Arrays.asList(c.status(), c.waitingFor(), c.waitingSince()))) {
                        contracts.save(c);
                    }
                }));
    }

    /**
     * Moves the contract as its approval now stands. The approval is the contract's own ({@code c.approvalId()}, the one
     * its latest submission started or resubmitted), read as it is now: whatever round it is in, it is followed. Its round
     * is not the contract's {@code reviewRound}: a submission after a withdrawal starts a new flow at its own first round
     * while the contract counts every submission (decision 0068). Following is idempotent: the contract moves only from
     * where each step applies (whom it waits for only while in review).
     */
    private void follow(Contract c, ApprovalView view) {
        Instant now = now();
        switch (ContractReviews.stage(view)) {
            case REVIEWING -> c.awaitApprovers(ContractReviews.waitingFor(view), ContractReviews.waitingSince(view, now));
            case FINAL_APPROVAL -> {
                if (c.reviewsPassed(now)) {
                    events.record(c.id(), "REVIEWS_PASSED", null, null, now);
                }
                c.awaitApprovers(ContractReviews.waitingFor(view), ContractReviews.waitingSince(view, now));
            }
            case APPROVED -> {
                if (c.approved(now)) {
                    events.record(c.id(), "APPROVED", ContractReviews.finalApprover(view).orElse(null),
                            "sha256 " + c.reviewCopySha256(), now);
                    deadlines.open(ContractRules.SIGNING, subject(c), c.ownerId(), now);
                    notifier.send(Notification.of(c.ownerId(), NotificationKind.CONTRACT_APPROVED,
                            "contract.notify.approved",
                            "/contracts/" + c.id(), c.number(), c.title()));
                }
            }
            case RETURNED -> {
                if (c.returnedForRevision(now)) {
                    events.record(c.id(), "RETURNED", null, view.state().name(), now);
                }
            }
            case WITHDRAWN -> {
                // the owner withdrew it on the approvals screens: back to them to revise and submit again, as after a
                // rejection (decision 0068); withdrawn by the contract itself (termination), it is no longer in review
                if (c.returnedForRevision(now)) {
                    events.record(c.id(), "RETURNED", null, view.state().name(), now);
                }
            }
        }
    }

    /**
     * APPROVED → SIGNED (K3): the signed scan is kept (a PDF or image, by content), the day and the
     * signatories recorded; the signing deadline is met as of the signing day, the archiving deadline
     * (K4) starts; the opportunity is won and the customer becomes 已签约.
     */
    public Contract sign(UUID id, LocalDate signedOn, String signatories, String fileName, long size,
                         InputStream scan, Long version) {
        Contract c = access.visibleForUpdate(id);
        c.requireAction(actor(c), ContractAction.SIGN);
        c.expectVersion(version);
        Instant now = now();
        UUID me = CurrentUser.require().id();
        if (scan == null) {
            throw new FieldValidationException("scan", "contract.scan.required");
        }
        StoredFile stored = files.keep(c, ContractFiles.Kind.SIGNED_SCAN, null, ContractFiles.SCANS,
                ContractFiles.MAX_SCAN, "scan", fileName, size, scan, me, now);
        requireNotReviewCopy(stored);
        requireNotSignedElsewhere(c, stored);
        c.sign(signedOn, signatories, stored.id(), me, today(now), today(c.approvedAt()), now);
        Instant signedAt = signingInstant(signedOn, now);
        keepLonger(c, rules().keptUntil(signedOn));
        deadlines.meet(ContractRules.SIGNING, subject(c), signedAt);
        deadlines.open(ContractRules.ARCHIVING, subject(c), c.ownerId(), signedAt);
        Contract saved = contracts.save(c);
        events.record(c.id(), "SIGNED", me, signedOn + " " + c.signatories() + " sha256 " + stored.sha256(), now);
        opportunities.contractSigned(c.opportunityId(), c.number(), c.amount(), signedAt);
        customers.reached(c.customerId(), CustomerStatus.SIGNED, signedAt);
        publisher.publishEvent(new ContractSigned(c.id(), c.number(), c.customerId(), c.opportunityId(), c.ownerId(),
                c.amount(), signedOn));
        return saved;
    }

    /** SIGNED → ARCHIVED (K4): the key data on record, where the paper original is kept. */
    public Contract archive(UUID id, String location, Long version) {
        Contract c = access.visibleForUpdate(id);
        c.requireAction(actor(c), ContractAction.ARCHIVE);
        c.expectVersion(version);
        Instant now = now();
        UUID me = CurrentUser.require().id();
        c.archive(location, me, now);
        deadlines.meet(ContractRules.ARCHIVING, subject(c), now);
        Contract saved = contracts.save(c);
        events.record(c.id(), "ARCHIVED", me, c.archiveLocation(), now);
        publisher.publishEvent(new ContractArchived(c.id(), c.number(), c.customerId()));
        return saved;
    }

    /**
     * Terminates the contract with a reason, effective on a day (today when not given; the contract bounds
     * it): a running review is withdrawn, open deadlines cancelled; the termination is
     * its own record, and the contract is kept from then for the retention (R1).
     */
    public Contract terminate(UUID id, String reason, LocalDate effectiveOn, Long version) {
        return terminate(id, reason, effectiveOn, List.of(), version);
    }

    /**
     * {@link #terminate(UUID, String, LocalDate, Long)}, some of whose values the input rules already refused
     * ({@code refused}, read as null): refused with every other problem of the termination named beside them.
     */
    public Contract terminate(UUID id, String reason, LocalDate effectiveOn,
                              List<com.lead2cash.platform.FieldValidationException.FieldError> refused, Long version) {
        Contract c = access.visibleForUpdate(id);
        c.requireAction(actor(c), ContractAction.TERMINATE);
        c.requireVersion(version);
        Instant now = now();
        Contract.Termination termination = c.terminate(reason, effectiveOn, refused, zone, now);
        ContractStatus before = termination.before();
        LocalDate effective = termination.effectiveOn();
        UUID me = CurrentUser.require().id();
        if (before == ContractStatus.IN_REVIEW || before == ContractStatus.FINAL_APPROVAL
                || before == ContractStatus.REVISING) {
            approvals.find(c.approvalId()).filter(v -> v.state() == ApprovalView.State.IN_PROGRESS
                    || v.state() == ApprovalView.State.SENT_BACK).ifPresent(v -> approvals.withdraw(v.id(), c.ownerId()));
        }
        deadlines.cancel(ContractRules.SIGNING, subject(c));
        deadlines.cancel(ContractRules.ARCHIVING, subject(c));
        keepLonger(c, rules().keptUntil(effective.isAfter(today(now)) ? effective : today(now)));
        jdbc.sql("insert into contract_termination (id, contract_id, reason, effective_on, status_before, terminated_by, "
                        + "terminated_at) values (:id, :c, :reason, :on, :before, :by, :at)")
                .param("id", com.lead2cash.platform.Ids.newId()).param("c", c.id()).param("reason", termination.reason())
                .param("on", Date.valueOf(effective)).param("before", before.name()).param("by", me)
                .param("at", Timestamp.from(now)).update();
        Contract saved = contracts.save(c);
        events.record(c.id(), "TERMINATED", me, termination.reason(), now);
        publisher.publishEvent(new ContractTerminated(c.id(), c.number(), c.customerId(), before.signed(), effective));
        return saved;
    }

    /** The contract's termination as recorded: the day it takes effect and why; empty unless terminated. */
    @Transactional(readOnly = true)
    public java.util.Optional<Contract.Termination> termination(Contract c) {
        if (c.terminatedAt() == null) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select status_before, effective_on, reason from contract_termination where contract_id = :c")
                .param("c", c.id())
                .query((rs, n) -> new Contract.Termination(ContractStatus.valueOf(rs.getString("status_before")),
                        rs.getDate("effective_on").toLocalDate(), rs.getString("reason")))
                .optional();
    }

    /**
     * A PDF the product rendered for review (what {@code GET /contracts/{id}/pdf} serves once submitted) — of this
     * contract or any other, of any round — is no signed paper: a scan byte for byte one of them is refused (422).
     */
    private void requireNotReviewCopy(StoredFile stored) {
        if (contracts.isReviewCopy(stored.sha256())) {
            throw new FieldValidationException("scan", "contract.scan.unsigned");
        }
    }

    /**
     * One paper signs one contract (K3), the contract or one of its amendments: a scan — to sign a contract or record an
     * amendment — byte for byte another contract's signed scan or one of its amendments' scans is refused (422), naming
     * that contract to a reader who may see it and not to one who may not. Two signings or amendments with one file at
     * once go one at a time (the scan's hash held), so the second is refused too. (The contract's own papers an amendment
     * is told apart from in {@link #amend}: the same amendment again, the contract's own signed scan.)
     */
    private void requireNotSignedElsewhere(Contract c, StoredFile stored) {
        contracts.holdScan(stored.sha256());
        contracts.findSignedPaperWithScan(stored.sha256(), c.id()).flatMap(contracts::findById).ifPresent(other -> {
            if (access.isVisible(other.ownerId(), other.submittedAt() != null)) {
                throw new FieldValidationException("scan", "contract.scan.signedForAnother", other.number());
            }
            throw new FieldValidationException("scan", "contract.scan.signedForAnotherUnseen");
        });
    }

    /**
     * A signed amendment (补充协议) with its scan: its own record; the contract's text stays as signed. A scan an
     * earlier amendment or the contract itself holds already is refused (422): the same paper is not recorded twice;
     * nor is any unsigned review PDF, nor another contract's signed paper (K3, as signing).
     */
    public ContractAmendment amend(UUID id, String title, String summary, BigDecimal amountChange, LocalDate signedOn,
                                   String fileName, long size, InputStream scan) {
        Contract c = access.visibleForUpdate(id);
        c.requireAction(actor(c), ContractAction.AMEND);
        Instant now = now();
        UUID me = CurrentUser.require().id();
        if (scan == null) {
            throw new FieldValidationException("scan", "contract.scan.required");
        }
        StoredFile stored = files.keep(c, ContractFiles.Kind.AMENDMENT_SCAN, null, ContractFiles.SCANS,
                ContractFiles.MAX_SCAN, "scan", fileName, size, scan, me, now);
        List<ContractAmendment> earlier = amendments.findByContractIdOrderByCreatedAt(c.id());
        // the same scan again (a second click, a retried upload) is the amendment already recorded, not another one
        java.util.Map<UUID, String> shaOf = files.of(c.id()).stream().collect(java.util.stream.Collectors.toMap(
                ContractFiles.ContractFile::id, ContractFiles.ContractFile::sha256, (a, b) -> a));
        earlier.stream().filter(a -> stored.sha256().equals(shaOf.get(a.scanFileId()))).findFirst().ifPresent(a -> {
            throw new FieldValidationException("scan", "contract.amendment.sameScan", a.number());
        });
        if (c.scanFileId() != null && stored.sha256().equals(shaOf.get(c.scanFileId()))) {
            throw new FieldValidationException("scan", "contract.amendment.sameAsContractScan", c.number());
        }
        requireNotReviewCopy(stored);
        requireNotSignedElsewhere(c, stored);
        BigDecimal current = earlier.stream().map(ContractAmendment::amountChange).reduce(c.amount(), BigDecimal::add);
        ContractAmendment amendment = amendments.save(ContractAmendment.record(c, current, earlier.size() + 1,
                title, summary, amountChange, signedOn, stored.id(), me, today(now), now));
        events.record(c.id(), "AMENDED", me, amendment.number() + " " + amendment.title(), now);
        // heard in this transaction: receivables re-plan to the new amount or refuse it, and then nothing is kept
        publisher.publishEvent(new ContractAmended(c.id(), amendment.id(), amendment.number(), amendment.amountChange(),
                current.add(amendment.amountChange()), amendment.signedOn()));
        // the opportunity it won is the deal as closed: its amount follows the amended one (decision 0087)
        opportunities.contractAmended(c.opportunityId(), c.number(), amendment.number(),
                current.add(amendment.amountChange()));
        return amendment;
    }

    /** R1: after the retention has ended, the contract and its files may be deleted; before, it is refused. */
    public void delete(UUID id) {
        Contract c = access.visibleForUpdate(id);
        c.requireAction(actor(c), ContractAction.DELETE);
        c.requireRetentionEnded(today(now()));
        deadlines.cancel(ContractRules.SIGNING, subject(c));
        deadlines.cancel(ContractRules.ARCHIVING, subject(c));
        files.deleteAll(c.id());
        contracts.delete(c);
        audit.record("CONTRACT_DELETED", ContractAccess.SUBJECT, c.id(), "contract.audit.deleted", c.number(),
                c.retainUntil());
    }

    /** Reading a signed contract's file or PDF is evidence of who saw it: every read is audited. */
    public void readFile(Contract c, StoredFile file) {
        if (c.status().signed() || c.signedOn() != null) {
            audit.record("CONTRACT_FILE_READ", ContractAccess.SUBJECT, c.id(), "contract.audit.fileRead", c.number(),
                    file.fileName(), file.sha256());
        }
    }

    /** The contract as the PDF the reviewers saw: the kept copy of the current round, checked against its hash. */
    public StoredFile approvedCopy(Contract c) {
        if (c.reviewCopyFileId() == null || c.status().editable()) {
            throw new RecordNotFoundException("File", c.id());
        }
        StoredFile f = files.ofContract(c.id(), c.reviewCopyFileId());
        if (!f.sha256().equals(c.reviewCopySha256()) || !files.verify(f.id())) {
            throw new IllegalStateException("the kept PDF of " + c.number() + " no longer matches its SHA-256");
        }
        return f;
    }

    private void keepLonger(Contract c, LocalDate until) {
        c.keepUntil(until);
        files.retainAllUntil(c.id(), c.retainUntil());
    }

    /**
     * The moment a signing counts from: now when signed today; a signing recorded later counts at the end
     * of its day (the deadlines measure when it was signed, not when it was typed in).
     */
    private Instant signingInstant(LocalDate signedOn, Instant now) {
        if (signedOn.equals(today(now))) {
            return now;
        }
        Instant endOfDay = signedOn.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
        return endOfDay.isAfter(now) ? now : endOfDay;
    }

    private ContractRules rules() {
        return policy.current().bind(ContractRules.class);
    }

    static SubjectRef subject(Contract c) {
        return SubjectRef.of(ContractAccess.SUBJECT, c.id());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
