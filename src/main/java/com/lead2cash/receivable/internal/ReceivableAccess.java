package com.lead2cash.receivable.internal;

import com.lead2cash.contract.Contracts;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import com.lead2cash.receivable.internal.domain.Receivable;
import com.lead2cash.receivable.internal.domain.ReceivableRepository;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Who may see and work which payment plan — the one place of the module's data scope. A plan is visible
 * when its owner (the contract's rep) is within the reader's scope; finance sees all (its scope is ALL)
 * and alone records receipts. Out of scope answers 404; roles that never see receivables get 403.
 */
@Component
public class ReceivableAccess {

    public static final String SUBJECT = "Receivable";
    public static final String RECEIPT = "Receipt";

    public static final String READER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','FINANCE','ADMIN')";
    public static final String FINANCE_ROLES = "hasAnyRole('FINANCE','ADMIN')";
    /** Who lists receipts: finance, and those who see every receivable (the director, the administrator). */
    public static final String RECEIPT_READER_ROLES = "hasAnyRole('FINANCE','ADMIN','SALES_DIRECTOR')";

    public static final Set<Role> READERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT, Role.FINANCE, Role.ADMIN);
    public static final Set<Role> SALES = Set.of(Role.SALES_REP, Role.ACCOUNT_MANAGER);

    private final ReceivableRepository plans;
    private final DataScope dataScope;
    private final Contracts contracts;

    ReceivableAccess(ReceivableRepository plans, DataScope dataScope, Contracts contracts) {
        this.plans = plans;
        this.dataScope = dataScope;
        this.contracts = contracts;
    }

    public Scope scope() {
        return dataScope.current();
    }

    public Receivable visible(UUID id) {
        Receivable r = plans.findById(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        dataScope.requireVisible(SUBJECT, id, r.ownerId());
        return r;
    }

    public Receivable visibleForUpdate(UUID id) {
        Receivable r = plans.findByIdForUpdate(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        dataScope.requireVisible(SUBJECT, id, r.ownerId());
        return r;
    }

    /**
     * A contract's cards (its plans, its figures) answer only a reader of the contract: another team's contract is
     * not found, as its page is — not an empty card or "no payment plans yet", which is untrue of a contract that has
     * them.
     */
    public void requireOpenableContract(UUID contractId) {
        if (!contracts.mayOpen(contractId)) {
            throw new RecordNotFoundException("Contract", contractId);
        }
    }

    /** Whether plans of these owners are visible ({@link #visible}'s rule), for many at once: the scope is read once. */
    public Predicate<UUID> visibleOwners() {
        if (CurrentUser.get().isEmpty()) {
            return ownerId -> false;
        }
        Scope scope = scope();
        return scope::covers;
    }

    /** Finance (and the administrator) record and reverse receipts and write plans off. */
    public static boolean isFinance(CurrentUser me) {
        return me.hasAny(Role.FINANCE, Role.ADMIN);
    }

    public static void requireFinance() {
        if (!isFinance(CurrentUser.require())) {
            throw new ForbiddenException("receivable.financeOnly");
        }
    }

    /** Whether the current user owns the plan or manages its owner. */
    public boolean works(Receivable r) {
        CurrentUser me = CurrentUser.require();
        return me.id().equals(r.ownerId()) || (me.isManager() && scope().covers(r.ownerId()));
    }
}
