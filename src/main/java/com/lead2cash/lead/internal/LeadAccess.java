package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadActor;
import com.lead2cash.lead.internal.domain.LeadRepository;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.lead.internal.domain.SeniorityRule;
import com.lead2cash.lead.internal.domain.TerritoryStanding;
import com.lead2cash.lead.internal.routing.TerritoryTeams;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import com.lead2cash.sop.SopPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which leads the signed-in person reaches, and who they are to a lead. Unowned leads (the pool) are
 * in everyone's hands who works leads; owned ones follow the data scope; whoever captured a lead may
 * still read it, and so may a claimant of its open contest until a manager decides it, but neither
 * changes it once it is owned outside their scope; the manager the contest goes to reads and decides it.
 * Anything else is not found.
 */
@Component
public class LeadAccess {

    /**
     * Roles that work with leads at all: the lead screens and API admit them and no one else (403), and the deadline
     * screens link a lead and name its company only for them.
     */
    public static final Set<Role> READERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT, Role.MARKETING, Role.ADMIN);

    /** {@link #READERS} as the routes' {@code @PreAuthorize} takes it. */
    public static final String READER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','MARKETING','ADMIN')";

    private final LeadRepository leads;
    private final DataScope dataScope;
    private final OrgDirectory directory;
    private final SopPolicy policy;
    private final TerritoryTeams teams;
    private final Clock clock;
    private final ZoneId zone;

    LeadAccess(LeadRepository leads, DataScope dataScope, OrgDirectory directory, SopPolicy policy,
               TerritoryTeams teams, Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.teams = teams;
        this.leads = leads;
        this.dataScope = dataScope;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
        this.zone = zone;
    }

    /** A lead the person may read. */
    public Lead readable(UUID leadId) {
        Lead lead = find(leadId);
        if (!readableByOwnerAndCapturer().test(lead.ownerId(), lead.capturedBy()) && !contestingIt(lead)
                && !decidingItsContest(lead)) {
            throw new RecordNotFoundException(Lead.SUBJECT, leadId);
        }
        return lead;
    }

    /**
     * Who may read a lead by its owner and who captured it (in that order): unowned, owned within the reader's
     * scope, or captured by them — {@link #readable}'s rule (with a contest's claimants), asked of many leads at
     * once on the deadline screens, the reader's scope read once. A reader in none of the {@link #READERS} roles
     * reads no lead (its routes refuse them).
     */
    public BiPredicate<UUID, UUID> readableByOwnerAndCapturer() {
        CurrentUser me = CurrentUser.get().orElse(null);
        if (me != null && !me.hasAny(READERS)) {
            return (ownerId, capturedBy) -> false;
        }
        Scope scope = me == null ? null : dataScope.current();
        return (ownerId, capturedBy) -> ownerId == null || (me != null && (scope.covers(ownerId)
                || me.id().equals(capturedBy)));
    }

    /** Whether the person on this thread works with leads (one of the {@link #READERS}); no one: false. */
    public static boolean readsLeads() {
        return CurrentUser.get().filter(me -> me.hasAny(READERS)).isPresent();
    }

    /** A lead the person may act on: in the pool or within their scope. */
    public Lead changeable(UUID leadId) {
        Lead lead = find(leadId);
        if (!inScope(lead)) {
            throw new RecordNotFoundException(Lead.SUBJECT, leadId);
        }
        return lead;
    }

    /**
     * A lead to claim, its row locked so that claims of one lead are decided one at a time. Its scope
     * is the lead's to judge: a rep may join the contest of an A lead another rep claimed moments ago.
     */
    Lead lockedForClaim(UUID leadId) {
        return leads.findByIdForUpdate(leadId).orElseThrow(() -> new RecordNotFoundException(Lead.SUBJECT, leadId));
    }

    /** The person on this thread as the lead's rules see them. */
    public LeadActor actor(Lead lead) {
        CurrentUser me = CurrentUser.require();
        LeadRules rules = policy.current().bind(LeadRules.class);
        LocalDate hired = me.hasAny(Role.SALES_REP, Role.ACCOUNT_MANAGER)
                ? directory.person(me.id()).map(OrgDirectory.Person::hireDate).orElse(null) : null;
        boolean curator = me.isManager() || me.hasAny(Role.MARKETING, Role.SALES_ASSISTANT, Role.ADMIN);
        return new LeadActor(me.id(), me.isManager(), me.hasAny(Role.SALES_REP, Role.ACCOUNT_MANAGER), curator,
                seniority(rules, hired), inScope(lead), teams.standingOf(lead, me.id()));
    }

    /** Whether a person counts as senior for A leads today (L4), as claims and routing judge them. */
    public SeniorityRule.Seniority seniorityOf(OrgDirectory.Person person) {
        return seniority(policy.current().bind(LeadRules.class), person.hireDate());
    }

    /** The months of service that make a rep senior for A leads (L4), from the policy in force. */
    public int seniorityMonths() {
        return policy.current().bind(LeadRules.class).seniority().months();
    }

    /** Whether the lead's owner counts as senior for A leads today (L4); null when it has no owner. */
    public SeniorityRule.Seniority seniorityOfOwner(Lead lead) {
        if (lead.ownerId() == null) {
            return null;
        }
        return seniority(policy.current().bind(LeadRules.class),
                directory.person(lead.ownerId()).map(OrgDirectory.Person::hireDate).orElse(null));
    }

    private SeniorityRule.Seniority seniority(LeadRules rules, LocalDate hired) {
        return rules.seniority().of(hired, LocalDate.ofInstant(clock.instant(), zone));
    }

    boolean inScope(Lead lead) {
        return lead.ownerId() == null || dataScope.current().covers(lead.ownerId()) || decidingItsContest(lead);
    }

    /** Where a person stands to the team of the lead's territory, as assignments judge the assignee (L4/L5). */
    public TerritoryStanding territoryStandingOf(Lead lead, UUID person) {
        return teams.standingOf(lead, person);
    }

    private boolean decidingItsContest(Lead lead) {
        return CurrentUser.get().map(me -> lead.contestDecidedBy(me.id())).orElse(false);
    }

    private boolean contestingIt(Lead lead) {
        return CurrentUser.get().map(me -> lead.contestedBy(me.id())).orElse(false);
    }

    private Lead find(UUID leadId) {
        if (leadId == null) {
            throw new FieldValidationException("leadId", "lead.required");
        }
        return leads.findById(leadId).orElseThrow(() -> new RecordNotFoundException(Lead.SUBJECT, leadId));
    }
}
