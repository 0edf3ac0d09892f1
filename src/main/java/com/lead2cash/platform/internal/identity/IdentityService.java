package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.HandedOnWork;
import com.lead2cash.platform.Headships;
import com.lead2cash.platform.HeldRecords;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.OrgUnitReferences;
import com.lead2cash.platform.LikePatterns;
import com.lead2cash.platform.BadRequestException;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.security.ApiTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Manages people and the org tree (administrators), and a user's own password. */
@Service
public class IdentityService {

    static final int MIN_PASSWORD_LENGTH = 8;

    private final UserRepository users;
    private final OrgUnitRepository units;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApiTokens tokens;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    /** The modules that hand on a deactivated person's work (0073). */
    private final ObjectProvider<HandedOnWork> handedOn;
    /** The modules whose records name org units: a unit they name is not deleted (0096). */
    private final ObjectProvider<OrgUnitReferences> unitReferences;
    /**
     * The modules whose records a person manages for their team: given up when the person leaves their unit or their
     * managing role (0093).
     */
    private final ObjectProvider<Headships> headships;
    /** The modules whose records a person owns: a deactivated person's open ones are told, not moved (0095). */
    private final ObjectProvider<HeldRecords> heldRecords;
    private final ApplicationEventPublisher events;
    private final OrgDirectory org;

