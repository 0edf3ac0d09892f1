package com.lead2cash.opportunity.internal.board;

import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.web.InactiveOwner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The people and teams a reader may filter the pipeline by: the sellers within their scope, and the teams
 * (org units) those sellers belong to, each named after its manager as the org directory knows it.
 */
@Component
public class TeamScope {

    /** A team (org unit) with the name of its manager, for filters and the forecast. */
    public record Team(UUID id, String managerName) {
    }

    private static final List<Role> SELLING = List.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER);

    private final OrgDirectory org;

    TeamScope(OrgDirectory org) {
        this.org = org;
    }

    /** The sellers the scope covers, by name. */
    public List<OrgDirectory.Person> sellers(Scope scope) {
        Set<UUID> ids = new HashSet<>();
        for (Role role : SELLING) {
            org.activeWithRole(role).forEach(p -> ids.add(p.id()));
        }
        return org.people(ids).values().stream().filter(p -> scope.covers(p.id()))
                .sorted(Comparator.comparing(OrgDirectory.Person::displayName)).toList();
    }

    /**
     * The inactive person within the scope a list is filtered by, whom {@link #sellers} (active ones only) leaves out
     * (docs/decisions/0095: the handover link names them); empty for anyone else.
     */
    public java.util.Optional<OrgDirectory.Person> inactiveOwner(UUID ownerId, Scope scope) {
        return InactiveOwner.of(ownerId, List.of(), org, scope);
    }

    /** The teams of those sellers. */
    public List<Team> teams(Scope scope) {
        Map<UUID, Team> teams = new LinkedHashMap<>();
        for (OrgDirectory.Person p : sellers(scope)) {
            if (p.orgUnitId() != null && !teams.containsKey(p.orgUnitId())) {
                teams.put(p.orgUnitId(), new Team(p.orgUnitId(), org.managerOfUnit(p.orgUnitId())
                        .map(OrgDirectory.Person::displayName).orElse(null)));
            }
        }
        return new ArrayList<>(teams.values());
    }

    /**
     * A team a filter names must be one of the scope's {@link #teams} (the filter's choices): one unknown or outside
     * the scope is not found, as an id outside the data scope is (404), never a total of nobody's figures.
     */
    public void requireTeam(UUID teamId, Scope scope) {
        if (teams(scope).stream().noneMatch(t -> t.id().equals(teamId))) {
            throw new com.lead2cash.platform.RecordNotFoundException("OrgUnit", teamId);
        }
    }

    /** A team by its org unit's name; by its id when the unit has none. */
    public String teamName(UUID teamId) {
        return org.unitName(teamId).orElse(teamId.toString());
    }

    /** The owners a team filter stands for within the scope: the team's members (its sub-units included). */
    public Set<UUID> members(UUID teamId, Scope scope) {
        return org.activeMembersOf(teamId).stream().map(OrgDirectory.Person::id).filter(scope::covers)
                .collect(Collectors.toSet());
    }

    /** The team of each owner, for roll-ups. */
    public Map<UUID, UUID> unitOf(Set<UUID> owners) {
        Map<UUID, UUID> units = new java.util.HashMap<>();
        org.people(owners).forEach((id, p) -> units.put(id, p.orgUnitId()));
        return units;
    }

    public Map<UUID, OrgDirectory.Person> people(Set<UUID> ids) {
        return org.people(ids);
    }

    public String managerName(UUID unitId) {
        return unitId == null ? null : org.managerOfUnit(unitId).map(OrgDirectory.Person::displayName).orElse(null);
    }
}
