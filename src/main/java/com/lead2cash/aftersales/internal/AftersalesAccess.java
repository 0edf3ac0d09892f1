package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.internal.domain.Complaint;
import com.lead2cash.aftersales.internal.domain.ComplaintRepository;
import com.lead2cash.aftersales.internal.domain.Handover;
import com.lead2cash.aftersales.internal.domain.HandoverRepository;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.ScopeKind;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.springframework.stereotype.Component;

/**
 * Who may see and work which handover and complaint — the one place of the after-sales module's data
 * scope. A handover is visible when its rep or its after-sales owner is within the reader's scope; a
 * complaint when its handler or the customer's rep is. Anything else answers 404 alike; roles that never
 * see after-sales records get 403 at the door. An after-sales person sees their own records, and the one
 * who manages their unit (售后经理) the whole unit's: who it was handed to, complaints and their SLA.
 */
@Component
public class AftersalesAccess {

    public static final String HANDOVER = "Handover";
    public static final String HANDOVER_REVIEW = "HandoverReview";
    public static final String COMPLAINT = "Complaint";
    public static final String SURVEY = "SatisfactionSurvey";

    public static final String READER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','AFTER_SALES','ADMIN')";

    /** Those who may ever work a complaint ({@link #actor(Complaint)}): the sellers and after-sales. */
    public static final String COMPLAINT_WORKER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','AFTER_SALES')";
    /** Those who may ever take the rep's steps of a handover ({@link #actor(Handover)}): the sellers. */
    public static final String HANDOVER_SELLER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT')";
    /** Those who may ever accept or return a handover: its after-sales owner, who is named from after-sales. */
    public static final String HANDOVER_OWNER_ROLES = "hasRole('AFTER_SALES')";

