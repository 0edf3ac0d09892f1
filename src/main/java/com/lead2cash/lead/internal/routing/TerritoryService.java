package com.lead2cash.lead.internal.routing;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ListText;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of sales territories, which routing matches leads to ({@link RoutingEngine}); their regions are administrative divisions. */
@Service
public class TerritoryService {

    /** A territory as entered: lists as comma-separated text, reps by id. */
    public record TerritoryForm(String name, String industries, String regions, String productLines, UUID managerId,
                         Set<UUID> repIds, Long version) {
    }

    private final SalesTerritoryRepository territories;
    private final OrgDirectory directory;
    private final Regions regions;
    private final Clock clock;

    TerritoryService(SalesTerritoryRepository territories, OrgDirectory directory, Regions regions, Clock clock) {
        this.territories = territories;
        this.directory = directory;
        this.regions = regions;
        this.clock = clock;
    }

    public List<SalesTerritory> all() {
        return territories.findAllByName();
    }

    public SalesTerritory get(UUID id) {
        return territories.findById(id).orElseThrow(() -> new RecordNotFoundException("Territory", id));
    }

    @Transactional
    public SalesTerritory create(TerritoryForm form) {
        checkPeople(form);
        return save(SalesTerritory.define(form.name(), List.of(nz(form.industries())), divisions(form.regions(), Set.of()),
                List.of(nz(form.productLines())), form.managerId(), form.repIds(), clock.instant()));
    }

    @Transactional
    public SalesTerritory update(UUID id, TerritoryForm form) {
        checkPeople(form);
        SalesTerritory t = get(id);
        t.expectVersion(form.version());
        t.change(form.name(), List.of(nz(form.industries())), divisions(form.regions(), t.regionEntries()),
                List.of(nz(form.productLines())), form.managerId(), form.repIds());
        return save(t);
    }

    @Transactional
    public void delete(UUID id) {
        territories.delete(get(id));
    }

    /**
     * Docs/decisions/0093: the person left the unit that made the team of the territories they manage — an
     * administrator moved them out of it —, or holds no managing role any more: nobody manages those territories now.
     * Answers them, in name order.
     */
    @Transactional
    public List<SalesTerritory> giveUpManagementOf(UUID userId) {
        List<SalesTerritory> given = territories.findAllByName().stream()
                .filter(t -> userId.equals(t.managerId())).toList();
        given.forEach(t -> {
            t.managedByNobody();
            save(t);
        });
        return given;
    }

    private SalesTerritory save(SalesTerritory t) {
        try {
            return territories.save(t);
        } catch (DuplicateKeyException e) {
            throw new FieldValidationException("name", "territory.name.taken");
        }
    }

    /**
     * The territory's regions as division codes: each entry (a code, or a name such as 浙江 or 杭州市西湖区)
     * must name exactly one division — a territory never widens 桥西区 to all of 河北. Text kept from
     * before regions were divisions may stay as it is; new text that names no division is refused.
     */
    private List<String> divisions(String entries, Collection<String> kept) {
        List<String> codes = new ArrayList<>();
        for (String entry : SalesTerritory.split(entries)) {
            Optional<String> code = divisionCode(regions, entry);
            if (code.isPresent()) {
                codes.add(code.get());
            } else if (kept.contains(entry)) {
                codes.add(entry);
            } else {
                List<Region> candidates = regions.candidates(entry);
                throw candidates.isEmpty()
                        ? new FieldValidationException("regions", "territory.region.unknown", entry)
                        : new FieldValidationException("regions", "territory.region.ambiguous", entry,
                                ListText.of(candidates.stream().map(Region::name).toList()));
            }
        }
        return codes;
    }

    /** The code of the one division the text names, if it names exactly one. */
    public static Optional<String> divisionCode(Regions regions, String text) {
        List<Region> candidates = regions.candidates(text);
        return candidates.size() == 1 ? Optional.of(candidates.get(0).code()) : Optional.empty();
    }

    /** Each region entry of the territories as the reader sees it: a division, or text that names none (flagged). */
    public Map<String, Region> regionLabels(Collection<SalesTerritory> list) {
        Map<String, Region> labels = new HashMap<>();
        list.forEach(t -> t.regionEntries().forEach(entry -> labels.computeIfAbsent(entry,
                e -> Territory.isDivisionCode(e) ? regions.byCodeOrUnresolved(e) : Region.unresolved(e))));
        return labels;
    }

    private void checkPeople(TerritoryForm form) {
        if (form.managerId() != null) {
            OrgDirectory.Person manager = directory.person(form.managerId())
                    .orElseThrow(() -> new FieldValidationException("managerId", "territory.manager.unknown"));
            if (!manager.active()) {
                throw new FieldValidationException("managerId", "territory.manager.inactive");
            }
            if (!SalesPeople.managesSales(manager)) {
                throw new FieldValidationException("managerId", "territory.manager.notAManager", manager.displayName());
            }
        }
        if (form.repIds() != null) {
            Map<UUID, OrgDirectory.Person> reps = directory.people(form.repIds());
            if (reps.size() != form.repIds().size()) {
                throw new FieldValidationException("repIds", "territory.rep.unknown");
            }
            // routing would hand them leads they cannot work (or even read)
            List<String> notReps = reps.values().stream().filter(p -> !SalesPeople.holdsLeads(p))
                    .map(OrgDirectory.Person::displayName).sorted().toList();
            if (!notReps.isEmpty()) {
                throw new FieldValidationException("repIds", "territory.rep.notARep", ListText.of(notReps));
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