    IdentityService(UserRepository users, OrgUnitRepository units, PasswordEncoder passwordEncoder, JdbcClient jdbc,
                    Clock clock, ApiTokens tokens, FindByIndexNameSessionRepository<? extends Session> sessions,
                    ObjectProvider<HandedOnWork> handedOn, ObjectProvider<OrgUnitReferences> unitReferences,
                    ObjectProvider<Headships> headships,
                    ObjectProvider<HeldRecords> heldRecords, ApplicationEventPublisher events,
                    OrgDirectory org) {
        this.org = org;
        this.handedOn = handedOn;
        this.headships = headships;
        this.heldRecords = heldRecords;
        this.events = events;
        this.unitReferences = unitReferences;
        this.tokens = tokens;
        this.sessions = sessions;
        this.users = users;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What an administrator enters for a user. */
    public record UserForm(String username, String displayName, String email, String password, UUID orgUnitId,
                           Set<Role> roles, LocalDate hireDate) {
    }

    @Transactional
    public User createUser(UserForm form) {
        // every field refused named together, in the form's order: the username, the profile, the password, the unit
        List<FieldValidationException.FieldError> errors = new ArrayList<>(User.usernameProblems(trim(form.username())));
        if (errors.isEmpty() && users.findByUsername(form.username().trim()).isPresent()) {
            errors.add(new FieldValidationException.FieldError("username", "user.username.taken"));
        }
        errors.addAll(User.profileProblems(form.displayName(), form.email(), form.orgUnitId(), form.hireDate(),
                orElseEmpty(form.roles()), clock.instant()));
        passwordProblem(form.password(), form.username()).ifPresent(errors::add);
        if (form.orgUnitId() != null && !units.existsById(form.orgUnitId())) {
            errors.add(new FieldValidationException.FieldError("orgUnitId", "user.orgUnit.unknown"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        User user = User.register(trim(form.username()), form.displayName(), form.email(),
                passwordEncoder.encode(form.password()), form.orgUnitId(), form.hireDate(), orElseEmpty(form.roles()),
                false, clock.instant());
        User saved = users.save(user);
        takeUpWork(saved, saved.roleSet());
        return saved;
    }

    /**
     * A user's profile and roles; a password given (not empty) resets it, which ends the user's web sessions and
     * revokes all their API tokens (not the company's web-to-lead keys). An active user takes up the work of the roles
     * given them and gives up the work of the roles taken from them (0074): the answer says what taking them left; and
     * where the open work went that a change of roles or unit took from them as it no longer fits them (0092); and the
     * units and sales territories a move out of their unit or the loss of their last managing role took from them (0093).
     */
    @Transactional
    public Activation updateUser(UUID id, UserForm form, Long expectedVersion) {
        User user = user(id);
        user.expectVersion(expectedVersion);
        keepAnAdministrator(user, user.active(), orElseEmpty(form.roles()));
        Set<Role> given = new java.util.HashSet<>(orElseEmpty(form.roles()));
        given.removeAll(user.roleSet());
        Set<Role> taken = new java.util.TreeSet<>(user.roleSet());
        taken.removeAll(orElseEmpty(form.roles()));
        UUID formerUnit = user.orgUnitId();
        boolean mayHeadBefore = mayHeadAUnit(user.roleSet());
        // every field refused named together, as a new user's are: the profile's and a new password's
        List<FieldValidationException.FieldError> errors = new ArrayList<>(User.profileProblems(form.displayName(),
                form.email(), form.orgUnitId(), form.hireDate(), orElseEmpty(form.roles()), clock.instant()));
        if (form.password() != null && !form.password().isEmpty()) {
            passwordProblem(form.password(), user.username()).ifPresent(errors::add);
        }
        if (form.orgUnitId() != null && !units.existsById(form.orgUnitId())) {
            errors.add(new FieldValidationException.FieldError("orgUnitId", "user.orgUnit.unknown"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        user.changeProfile(form.displayName(), form.email(), form.orgUnitId(), form.hireDate(),
                orElseEmpty(form.roles()), clock.instant());
        if (form.password() != null && !form.password().isEmpty()) {
            user.changePassword(passwordEncoder.encode(form.password()), clock.instant());
            // a password set by an administrator is a reset: the web sessions end at their next request (the
            // password changed since they signed in), and a token handed out before it ends now, not in 30 days
            tokens.revokeAll(id);
        }
        User saved = users.save(user);
        takeUpWork(saved, given);
        // the headships first: the work handed on below goes to whom the tree names once they head the units left no more
        HeadshipsGivenUp givenUp = giveUpHeadships(saved, formerUnit,
                mayHeadBefore && !mayHeadAUnit(saved.roleSet()));
        RolesTaken rolesTaken = giveUpWork(saved, taken);
        List<HandedOnWork.Handover> handedOn = handOnWorkNoLongerTheirs(saved);
        return new Activation(saved, null, rolesTaken, handedOn, withUnheldRoles(givenUp, rolesTaken));
    }

    /**
     * Docs/decisions/0099: what the headships given up went to, said as a deactivation says it (0074) — the roles whose
     * holders take it up ({@link Headships#givenUpToHoldersOf}: the sales directors, whose general queue a territory's
     * queued leads go to) that nobody active holds now while work waits on them; asked once every change is saved, a
     * role the roles taken already said left out.
     */
    private HeadshipsGivenUp withUnheldRoles(HeadshipsGivenUp givenUp, RolesTaken rolesTaken) {
        if (givenUp == null) {
            return null;
        }
        Set<Role> roles = headships.orderedStream().flatMap(m -> m.givenUpToHoldersOf().stream())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (rolesTaken != null) {
            rolesTaken.unheldRoles().forEach(w -> roles.remove(w.role()));
        }
        return givenUp.withUnheldRoles(unheldRoles(roles));
    }

    /**
     * Docs/decisions/0093: the person, saved, left the unit they were in (their new unit is not it nor below it), or lost
     * the last role that may head a unit or manage a team's sales territory ({@link Role#isManagerial()}: a manager made
     * a rep): the units they head that they no longer may — after a move, those their new unit is not in; after the role
     * is taken, all — name no head any more (audited, as the org screen's change), and each module gives up what the
     * person managed for the team (a sales territory) and hands on the work it routed to them. Answers what was given
     * up; null when nothing was (they stayed within their unit with a managing role, or headed nothing).
     */
    private HeadshipsGivenUp giveUpHeadships(User user, UUID formerUnit, boolean managingRoleTaken) {
        OrgUnit now = user.orgUnitId() == null ? null : orgUnit(user.orgUnitId());
        boolean moved = formerUnit != null && now != null && !formerUnit.equals(now.id());
        boolean movedOut = moved && !units.findById(formerUnit).map(former -> former.contains(now)).orElse(false);
        if (!moved && !managingRoleTaken) {
            return null;
        }
        // a move gives up every unit they head that the new unit is not within — a head standing above the unit they
        // head (a director in the sales department heading a region) moved sideways gives it up, though still within
        // the unit they were in
        List<String> unitNames = new ArrayList<>();
        for (OrgUnit headed : units.findHeadedBy(user.id())) {
            if (managingRoleTaken || !headed.contains(now)) {
                headed.appointManager(null, clock.instant());
                unitNames.add(saveUnit(headed).name());
            }
        }
        if (!movedOut && !managingRoleTaken && unitNames.isEmpty()) {
            return null;
        }
        List<String> territories = headships.orderedStream()
                .flatMap(m -> m.giveUpHeadshipsOf(user.id()).stream()).toList();
        return unitNames.isEmpty() && territories.isEmpty() ? null
                : new HeadshipsGivenUp(unitNames, territories, managingRoleTaken, List.of());
    }

    /**
     * Whether a person with these roles may head a unit and manage a team's sales territory (0093): a managing role —
     * the one the territories screen asks of a territory's manager.
     */
    private static boolean mayHeadAUnit(Set<Role> roles) {
        return roles.stream().anyMatch(Role::isManagerial);
    }

    /**
     * What moving a person out of their unit, or taking their last managing role, took from them (docs/decisions/0093):
     * the units that named them as head and name none now, in tree order, and the sales territories they managed that
     * nobody manages now, in name order — until an administrator appoints another —; {@code roleTaken} when it was the
     * loss of their managing role (with or without a move) that took them; and the roles whose holders take up what was
     * given up that nobody active holds now while work waits on them (0099: the general queue's leads, with no sales
     * director) — until an administrator gives the role to someone.
     */
    public record HeadshipsGivenUp(List<String> units, List<String> territories, boolean roleTaken,
                                   List<HandedOnWork.Waiting> unheldRoles) {

        public HeadshipsGivenUp {
            units = List.copyOf(units);
            territories = List.copyOf(territories);
            unheldRoles = unheldRoles == null ? List.of() : List.copyOf(unheldRoles);
        }

        HeadshipsGivenUp withUnheldRoles(List<HandedOnWork.Waiting> unheld) {
            return new HeadshipsGivenUp(units, territories, roleTaken, unheld);
        }
    }

    /**
     * Docs/decisions/0092: the person, saved, lost a role or moved to another unit while active — each module that routes
     * work to people hands on the open work routed to them that their roles and unit no longer fit (an approval task
     * whose step names them no more), as at a deactivation (0073). Asked at any save of an active person: one saved as
     * they were hands on what an earlier change left with them. Answers what went where (empty: nothing moved).
     */
    private List<HandedOnWork.Handover> handOnWorkNoLongerTheirs(User user) {
        if (!user.active()) {
            return List.of();
        }
        UUID by = CurrentUser.get().map(CurrentUser::id).orElse(null);
        return handedOn.orderedStream().flatMap(m -> m.handOnWorkNoLongerTheirs(user.id(), by).stream()).toList();
    }

    /**
     * The person, saved, holds these roles from now on (0074): each module that routes work to people gives them the work
     * waiting on the roles' holders (a pool's approval tasks) — an inactive person takes up nothing until re-activated.
     */
    private void takeUpWork(User user, Set<Role> roles) {
        if (user.active() && !roles.isEmpty()) {
            handedOn.orderedStream().forEach(m -> m.takeUpWorkOf(user.id(), Set.copyOf(roles)));
        }
    }

    /**
     * The person, saved, holds these roles no more (0074): when they are active, each module that routes work to
     * people takes the work waiting on the roles' holders from them, as their deactivation does — an inactive person
     * gave it up when deactivated. Answers what that left (null: no role was taken from an active person).
     */
    private RolesTaken giveUpWork(User user, Set<Role> roles) {
        if (!user.active() || roles.isEmpty()) {
            return null;
        }
        Set<Role> lost = Set.copyOf(roles);
        handedOn.orderedStream().forEach(m -> m.giveUpWorkOf(user.id(), lost));
        return new RolesTaken(List.copyOf(roles), unheldRoles(roles));
    }

    /** The profile and, when {@code active} is given, the activation of a user: both or neither. */
    @Transactional
    public Activation updateUser(UUID id, UserForm form, Boolean active, Long expectedVersion) {
        Activation changed = updateUser(id, form, expectedVersion);
        User user = changed.user();
        if (active == null || active == user.active()) {
            return changed;
        }
        Activation activation = setActive(id, active, user.version());
        return new Activation(activation.user(), activation.deactivation(), changed.rolesTaken(), changed.handedOn(),
                changed.headshipsGivenUp());
    }

    /**
     * A user as saved, what their deactivation handed on and left (docs/decisions/0073) when this change deactivated
     * them, else null, and what taking roles from them left (0074) when this change took roles from them active, else
     * null, and the open work a change of their roles or unit handed on as it no longer fits them (0092), empty when
     * none, and the headships a move out of their unit or the loss of their managing role took from them (0093), else
     * null.
     */
    public record Activation(User user, Deactivation deactivation, RolesTaken rolesTaken,
                             List<HandedOnWork.Handover> handedOn, HeadshipsGivenUp headshipsGivenUp) {

        public Activation {
            handedOn = handedOn == null ? List.of() : List.copyOf(handedOn);
        }

        public Activation(User user, Deactivation deactivation, RolesTaken rolesTaken,
                          List<HandedOnWork.Handover> handedOn) {
            this(user, deactivation, rolesTaken, handedOn, null);
        }
    }

    /**
     * What taking roles from a person who was active left to do (docs/decisions/0074), for the administrator's answer:
     * the roles taken, in order, and of them those nobody active holds now while work waits on their holders (a pool's
     * approval tasks, and how many) — until an administrator gives the role to someone.
     */
    public record RolesTaken(List<Role> roles, List<HandedOnWork.Waiting> unheldRoles) {
    }

    /**
     * Activates or deactivates a user. Deactivated, their tokens and sessions end, and each module that routes work to
     * people hands on their open work ({@link HandedOnWork}) — after they are saved inactive, in this transaction —, and
     * what they still hold is told to their manager (0095). Re-activated, they take up their roles' work again, and the
     * notice of what they held is settled ({@link HeldRecords.PersonReturned}).
     */
    @Transactional
    public Activation setActive(UUID id, boolean active, Long expectedVersion) {
        User user = user(id);
        boolean wasActive = user.active();
        user.expectVersion(expectedVersion);
        keepAnAdministrator(user, active, user.roleSet());
        if (active) {
            user.activate(clock.instant());
        } else {
            user.deactivate(clock.instant());
            // tokens and web sessions end now and stay ended: a re-activated user signs in again (a session
            // with no request while deactivated would otherwise go on)
            tokens.revokeAll(id);
            sessions.findByPrincipalName(user.username()).keySet().forEach(sessions::deleteById);
        }
        boolean deactivated = wasActive && !active;
        User saved = users.save(user);
        if (!deactivated) {
            if (!wasActive && active) {
                takeUpWork(saved, saved.roleSet());
                // their open records are theirs to work again: nothing is left to hand over (0095)
                events.publishEvent(new HeldRecords.PersonReturned(id));
            }
            return new Activation(saved, null, null, List.of());
        }
        // saved first: a module handing on their work reads the person inactive (an approval step resolves them as
        // 0007 does)
        UUID by = CurrentUser.get().map(CurrentUser::id).orElse(null);
        List<HandedOnWork.Handover> moved = handedOn.orderedStream().flatMap(m -> m.handOnWorkOf(id, by).stream())
                .toList();
        // of the roles the person held and those their work was handed on to, the ones nobody active holds now (0074)
        Set<Role> roles = new java.util.TreeSet<>(saved.roleSet());
        moved.stream().map(HandedOnWork.Handover::toRole).filter(java.util.Objects::nonNull).forEach(roles::add);
        // the open records they still own stay theirs: who takes them is their manager's decision, who is told (0095)
        List<HeldRecords.Held> held = heldRecords.orderedStream().flatMap(m -> m.heldBy(id).stream())
                .filter(h -> h.count() > 0).toList();
        UUID manager = held.isEmpty() ? null
                : org.managerOf(id).map(OrgDirectory.Person::id).orElse(null);
        if (manager != null) {
            events.publishEvent(new HeldRecords.PersonLeftHolding(id, manager, held));
        }
        return new Activation(saved, new Deactivation(moved, units.findHeadedBy(id), unheldRoles(roles), held,
                manager), null, List.of());
    }

    /**
     * Docs/decisions/0074: of these roles (those a deactivated person held or handed work on to, or those taken from a
     * person), the ones nobody active holds now, with the work that waits on their holders — the administrator is to
     * give the role to someone.
     */
    private List<HandedOnWork.Waiting> unheldRoles(Set<Role> candidates) {
        Set<Role> roles = new java.util.TreeSet<>(candidates);
        Set<String> held = roles.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql("""
                        select distinct r.role from platform_user_role r join platform_user u on u.id = r.platform_user
                        where u.active and r.role in (:roles)""")
                .param("roles", roles.stream().map(Role::name).toList()).query(String.class).list());
        roles.removeIf(r -> held.contains(r.name()));
        if (roles.isEmpty()) {
            return List.of();
        }
        Set<Role> unheld = Set.copyOf(roles);
        return handedOn.orderedStream().flatMap(m -> m.waitingOn(unheld).stream())
                .filter(w -> w.count() > 0)
                .sorted(java.util.Comparator.comparing(HandedOnWork.Waiting::role)
                        .thenComparing(HandedOnWork.Waiting::kind))
                .toList();
    }

    /**
     * What a deactivation left with others and what it left to do (docs/decisions/0073, 0074), for the administrator's
     * answer: the work the modules handed on (their open approval tasks, and to whom), the units that still name the
     * person as their head — until an administrator appoints another —, and the roles nobody active holds now while work
     * waits on their holders (a pool's approval tasks, and how many) — until an administrator gives the role to someone;
     * and the open records they still own (0095: open leads, customers, open opportunities, how many of each) — until
     * their manager ({@code stillHoldsToldTo}: the nearest active head up their line, told of it; null when there is
     * none, or nothing is held) hands them over.
     */
    public record Deactivation(List<HandedOnWork.Handover> handedOn, List<OrgUnit> stillHeads,
                               List<HandedOnWork.Waiting> unheldRoles, List<HeldRecords.Held> stillHolds,
                               UUID stillHoldsToldTo) {

        public Deactivation {
            stillHolds = stillHolds == null ? List.of() : List.copyOf(stillHolds);
        }
    }

    /** A user changes their own password, proving they know the current one; their API tokens are revoked. */
    @Transactional
    public void changeOwnPassword(UUID userId, String currentPassword, String newPassword) {
        User user = user(userId);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw new FieldValidationException("currentPassword", "password.current.wrong");
        }
        passwordProblem(newPassword, user.username()).ifPresent(e -> {
            throw new FieldValidationException(List.of(e));
        });
        user.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        // whoever had the old password may have taken a token with it: every token ends with the old password
        tokens.revokeAll(userId);
        users.save(user);
    }

    public User user(UUID id) {
        return users.findById(id).orElseThrow(() -> new RecordNotFoundException("User", id));
    }

    public Optional<User> findUser(UUID id) {
        return users.findById(id);
    }

    /**
     * The user with their roles in one statement and no transaction of its own: every request reads its
     * person again, so its round trips are the price of every page and API call. A session is revalidated
     * with this; a bearer token reads the same columns joined to the token ({@link #REQUEST_USER_COLUMNS}).
     */
    public Optional<User> findUserForRequest(UUID id) {
        return jdbc.sql("select " + REQUEST_USER_COLUMNS + " from platform_user u where u.id = :id")
                .param("id", id)
                .query((rs, i) -> requestUser(rs))
                .optional();
    }

    /**
     * What {@link #findUserForRequest} reads of {@code platform_user u}, roles included: for a statement that
     * finds the user by what names them (a bearer token) in the same round trip. Read with {@link #requestUser}.
     */
    public static final String REQUEST_USER_COLUMNS = """
            u.id, u.username, u.display_name, u.email, u.password_hash, u.password_changed_at,
            u.org_unit_id, u.hire_date, u.active, u.failed_logins, u.locked_until, u.demo, u.version,
            u.created_at, u.updated_at,
            (select string_agg(r.role, ',') from platform_user_role r where r.platform_user = u.id) as roles""";

    /** The user in a row of {@link #REQUEST_USER_COLUMNS}. */
    public static User requestUser(java.sql.ResultSet rs) throws java.sql.SQLException {
        String roles = rs.getString("roles");
        Set<User.RoleGrant> grants = roles == null ? Set.of() : java.util.Arrays.stream(roles.split(","))
                .map(r -> new User.RoleGrant(Role.valueOf(r)))
                .collect(Collectors.toSet());
        return new User(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), rs.getString("email"), rs.getString("password_hash"),
                instant(rs.getTimestamp("password_changed_at")), rs.getObject("org_unit_id", UUID.class),
                rs.getObject("hire_date", LocalDate.class), rs.getBoolean("active"),
                rs.getInt("failed_logins"), instant(rs.getTimestamp("locked_until")),
                rs.getBoolean("demo"), grants, rs.getLong("version"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    public Optional<User> findByUsername(String username) {
        return users.findByUsername(username);
    }

    @Transactional
    public OrgUnit createOrgUnit(UUID parentId, String name) {
        OrgUnit parent = parentId == null ? null : units.findById(parentId)
                .orElseThrow(() -> new FieldValidationException("parentId", "org.parent.unknown"));
        if (parent == null) {
            throw new FieldValidationException("parentId", "org.parent.required");
        }
        return saveUnit(parent.child(name, false, clock.instant()));
    }

    /**
     * A unit renamed, or given another head. The former head, when active, hands on the open work the unit's headship
     * routed to them (an approval task of a submitter of the unit, 0092): the answer says where it went.
     */
    @Transactional
    public UnitUpdate updateOrgUnit(UUID id, String name, UUID managerId, Long expectedVersion) {
        return updateOrgUnit(id, name, managerId, null, expectedVersion);
    }

    /**
     * A rename, a new head and, when {@code parentId} names another unit than its parent, a move of the unit with its
     * subtree under that unit (docs/decisions/0096): not of the root, not under itself or a unit below it. Null keeps
     * the parent. The former head, and after a move the heads of the units it left, hand on the open work the unit's
     * place routed to them and no longer fits them (an approval task of a submitter of the unit, 0092).
     */
    @Transactional
    public UnitUpdate updateOrgUnit(UUID id, String name, UUID managerId, UUID parentId, Long expectedVersion) {
        OrgUnit unit = orgUnit(id);
        String oldPath = unit.path();
        boolean moved = parentId != null && !parentId.equals(unit.parentId());
        if (moved) {
            // changes of the tree are decided one at a time: two moves cannot make a cycle between them
            lockTree();
            unit = orgUnit(id);
            oldPath = unit.path();
            if (unit.parentId() == null) {
                throw new FieldValidationException("parentId", "org.root.immovable");
            }
            OrgUnit parent = units.findById(parentId)
                    .orElseThrow(() -> new FieldValidationException("parentId", "org.parent.unknown"));
            unit.moveUnder(parent, clock.instant());
        }
        UUID formerHead = unit.managerId();
        // the head it names is kept as it is, deactivated or not (a rename saves the row as shown): only a new head
        // must be active (0073)
        if (managerId != null && !managerId.equals(unit.managerId())) {
            User manager = users.findById(managerId)
                    .orElseThrow(() -> new FieldValidationException("managerId", "org.manager.unknown"));
            if (!manager.active()) {
                throw new FieldValidationException("managerId", "org.manager.inactive");
            }
        }
        unit.expectVersion(expectedVersion);
        unit.rename(name, clock.instant());
        unit.appointManager(managerId, clock.instant());
        OrgUnit saved = saveUnit(unit);
        if (moved) {
            // the units below follow it: their paths (derived, not audited) start with its new path
            jdbc.sql("""
                            update platform_org_unit set path = :newPath || substr(path, length(:oldPath) + 1)
                            where path like :oldPath || '%' and id <> :id""")
                    .param("newPath", saved.path()).param("oldPath", oldPath).param("id", id).update();
        }
        // whose tasks may no longer fit them (0092): the former head; after a move, the heads of the units it left —
        // its submitters' managers up the line are others now
        Set<UUID> mayNoLongerFit = new java.util.LinkedHashSet<>();
        if (formerHead != null && !formerHead.equals(managerId)) {
            mayNoLongerFit.add(formerHead);
        }
        if (moved) {
            for (String above : oldPath.split("/")) {
                if (!above.isEmpty() && !above.equals(id.toString())) {
                    units.findById(UUID.fromString(above)).map(OrgUnit::managerId).ifPresent(mayNoLongerFit::add);
                }
            }
        }
        List<HandedOnWork.Handover> handedOn = mayNoLongerFit.stream().map(users::findById).flatMap(Optional::stream)
                .flatMap(u -> handOnWorkNoLongerTheirs(u).stream()).toList();
        return new UnitUpdate(saved, handedOn);
    }

    /** A unit as saved, and the open work its former head (or a head it left) handed on (0092), empty when none. */
    public record UnitUpdate(OrgUnit unit, List<HandedOnWork.Handover> handedOn) {
    }

    /**
     * Deletes a unit created by mistake (docs/decisions/0096): only a unit nobody is or was in, with no unit below it,
     * that no record of a module names ({@link OrgUnitReferences}) and no person's or unit's history names — else a
     * refusal (422) that says what holds it. The root stays.
     */
    @Transactional
    public OrgUnit deleteOrgUnit(UUID id, Long expectedVersion) {
        lockTree();
        OrgUnit unit = orgUnit(id);
        if (unit.parentId() == null) {
            throw new DomainException("org.delete.root");
        }
        long people = jdbc.sql("select count(*) from platform_user where org_unit_id = :id").param("id", id)
                .query(Long.class).single();
        if (people > 0) {
            throw new DomainException("org.delete.people", people);
        }
        long below = jdbc.sql("select count(*) from platform_org_unit where parent_id = :id").param("id", id)
                .query(Long.class).single();
        if (below > 0) {
            throw new DomainException("org.delete.units", below);
        }
        unitReferences.orderedStream().flatMap(r -> r.holding(id).stream()).filter(h -> h.count() > 0).findFirst()
                .ifPresent(h -> {
                    throw new DomainException(h.messageKey(), h.count());
                });
        // a person once in it, a unit once below it: their history names it, and reads its name while it is there
        long history = jdbc.sql("""
                        select count(*) from platform_audit_event
                        where entity_type in ('User', 'OrgUnit') and entity_id <> :id
                          and (old_value like :pattern or new_value like :pattern)""")
                .param("id", id.toString()).param("pattern", "%" + id + "%").query(Long.class).single();
        if (history > 0) {
            throw new DomainException("org.delete.history");
        }
        unit.expectVersion(expectedVersion);
        units.delete(unit);
        return unit;
    }

    private void lockTree() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('l2c.orgTree'))").query().singleRow();
    }

    public OrgUnit orgUnit(UUID id) {
        return units.findById(id).orElseThrow(() -> new RecordNotFoundException("OrgUnit", id));
    }

    public List<OrgUnit> orgTree() {
        return units.findAllInTreeOrder();
    }

    /**
     * A keyset page of the org tree in tree order (a parent before its children): by path, then id. The cursor carries
     * the last unit's id only, its path read back here (a path grows with the depth, past what a cursor may be long);
     * a forged cursor, or one of a unit that is not there, is refused (400).
     */
    public CursorPage<OrgUnit> orgTree(String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        List<OrgUnit> rows;
        if (cursor != null && !cursor.isBlank()) {
            OrgUnit last = units.findById(CursorPage.decode("org-unit", cursor, 1).uuid(0))
                    .orElseThrow(() -> new BadRequestException("cursor", "error.cursor.invalid"));
            rows = units.findPageInTreeOrderAfter(last.path(), last.id(), size + 1);
        } else {
            rows = units.findPageInTreeOrder(size + 1);
        }
        return CursorPage.of("org-unit", rows, size, u -> List.of(u.id()));
    }

    private OrgUnit saveUnit(OrgUnit unit) {
        try {
            return units.save(unit);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new FieldValidationException("name", "org.name.taken");
        }
    }

    /** A row of the user list. */
    public record UserRow(UUID id, String username, String displayName, String email, UUID orgUnitId,
                          String orgUnitName, LocalDate hireDate, boolean active, boolean locked, List<Role> roles,
                          long version) {

        /** A person who holds leads without the hire date their seniority is counted from (recorded before L4 asked it). */
        public boolean hireDateMissing() {
            return User.lacksHireDate(hireDate, roles);
        }
    }

    /** Filter and order of the user list; {@code sort} is "username" or "hireDate". */
    public record UserQuery(String q, UUID orgUnitId, Role role, Boolean active, String sort, String cursor,
                            Integer size) {
    }

    /** Users, filtered and keyset-paginated; sorting is by username or hire date, then id. */
    public CursorPage<UserRow> listUsers(UserQuery query) {
        int size = CursorPage.size(query.size());
        boolean byHireDate = "hireDate".equals(query.sort());
        String sortKey = byHireDate ? "coalesce(u.hire_date, date '1900-01-01')" : "lower(u.username)";
        StringBuilder sql = new StringBuilder("""
                select u.id, u.username, u.display_name, u.email, u.org_unit_id, o.name as org_unit_name,
                       u.hire_date, u.active, u.locked_until, u.version,
                       (select string_agg(r.role, ',' order by r.role) from platform_user_role r
                         where r.platform_user = u.id) as roles
                from platform_user u join platform_org_unit o on o.id = u.org_unit_id
                where true
                """);
        Map<String, Object> params = new java.util.HashMap<>();
        if (query.q() != null && !query.q().isBlank()) {
            sql.append(" and (u.username ilike :q or u.display_name ilike :q or u.email ilike :q)");
            params.put("q", LikePatterns.containing(query.q().trim()));
        }
        if (query.orgUnitId() != null) {
            sql.append(" and o.path like (select path from platform_org_unit where id = :unit) || '%'");
            params.put("unit", query.orgUnitId());
        }
        if (query.role() != null) {
            sql.append(" and exists (select 1 from platform_user_role r where r.platform_user = u.id and r.role = :role)");
            params.put("role", query.role().name());
        }
        if (query.active() != null) {
            sql.append(" and u.active = :active");
            params.put("active", query.active());
        }
        if (query.cursor() != null && !query.cursor().isBlank()) {
            CursorPage.Key key = CursorPage.decode("user", query.cursor(), 2);
            sql.append(" and (" + sortKey + ", u.id) > (:k0, :k1)");
            params.put("k0", byHireDate ? key.date(0) : key.text(0));
            params.put("k1", key.uuid(1));
        }
        sql.append(" order by ").append(sortKey).append(", u.id limit ").append(size + 1);
        java.time.Instant now = clock.instant();
        List<UserRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> new UserRow(
                rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getObject("org_unit_id", UUID.class), rs.getString("org_unit_name"),
                rs.getObject("hire_date", LocalDate.class), rs.getBoolean("active"),
                rs.getTimestamp("locked_until") != null && rs.getTimestamp("locked_until").toInstant().isAfter(now),
                parseRoles(rs.getString("roles")), rs.getLong("version"))).list();
        return CursorPage.of("user", rows, size, r -> List.of(
                byHireDate ? (r.hireDate() == null ? "1900-01-01" : r.hireDate().toString()) : r.username().toLowerCase(),
                r.id()));
    }

    private static List<Role> parseRoles(String csv) {
        if (csv == null || csv.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(csv.split(",")).map(Role::valueOf).collect(Collectors.toList());
    }

    static Optional<FieldValidationException.FieldError> passwordProblem(String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 128) {
            return Optional.of(new FieldValidationException.FieldError("password", "password.length", MIN_PASSWORD_LENGTH));
        }
        if (username != null && password.equalsIgnoreCase(username.trim())) {
            return Optional.of(new FieldValidationException.FieldError("password", "password.sameAsUsername"));
        }
        return Optional.empty();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /**
     * An active administrator who would stop being one (deactivated, or the role taken away) must leave
     * another: without one nobody could manage people, the org tree or the SOP policy any more. Changes
     * of administrators are decided one at a time, so two of them cannot deactivate each other at once.
     */
    private void keepAnAdministrator(User user, boolean staysActive, Set<Role> roles) {
        boolean isAdministrator = user.active() && user.roleSet().contains(Role.ADMIN);
        if (!isAdministrator || staysActive && roles.contains(Role.ADMIN)) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('l2c.administrators'))").query().singleRow();
        int others = jdbc.sql("""
                        select count(*) from platform_user u join platform_user_role r on r.platform_user = u.id
                        where r.role = 'ADMIN' and u.active and u.id <> :id""")
                .param("id", user.id()).query(Integer.class).single();
        if (others == 0) {
            throw new DomainException("user.lastAdministrator");
        }
    }

    private static Set<Role> orElseEmpty(Set<Role> roles) {
        return roles == null ? Set.of() : roles;
    }
}