    static final Set<Role> READERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT, Role.AFTER_SALES, Role.ADMIN);
    /** Those who hand customers over and may take complaints for their customers. */
    static final Set<Role> SELLERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT);

    private final HandoverRepository handovers;
    private final ComplaintRepository complaints;
    private final DataScope dataScope;
    private final OrgDirectory org;

    AftersalesAccess(HandoverRepository handovers, ComplaintRepository complaints, DataScope dataScope,
                     OrgDirectory org) {
        this.handovers = handovers;
        this.complaints = complaints;
        this.dataScope = dataScope;
        this.org = org;
    }

    /** The reader's scope in after-sales: their role's, widened to their unit when they manage it. */
    public Scope scope() {
        Scope scope = dataScope.current();
        if (scope.kind() != ScopeKind.SELF) {
            return scope;
        }
        CurrentUser me = CurrentUser.require();
        boolean managesUnit = me.roles().contains(Role.AFTER_SALES) && me.orgUnitId() != null
                && org.managerOfUnit(me.orgUnitId()).map(m -> m.id().equals(me.id())).orElse(false);
        return managesUnit ? dataScope.teamOf(me) : scope;
    }

    Handover handover(UUID id, boolean forUpdate) {
        Handover h = (forUpdate ? handovers.findLockedById(id) : handovers.findById(id))
                .orElseThrow(() -> new RecordNotFoundException(HANDOVER, id));
        if (!visibleByEither().test(h.repId(), h.serviceOwnerId())) {
            throw new RecordNotFoundException(HANDOVER, id);
        }
        return h;
    }

    Complaint complaint(UUID id, boolean forUpdate) {
        Complaint c = (forUpdate ? complaints.findLockedById(id) : complaints.findById(id))
                .orElseThrow(() -> new RecordNotFoundException(COMPLAINT, id));
        if (!isVisible(c)) {
            throw new RecordNotFoundException(COMPLAINT, id);
        }
        return c;
    }

    boolean isVisible(Complaint c) {
        return visibleByEither().test(c.handlerId(), c.customerOwnerId());
    }

    /**
     * Whether a record with these two people is visible: a handover by its rep and its after-sales owner, a
     * complaint by its handler and the customer's rep — either within the reader's scope. Asked for many records
     * at once, the reader's roles and scope are read once.
     */
    BiPredicate<UUID, UUID> visibleByEither() {
        if (!isReader()) {
            return (one, other) -> false;
        }
        Scope scope = scope();
        return (one, other) -> scope.covers(one) || scope.covers(other);
    }

    /**
     * Whether the reader serves the customer in after-sales beyond the customer module's own scope (SPEC §1: after-sales'
     * "assigned customers"): its after-sales owner — the owner of its latest accepted handover, who handles its complaints
     * (H1) — is within the reader's scope, or, for a record about one of its complaints ({@code complaintId}, may be
     * null), that complaint's handler is. What is read for such a customer (its satisfaction surveys) follows this.
     */
    public boolean serves(UUID customerId, UUID complaintId) {
        if (!isReader()) {
            return false;
        }
        Scope scope = scope();
        if (handovers.findServiceOwner(customerId).filter(scope::covers).isPresent()) {
            return true;
        }
        return complaintId != null && complaints.findById(complaintId)
                .filter(c -> c.customerId().equals(customerId) && scope.covers(c.handlerId())).isPresent();
    }

    /**
     * Whether the person may be named the complaint's handler: an active after-sales colleague, or an active
     * sales colleague whose own data scope covers the customer's rep. Naming someone else would hand them a
     * customer's complaint they may not otherwise see (handler's scope decides who reads it).
     */
    boolean mayHandle(OrgDirectory.Person person, Complaint c) {
        return mayHandle(person, c.customerOwnerId());
    }

    /** {@link #mayHandle(OrgDirectory.Person, Complaint)} for a complaint of the customer whose rep is this. */
    private boolean mayHandle(OrgDirectory.Person person, UUID customerOwnerId) {
        if (!person.active()) {
            return false;
        }
        if (person.roles().contains(Role.AFTER_SALES)) {
            return true;
        }
        if (person.roles().stream().noneMatch(SELLERS::contains)) {
            return false;
        }
        return dataScope.of(CurrentUser.of(person)).covers(customerOwnerId);
    }

    /**
     * Whether the current user may receive a complaint of a customer whose rep is {@code customerOwnerId}: whoever
     * receives one may be its handler ({@link #mayHandle}) — after-sales staff, or a seller who serves the customer —
     * as the handler named at receipt is the customer's after-sales owner or, without one, the one who received it
     * (SPEC §1: complaints are after-sales' and the sellers' business; an administrator's rights are elsewhere; 0091).
     */
    boolean mayReceive(UUID customerOwnerId) {
        CurrentUser me = CurrentUser.require();
        return receivesComplaints() && org.person(me.id()).filter(p -> mayHandle(p, customerOwnerId)).isPresent();
    }

    /** Whether the current user's roles ever receive complaints (after-sales, the sellers): the list offers "new". */
    public boolean receivesComplaints() {
        return CurrentUser.require().roles().stream().anyMatch(r -> SELLERS.contains(r) || r == Role.AFTER_SALES);
    }

    /**
     * Whether the current user serves customers without selling to them: an after-sales person, who takes complaints
     * only for the customers handed over to them (H1), not on a customer's page where those who sell record one (the
     * customers they serve they read there, read only: decision 0121).
     */
    public boolean servesOnly() {
        CurrentUser me = CurrentUser.require();
        return me.roles().contains(Role.AFTER_SALES) && !me.hasAny(SELLERS);
    }

    public Handover.Actor actor(Handover h) {
        CurrentUser me = CurrentUser.require();
        boolean seller = me.hasAny(SELLERS) && scope().covers(h.repId());
        return new Handover.Actor(me.id(), seller);
    }

    public Complaint.Actor actor(Complaint c) {
        CurrentUser me = CurrentUser.require();
        boolean works = me.roles().stream().anyMatch(r -> SELLERS.contains(r) || r == Role.AFTER_SALES)
                && scope().covers(c.handlerId());
        return new Complaint.Actor(me.id(), works);
    }

    private static boolean isReader() {
        return CurrentUser.get().map(me -> me.hasAny(READERS)).orElse(false);
    }
}
