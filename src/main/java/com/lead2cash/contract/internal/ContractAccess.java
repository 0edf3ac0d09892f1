package com.lead2cash.contract.internal;

import com.lead2cash.approval.PendingApproval;
import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractActor;
import com.lead2cash.contract.internal.domain.ContractRepository;
import com.lead2cash.contract.internal.domain.Department;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may see and work which contract — the one place of the contract module's data scope. A contract
 * is visible when its owner is within the reader's scope (SPEC §1); the reviewing departments (legal,
 * finance, operations) also see every contract once it has been submitted for review, because reviewing
 * and keeping contracts is their work. Anything else answers 404 alike; roles that never see contracts
 * get 403 at the door.
 */
@Component
public class ContractAccess {

    public static final String SUBJECT = "Contract";

    public static final String READER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','FINANCE','LEGAL','OPERATIONS','ADMIN')";
    public static final String TEMPLATE_EDITOR_ROLES = "hasAnyRole('LEGAL','ADMIN')";

    /*
     * The roles that may ever take a contract's action, as Contract.requireAction tells whose it is: a route names them,
     * so any other role gets 403 whatever it sends (docs/decisions/0014-refusals.md).
     */
    /** Edit, submit, sign, amend, attach: those who work contracts (the sellers). */
    public static final String SELLER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT')";
    /** A department's review (K1): the reviewing departments' roles. */
    public static final String REVIEWER_ROLES = "hasAnyRole('LEGAL','FINANCE','OPERATIONS')";
    /** A risk review's or final approval's decision (K5, K2): the managers, finance and legal. */
    public static final String APPROVER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'FINANCE','LEGAL')";
    /** Archive and terminate: the sellers, legal and the administrator. */
    public static final String KEEPER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','LEGAL','ADMIN')";
    /** Delete after retention (R1): legal and the administrator. */
    public static final String DELETER_ROLES = "hasAnyRole('LEGAL','ADMIN')";

    /** The screens' answer to {@link #TEMPLATE_EDITOR_ROLES}: whether the current user manages templates. */
    public static boolean mayManageTemplates() {
        CurrentUser me = CurrentUser.require();
        return me.has(Role.LEGAL) || me.has(Role.ADMIN);
    }

    static final Set<Role> READERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT, Role.FINANCE, Role.LEGAL, Role.OPERATIONS,
            Role.ADMIN);
    /** Those who draft and work contracts (within their data scope). */
    static final Set<Role> SELLERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT);
    /** The reviewing departments, who see every submitted contract. */
    static final Set<Role> REVIEWERS = Set.of(Role.LEGAL, Role.FINANCE, Role.OPERATIONS);

    private final ContractRepository contracts;
    private final DataScope dataScope;
    private final Clock clock;
    private final ZoneId zone;

    ContractAccess(ContractRepository contracts, DataScope dataScope, Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.contracts = contracts;
        this.dataScope = dataScope;
        this.clock = clock;
        this.zone = zone;
    }

    public Scope scope() {
        return dataScope.current();
    }

    public Contract visible(UUID id) {
        Contract c = contracts.findById(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        requireVisible(c);
        return c;
    }

    public Contract visibleForUpdate(UUID id) {
        Contract c = contracts.findLockedById(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        requireVisible(c);
        return c;
    }

    public void requireVisible(Contract c) {
        if (!isVisible(c.ownerId(), c.submittedAt() != null)) {
            throw new RecordNotFoundException(SUBJECT, c.id());
        }
    }

    /** Whether a contract with this owner, submitted or not, is visible to the current user. */
    public boolean isVisible(UUID ownerId, boolean submitted) {
        return visibleContracts().test(ownerId, submitted);
    }

    /**
     * {@link #isVisible} for many contracts at once, asked with an owner and whether it was submitted: the
     * reader's roles and scope are read once (the deadline screens link a page of contracts).
     */
    public BiPredicate<UUID, Boolean> visibleContracts() {
        CurrentUser me = CurrentUser.get().orElse(null);
        if (me == null || me.roles().stream().noneMatch(READERS::contains)) {
            return (ownerId, submitted) -> false;
        }
        Scope scope = scope();
        boolean reviewer = isReviewer(me);
        return (ownerId, submitted) -> scope.covers(ownerId) || (submitted && reviewer);
    }

    /** One of those who draft and work contracts (a sales role). */
    public static boolean isSeller(CurrentUser me) {
        return me.hasAny(SELLERS);
    }

    /** A reviewing department's member sees every submitted contract (the list's condition). */
    public static boolean isReviewer(CurrentUser me) {
        return me.hasAny(REVIEWERS);
    }

    /** Who the current user is for this contract, given the approval tasks waiting for them now. */
    public ContractActor actor(Contract c, List<PendingApproval> pendingForMe) {
        CurrentUser me = CurrentUser.require();
        Scope scope = scope();
        boolean seller = me.hasAny(SELLERS);
        boolean works = seller && scope.covers(c.ownerId());
        boolean manages = me.isManager() && scope.covers(c.ownerId()) && !me.id().equals(c.ownerId());
        Set<Department> reviews = EnumSet.noneOf(Department.class);
        boolean approval = false;
        for (PendingApproval p : pendingForMe) {
            if (!p.subjectId().equals(c.id().toString()) || !p.approvalId().equals(c.approvalId())) {
                continue;
            }
            if (p.stepIndex() == ContractReviews.REVIEW_STEP) {
                ContractReviews.departmentOf(p).ifPresent(reviews::add);
            } else {
                approval = true;
            }
        }
        return new ContractActor(me.id(), me.roles(), works, manages, reviews, approval, LocalDate.now(clock.withZone(zone)));
    }
}
