package com.lead2cash.order.internal;

import com.lead2cash.order.internal.domain.Order;
import com.lead2cash.order.internal.domain.OrderAction;
import com.lead2cash.order.internal.domain.OrderRepository;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.FieldRules;
import com.lead2cash.platform.FieldSight;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Who may see and work which order — the one place of the order module's data scope. An order is
 * visible when its owner (the contract's rep) is within the reader's scope; operations, who prepare and
 * ship every order, see all. Out of scope answers 404; roles that never see orders get 403.
 */
@Component
public class OrderAccess {

    public static final String SUBJECT = "Order";

    public static final String READER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','OPERATIONS','FINANCE','ADMIN')";
    public static final Set<Role> READERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT, Role.OPERATIONS, Role.FINANCE, Role.ADMIN);
    /** Those whose part preparing, shipping and the waybill are ({@link Order#theirs}): operations. */
    public static final String OPERATIONS_ROLES = "hasAnyRole('OPERATIONS','ADMIN')";
    /** Those whose part the progress notes, telling the customer of a delay and the acceptance may be: the sellers. */
    public static final String SELLER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT')";
    /** Those whose part a delay and the delivery may be: the sellers and operations. */
    public static final String SELLER_OR_OPERATIONS_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER',"
            + "'SALES_MANAGER','SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','OPERATIONS','ADMIN')";
    static final Set<Role> SELLERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT);

    private final OrderRepository orders;
    private final DataScope dataScope;
    private final FieldRules fieldRules;

    OrderAccess(OrderRepository orders, DataScope dataScope, FieldRules fieldRules) {
        this.orders = orders;
        this.dataScope = dataScope;
        this.fieldRules = fieldRules;
    }

    public Scope scope() {
        return dataScope.current();
    }

    public boolean isVisible(UUID ownerId) {
        return visibleOwners().test(ownerId);
    }

    /** {@link #isVisible} for many orders' owners at once: the reader's scope is read once. */
    public Predicate<UUID> visibleOwners() {
        CurrentUser me = CurrentUser.get().orElse(null);
        if (me == null) {
            return ownerId -> false;
        }
        if (me.has(Role.OPERATIONS)) {
            return ownerId -> true;
        }
        Scope scope = scope();
        return scope::covers;
    }

    public Order visible(UUID id) {
        Order o = orders.findById(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        if (!isVisible(o.ownerId())) {
            throw new RecordNotFoundException(SUBJECT, id);
        }
        return o;
    }

    public Order visibleForUpdate(UUID id) {
        Order o = orders.findByIdForUpdate(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        if (!isVisible(o.ownerId())) {
            throw new RecordNotFoundException(SUBJECT, id);
        }
        return o;
    }

    /** The seller who owns the order or manages its owner (within scope). */
    public boolean works(Order o) {
        CurrentUser me = CurrentUser.require();
        return me.hasAny(SELLERS) && scope().covers(o.ownerId());
    }

    /**
     * The consignee's phone as the reader sees it: whole for the owner and those above (SPEC §1) and for operations,
     * who ship to it; masked for the rest (finance reads every order for its money, not to call the consignee) — each
     * through the roles an administrator left on the default rule for it, masked or hidden otherwise.
     */
    public String consigneePhone(Order o) {
        CurrentUser me = CurrentUser.get().orElse(null);
        FieldSight sight = fieldRules.sight(ProtectedField.CONSIGNEE_PHONE);
        boolean whole = me != null && (sight.keepsDefault(Role.OPERATIONS)
                || dataScope.personalData(ProtectedField.CONSIGNEE_PHONE).covers(o.ownerId()));
        return sight.shown(o.consigneePhone(), whole);
    }

    public static boolean isOperations(CurrentUser me) {
        return me.hasAny(Role.OPERATIONS, Role.ADMIN);
    }

    /**
     * The 403 of an action that is not the caller's part ({@link Order#theirs}), in the order's words: the action, and
     * whose part preparing, shipping, progress and the acceptance are — said alike by the service and by a route that
     * refuses the role before reading the body ({@code OrderRoleRefusal}).
     */
    public static ForbiddenException notYours(OrderAction action) {
        return new ForbiddenException("order.action.notYours", Label.of("order.action", action));
    }
}
