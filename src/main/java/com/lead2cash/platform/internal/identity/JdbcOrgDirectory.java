package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.FieldRules;
import com.lead2cash.platform.FieldSight;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.PerTransaction;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.ScopeKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The org tree read for routing and scope: plain SQL over the platform's own tables. A role's active holders are read
 * once per transaction, until a user is saved in it ({@link #onAfterSave}).
 */
@Component
class JdbcOrgDirectory implements OrgDirectory, DataScope, AfterSaveCallback<User> {

    private final Object activeWithRoleKey = new Object();

    private static final String PERSON = """
            select u.id, u.username, u.display_name, u.email, u.org_unit_id, u.hire_date, u.active,
                   (select string_agg(r.role, ',') from platform_user_role r where r.platform_user = u.id) as roles
            from platform_user u
            """;

    private final JdbcClient jdbc;
    private final FieldRules fieldRules;

    JdbcOrgDirectory(JdbcClient jdbc, FieldRules fieldRules) {
        this.jdbc = jdbc;
        this.fieldRules = fieldRules;
    }

    @Override
    public Optional<Person> person(UUID userId) {
        return jdbc.sql(PERSON + " where u.id = :id").param("id", userId).query(JdbcOrgDirectory::person).optional();
    }

    @Override
    public java.util.Map<UUID, Person> people(java.util.Collection<UUID> userIds) {
        Set<UUID> ids = new HashSet<>(userIds);
        ids.remove(null);
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql(PERSON + " where u.id in (:ids)").param("ids", ids).query(JdbcOrgDirectory::person).list()
                .stream().collect(java.util.stream.Collectors.toMap(Person::id, p -> p));
    }

    @Override
    public Optional<Person> managerOf(UUID userId) {
        // The nearest unit manager on the way up who is not the person themselves.
        return jdbc.sql(PERSON + """
                 join platform_org_unit o on o.manager_id = u.id
                 join platform_user me on me.id = :user
                 join platform_org_unit mine on mine.id = me.org_unit_id
                 where mine.path like o.path || '%' and u.id <> :user and u.active
                 order by length(o.path) desc limit 1
                """).param("user", userId).query(JdbcOrgDirectory::person).optional();
    }

    @Override
    public java.util.Map<UUID, Person> managersOf(java.util.Collection<UUID> userIds) {
        Set<UUID> ids = new HashSet<>(userIds);
        ids.remove(null);
        java.util.Map<UUID, Person> managers = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return managers;
        }
        // the same rule as managerOf, for each person in one statement
        jdbc.sql("""
                select me.id as person_id, m.* from platform_user me
                join platform_org_unit mine on mine.id = me.org_unit_id
                cross join lateral (
                """ + PERSON + """
                     join platform_org_unit o on o.manager_id = u.id
                     where mine.path like o.path || '%' and u.id <> me.id and u.active
                     order by length(o.path) desc limit 1) m
                where me.id in (:ids)
                """).param("ids", ids)
                .query(rs -> {
                    managers.put(rs.getObject("person_id", UUID.class), person(rs, 0));
                });
        return managers;
    }

    @Override
    public Optional<Person> managerOfUnit(UUID orgUnitId) {
        return jdbc.sql(PERSON + """
                 join platform_org_unit o on o.manager_id = u.id
                 join platform_org_unit unit on unit.id = :unit
                 where unit.path like o.path || '%' and u.active
                 order by length(o.path) desc limit 1
                """).param("unit", orgUnitId).query(JdbcOrgDirectory::person).optional();
    }

    @Override
    public List<UUID> unitAndAbove(UUID orgUnitId) {
        return jdbc.sql("""
                select o.id from platform_org_unit o join platform_org_unit unit on unit.id = :unit
                where unit.path like o.path || '%' order by length(o.path) desc
                """).param("unit", orgUnitId).query(UUID.class).list();
    }

    @Override
    public List<UUID> unitAndBelow(UUID orgUnitId) {
        return jdbc.sql("""
                select o.id from platform_org_unit o
                where o.path like (select path from platform_org_unit where id = :unit) || '%'
                """).param("unit", orgUnitId).query(UUID.class).list();
    }

    @Override
    public Optional<Person> commonManagerOf(java.util.Collection<UUID> userIds) {
        Set<UUID> ids = new HashSet<>(userIds);
        ids.remove(null);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        // the deepest unit whose path every one of their units' paths starts with, then its nearest manager
        // (up the tree) who is none of them
        return jdbc.sql(PERSON + """
                 join platform_org_unit o on o.manager_id = u.id
                 where u.active and u.id not in (:ids) and o.path in (
                     select common.path from platform_org_unit common
                     where not exists (select 1 from platform_user p join platform_org_unit mine on mine.id = p.org_unit_id
                                       where p.id in (:ids) and mine.path not like common.path || '%')
                       and exists (select 1 from platform_user p where p.id in (:ids) and p.org_unit_id is not null))
                 order by length(o.path) desc limit 1
                """).param("ids", ids).query(JdbcOrgDirectory::person).optional();
    }

    @Override
    public Optional<String> unitName(UUID orgUnitId) {
        return jdbc.sql("select name from platform_org_unit where id = :unit").param("unit", orgUnitId)
                .query(String.class).optional();
    }

    @Override
    public List<Person> membersOf(UUID orgUnitId) {
        return jdbc.sql(PERSON + " where u.org_unit_id = :unit order by u.username").param("unit", orgUnitId)
                .query(JdbcOrgDirectory::person).list();
    }

    @Override
    public List<Person> activeMembersOf(UUID orgUnitId) {
        return jdbc.sql(PERSON + """
                 join platform_org_unit o on o.id = u.org_unit_id
                 where u.active and o.path like (select path from platform_org_unit where id = :unit) || '%'
                 order by u.username
                """).param("unit", orgUnitId).query(JdbcOrgDirectory::person).list();
    }

    @Override
    public List<Person> activeWithRole(Role role) {
        // read once per transaction: routing an import asks for the sales directors of every queued lead
        return PerTransaction.get(activeWithRoleKey, () -> new java.util.EnumMap<Role, List<Person>>(Role.class))
                .computeIfAbsent(role, this::loadActiveWithRole);
    }

    /**
     * A user saved — given or taken a role, deactivated, re-activated — changes who holds a role: the holders read in
     * this transaction are read again (a {@code PUT /api/v1/users/{id}} that gives a role and deactivates the person
     * reads the role's holders at the first change, and the second must not see them still active). The map is
     * emptied, not dropped, so the transaction keeps one value under its key.
     */
    @Override
    public User onAfterSave(User saved) {
        PerTransaction.get(activeWithRoleKey, () -> new java.util.EnumMap<Role, List<Person>>(Role.class)).clear();
        return saved;
    }

    private List<Person> loadActiveWithRole(Role role) {
        return jdbc.sql(PERSON + """
                 where u.active and exists (select 1 from platform_user_role r
                                            where r.platform_user = u.id and r.role = :role)
                 order by u.username
                """).param("role", role.name()).query(JdbcOrgDirectory::person).list();
    }

    @Override
    public Scope current() {
        return CurrentUser.get().map(this::of)
                .orElseThrow(() -> new IllegalStateException("data scope asked for without an authenticated user"));
    }

    @Override
    public Scope of(CurrentUser user) {
        return of(user, user.scopeKind());
    }

    @Override
    public Scope personalData(ProtectedField field) {
        CurrentUser user = CurrentUser.get()
                .orElseThrow(() -> new IllegalStateException("data scope asked for without an authenticated user"));
        FieldSight sight = fieldRules.sight(user, field);
        if (!sight.anyDefault()) {
            return new Scope(ScopeKind.SELF, user.id(), Set.of());
        }
        return of(user, CurrentUser.personalDataScopeKind(sight.defaultRoles()));
    }

    private Scope of(CurrentUser user, ScopeKind kind) {
        return switch (kind) {
            case ALL -> new Scope(kind, user.id(), null);
            case SELF -> new Scope(kind, user.id(), Set.of(user.id()));
            case TEAM -> teamOf(user);
        };
    }

    @Override
    public List<UUID> teamUnits(CurrentUser user) {
        return unitAndBelow(user.orgUnitId());
    }

    @Override
    public Scope teamOf(CurrentUser user) {
        Set<UUID> owners = new HashSet<>(jdbc.sql("""
                select u.id from platform_user u join platform_org_unit o on o.id = u.org_unit_id
                where o.path like (select path from platform_org_unit where id = :unit) || '%'
                """).param("unit", user.orgUnitId()).query(UUID.class).list());
        owners.add(user.id());
        return new Scope(ScopeKind.TEAM, user.id(), owners);
    }

    private static Person person(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("roles");
        Set<Role> roleSet = EnumSet.noneOf(Role.class);
        if (roles != null) {
            Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(roleSet::add);
        }
        return new Person(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getObject("org_unit_id", UUID.class),
                rs.getObject("hire_date", LocalDate.class), rs.getBoolean("active"), roleSet);
    }
}
