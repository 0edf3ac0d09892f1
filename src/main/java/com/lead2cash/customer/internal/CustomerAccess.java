package com.lead2cash.customer.internal;

import com.lead2cash.customer.ServedCustomers;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerActor;
import com.lead2cash.customer.internal.domain.CustomerRepository;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may see and touch which customer — the one place of the customer module's data scope:
 * an owned customer is visible when its owner is within the reader's scope (SPEC §1), a customer in
 * the public pool to everyone who works customers; anything else answers 404 alike. Personal data of
 * contacts is shown to the owner and those above (an ALL scope for pool customers) and masked
 * otherwise — masking fails closed.
 */
@Component
public class CustomerAccess {

    public static final String SUBJECT = "Customer";

    /** Roles that work with customers at all (others get 403 on the customer screens and API). */
    public static final Set<Role> READERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT, Role.FINANCE, Role.ADMIN);

    public static final String READER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','FINANCE','ADMIN')";

    /**
     * Roles that read the customers they serve without selling to them (SPEC §1: after-sales' "assigned customers",
     * {@link ServedCustomers}): the customer's page and its reads, never the list, the pool nor a seller's action.
     */
    public static final Set<Role> SERVICE_READERS = Set.of(Role.AFTER_SALES);

    /** {@link #READER_ROLES} and the {@link #SERVICE_READERS}: the routes that read one customer served. */
    public static final String CUSTOMER_READER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','FINANCE','ADMIN','AFTER_SALES')";

    /** Roles that register customers and work with them day to day (finance only reads and sets credit). */
    public static final String WORKER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','ADMIN')";

    private final CustomerRepository customers;
    private final DataScope dataScope;
    private final ObjectProvider<ServedCustomers> served;

    CustomerAccess(CustomerRepository customers, DataScope dataScope, ObjectProvider<ServedCustomers> served) {
        this.customers = customers;
        this.dataScope = dataScope;
        this.served = served;
    }

    public Scope scope() {
        return dataScope.current();
    }

    /** The owners whose contacts' {@code field} the reader sees unmasked ({@link DataScope#personalData}). */
    public Scope personalDataScope(ProtectedField field) {
        return dataScope.personalData(field);
    }

    /**
     * The customer if the current user may see it (merged ones too: their page leads on), or reads it as the one who
     * serves it ({@link #isReadable}), else 404. Only for reading: what changes a customer takes {@link #visibleForUpdate}.
     */
    public Customer visible(UUID id) {
        Customer c = customers.findById(required(id)).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        if (!isReadable(c.id(), c.ownerId())) {
            throw new RecordNotFoundException(SUBJECT, id);
        }
        return c;
    }

    /**
     * Whether the current user may read the customer: it is visible ({@link #isVisible}), or they read customers they
     * serve ({@link #SERVICE_READERS}) and serve this one ({@link ServedCustomers}) — read only, never the pool's.
     */
    public boolean isReadable(UUID id, UUID ownerId) {
        return isVisible(ownerId) || servedByReader(id);
    }

    /** Whether the current user serves the customer in after-sales (and holds a role that reads it so). */
    public boolean servedByReader(UUID id) {
        CurrentUser me = CurrentUser.get().orElse(null);
        return id != null && me != null && me.hasAny(SERVICE_READERS)
                && served.orderedStream().anyMatch(s -> s.servedByCurrentUser(id));
    }

    /** The same, with the row locked for the rest of the transaction. */
    public Customer visibleForUpdate(UUID id) {
        Customer c = customers.findByIdForUpdate(required(id)).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        requireVisible(c);
        return c;
    }

    /**
     * The customer of a record of its own (a contact, an activity, a report) if the current user may see it,
     * else 404 in the record's name: the answer must not tell that the record exists, nor whose it is.
     */
    public Customer visibleParentOf(String subject, Object recordId, UUID customerId) {
        try {
            return visible(customerId);
        } catch (RecordNotFoundException outOfScope) {
            throw new RecordNotFoundException(subject, recordId);
        }
    }

    /** The same, with the customer's row locked for the rest of the transaction. */
    public Customer visibleParentForUpdateOf(String subject, Object recordId, UUID customerId) {
        try {
            return visibleForUpdate(customerId);
        } catch (RecordNotFoundException outOfScope) {
            throw new RecordNotFoundException(subject, recordId);
        }
    }

    public void requireVisible(Customer c) {
        requireVisible(c.id(), c.ownerId());
    }

    /** The same for a customer read as its owner alone (null: the pool), where a page needs nothing else of it. */
    public void requireVisible(UUID id, UUID ownerId) {
        if (!isVisible(ownerId)) {
            throw new RecordNotFoundException(SUBJECT, id);
        }
    }

    /** {@link #requireVisible(UUID, UUID)} for reading: the one who serves the customer reads it too ({@link #isReadable}). */
    public void requireReadable(UUID id, UUID ownerId) {
        if (!isReadable(id, ownerId)) {
            throw new RecordNotFoundException(SUBJECT, id);
        }
    }

    /** A customer id is required before anything is looked up. */
    public static UUID required(UUID id) {
        if (id == null) {
            throw new FieldValidationException("customerId", "customer.required");
        }
        return id;
    }

    /** Whether a customer with this owner (null: the pool) is visible to the current user. */
    public boolean isVisible(UUID ownerId) {
        return readsCustomers() && (ownerId == null || scope().covers(ownerId));
    }

    /**
     * {@link #isVisible} for many owners: the current user's scope is read once (an import's duplicate
     * check discloses the matches of thousands of rows).
     */
    public Predicate<UUID> visibleOwners() {
        if (!readsCustomers()) {
            return ownerId -> false;
        }
        Scope scope = scope();
        return ownerId -> ownerId == null || scope.covers(ownerId);
    }

    private static boolean readsCustomers() {
        CurrentUser me = CurrentUser.get().orElse(null);
        return me != null && me.hasAny(READERS);
    }

    public CustomerActor actor(Customer c) {
        CurrentUser me = CurrentUser.require();
        return new CustomerActor(me.id(), me.roles(), c.ownerId() != null && scope().covers(c.ownerId()));
    }

    /**
     * The owner, those above the owner, and those above everyone for pool customers ({@link DataScope#personalData}:
     * finance reads every customer, not its contacts' personal data); nobody else, and nobody unknown.
     */
    public boolean maySeePersonalData(Customer c, ProtectedField field) {
        if (CurrentUser.get().isEmpty()) {
            return false;
        }
        Scope scope = personalDataScope(field);
        return c.ownerId() == null ? scope.isAll() : scope.covers(c.ownerId());
    }
}
