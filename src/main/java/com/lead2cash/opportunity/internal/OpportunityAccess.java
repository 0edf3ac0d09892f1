package com.lead2cash.opportunity.internal;

import com.lead2cash.opportunity.internal.domain.Opportunity;
import com.lead2cash.opportunity.internal.domain.OpportunityActor;
import com.lead2cash.opportunity.internal.domain.OpportunityRepository;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see which opportunity — the one place of the module's data scope: an opportunity is visible
 * when its owner is within the reader's scope (SPEC §1), or to a tech-support colleague invited to its
 * panel; anything else answers 404 alike. Roles that never see opportunities get 403 at the door.
 */
@Component
public class OpportunityAccess {

    public static final String SUBJECT = "Opportunity";

    /** Roles that see opportunities at all (tech support only those they are invited to). */
    public static final String READER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','FINANCE','ADMIN','TECH_SUPPORT')";
    /** Roles that open and work opportunities. */
    public static final String SELLER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER')";

    static final Set<Role> READERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT, Role.FINANCE, Role.ADMIN, Role.TECH_SUPPORT);

    /**
     * The invitations that grant their invitee the view of their opportunity — those not withdrawn
     * ({@link com.lead2cash.opportunity.internal.domain.EvaluationInvitation#grantsView}), the one place SQL says so:
     * read as a table, {@code from VIEW_GRANTING_INVITATIONS g}, by the lists' sight and the subject descriptions. A
     * plain subquery, PostgreSQL pulls it up into the query that reads it: the invitation indexes serve as before.
     */
    static final String VIEW_GRANTING_INVITATIONS = "(select opportunity_id, invitee_id"
            + " from opportunity_evaluation_invitation where withdrawn_at is null)";

    /** The opportunities an invitation of {@code :invitee} grants the view of, read by its invitee's index. */
    static final String INVITED_OPPORTUNITIES = "select distinct g.opportunity_id from " + VIEW_GRANTING_INVITATIONS
            + " g where g.invitee_id = :invitee";

    private final OpportunityRepository opportunities;
    private final DataScope dataScope;
    private final JdbcClient jdbc;

    OpportunityAccess(OpportunityRepository opportunities, DataScope dataScope, JdbcClient jdbc) {
        this.opportunities = opportunities;
        this.dataScope = dataScope;
        this.jdbc = jdbc;
    }

    public Scope scope() {
        return dataScope.current();
    }

    public Opportunity visible(UUID id) {
        Opportunity o = opportunities.findById(require(id)).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        requireVisible(o);
        return o;
    }

    public Opportunity visibleForUpdate(UUID id) {
        Opportunity o = opportunities.findByIdForUpdate(require(id))
                .orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        requireVisible(o);
        return o;
    }

    public void requireVisible(Opportunity o) {
        if (!isVisible(o)) {
            throw new RecordNotFoundException(SUBJECT, o.id());
        }
    }

    public boolean isVisible(Opportunity o) {
        CurrentUser me = CurrentUser.get().orElse(null);
        return visibleOpportunities().test(o.ownerId(), me != null && o.invitationGrantsView(me.id()));
    }

    /**
     * {@link #isVisible} for many opportunities at once, asked with an owner and whether an invitation of the
     * reader's grants the view ({@link Opportunity#invitationGrantsView}): roles and scope are read once.
     */
    public BiPredicate<UUID, Boolean> visibleOpportunities() {
        CurrentUser me = CurrentUser.get().orElse(null);
        if (me == null || me.roles().stream().noneMatch(READERS::contains)) {
            return (ownerId, invited) -> false;
        }
        Scope scope = scope();
        return (ownerId, invited) -> scope.covers(ownerId) || invited;
    }

    /**
     * {@link #isVisible} for a list query: the reader's scope, and the opportunities an invitation of theirs grants the
     * view of (tech support's panels, O2) — read first, by invitee, and only for a limited scope: most readers hold
     * none, and their lists keep the owner condition alone.
     */
    public Sight sight() {
        Scope scope = scope();
        CurrentUser me = CurrentUser.get().orElse(null);
        if (me == null || scope.isAll()) {
            return new Sight(scope, Set.of());
        }
        return new Sight(scope, Set.copyOf(jdbc.sql(INVITED_OPPORTUNITIES).param("invitee", me.id())
                .query(UUID.class).list()));
    }

    /**
     * What a list shows its reader, as {@link #isVisible} answers it one by one: an opportunity whose owner the scope
     * covers, or one of {@code invited}. Put {@link #predicate} into the list's condition and bind {@link #params}.
     */
    public record Sight(Scope scope, Set<UUID> invited) {

        public static final String INVITED_PARAM = "invitedOpportunities";

        public Sight {
            invited = Set.copyOf(invited);
        }

        /**
         * The condition on the opportunity row {@code alias} ("o." or ""): the scope's owners, or the invited ids — by
         * the primary key, so that PostgreSQL ORs the two indexes instead of testing every row of the scope.
         */
        public String predicate(String alias) {
            String owned = scope.ownerPredicate(alias + "owner_id");
            return invited.isEmpty() ? owned
                    : "(" + owned + " or " + alias + "id = any(cast(:" + INVITED_PARAM + " as uuid[])))";
        }

        public Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>(scope.params());
            if (!invited.isEmpty()) {
                params.put(INVITED_PARAM, invited.toArray(new UUID[0]));
            }
            return params;
        }
    }

    public OpportunityActor actor(Opportunity o) {
        CurrentUser me = CurrentUser.require();
        return new OpportunityActor(me.id(), me.roles(), scope().covers(o.ownerId()), o.invitationGrantsView(me.id()));
    }

    private static UUID require(UUID id) {
        if (id == null) {
            throw new FieldValidationException("opportunityId", "opportunity.required");
        }
        return id;
    }
}
