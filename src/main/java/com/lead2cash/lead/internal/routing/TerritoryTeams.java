package com.lead2cash.lead.internal.routing;

import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.TerritoryStanding;
import com.lead2cash.lead.internal.domain.TerritoryStanding.Standing;
import com.lead2cash.platform.OrgDirectory;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The team a lead's territory belongs to, read from the org tree for {@link TerritoryStanding}: the unit of the
 * territory's manager. Its people are those in that unit or below it, and the territory's own manager and reps;
 * above it stands a sales manager of a unit higher up the tree (the sales director in the demo).
 */
@Component
public class TerritoryTeams {

    private final LeadRouter router;
    private final OrgDirectory directory;

    TerritoryTeams(LeadRouter router, OrgDirectory directory) {
        this.router = router;
        this.directory = directory;
    }

    /**
     * Where the person stands to the team of the lead's territory ({@link LeadRouter#territoriesOf}); of a nurtured
     * lead that several territories match equally, the team that admits them, if any does.
     */
    public TerritoryStanding standingOf(Lead lead, UUID personId) {
        Optional<OrgDirectory.Person> person = personId == null ? Optional.empty() : directory.person(personId);
        if (person.isEmpty()) {
            return TerritoryStanding.NO_TEAM;
        }
        return router.territoriesOf(lead).stream().map(t -> standingOf(t, person.get()))
                .min(Comparator.comparing(TerritoryStanding::standing)).orElse(TerritoryStanding.NO_TEAM);
    }

    private TerritoryStanding standingOf(Territory territory, OrgDirectory.Person person) {
        UUID team = Optional.ofNullable(territory.managerId()).flatMap(directory::person)
                .map(OrgDirectory.Person::orgUnitId).orElse(null);
        if (team == null) {
            return TerritoryStanding.NO_TEAM;
        }
        return new TerritoryStanding(territory.name(), directory.unitName(team).orElse(territory.name()),
                standing(territory, team, person));
    }

    private Standing standing(Territory territory, UUID team, OrgDirectory.Person person) {
        if (person.id().equals(territory.managerId()) || territory.memberIds().contains(person.id())
                || person.orgUnitId() != null && directory.unitAndAbove(person.orgUnitId()).contains(team)) {
            return Standing.WITHIN;
        }
        return person.orgUnitId() != null && SalesPeople.managesSales(person)
                && directory.unitAndAbove(team).contains(person.orgUnitId()) ? Standing.ABOVE : Standing.OUTSIDE;
    }
}
