package com.lead2cash.lead.internal;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of sales territories, which routing matches leads to ({@link RoutingEngine}). */
@Service
class TerritoryService {

    /** A territory as entered: lists as comma-separated text, reps by id. */
    record TerritoryForm(String name, String industries, String regions, String productLines, UUID managerId,
                         Set<UUID> repIds, Long version) {
    }

    private final SalesTerritoryRepository territories;
    private final OrgDirectory directory;
    private final Clock clock;

    TerritoryService(SalesTerritoryRepository territories, OrgDirectory directory, Clock clock) {
        this.territories = territories;
        this.directory = directory;
        this.clock = clock;
    }

    List<SalesTerritory> all() {
        return territories.findAllByName();
    }

    SalesTerritory get(UUID id) {
        return territories.findById(id).orElseThrow(() -> new RecordNotFoundException("Territory", id));
    }

    @Transactional
    SalesTerritory create(TerritoryForm form) {
        checkPeople(form);
        return save(SalesTerritory.define(form.name(), List.of(nz(form.industries())), List.of(nz(form.regions())),
                List.of(nz(form.productLines())), form.managerId(), form.repIds(), clock.instant()));
    }

    @Transactional
    SalesTerritory update(UUID id, TerritoryForm form) {
        checkPeople(form);
        SalesTerritory t = get(id);
        t.expectVersion(form.version());
        t.change(form.name(), List.of(nz(form.industries())), List.of(nz(form.regions())),
                List.of(nz(form.productLines())), form.managerId(), form.repIds());
        return save(t);
    }

    @Transactional
    void delete(UUID id) {
        territories.delete(get(id));
    }

    private SalesTerritory save(SalesTerritory t) {
        try {
            return territories.save(t);
        } catch (DuplicateKeyException e) {
            throw new FieldValidationException("name", "territory.name.taken");
        }
    }

    private void checkPeople(TerritoryForm form) {
        if (form.managerId() != null && directory.person(form.managerId()).isEmpty()) {
            throw new FieldValidationException("managerId", "territory.manager.unknown");
        }
        if (form.repIds() != null && directory.people(form.repIds()).size() != form.repIds().size()) {
            throw new FieldValidationException("repIds", "territory.rep.unknown");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
