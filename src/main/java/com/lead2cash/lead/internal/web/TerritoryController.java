package com.lead2cash.lead.internal.web;

import com.lead2cash.lead.internal.routing.SalesTerritory;
import com.lead2cash.lead.internal.routing.TerritoryService;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RequestRefusedException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.region.Region;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Territories: an admin screen and the API (administrators and the sales director). */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','SALES_DIRECTOR')")
public class TerritoryController {

    private final TerritoryService territories;
    private final OrgDirectory directory;

    /** The flash attribute holding what a refused territory form held. */
    static final String TYPED = "territoryTyped";

    TerritoryController(TerritoryService territories, OrgDirectory directory) {
        this.territories = territories;
        this.directory = directory;
    }

    @GetMapping("/leads/territories")
    String list(@RequestParam(required = false) UUID edit, Model model) {
        List<SalesTerritory> all = territories.all();
        model.addAttribute("territories", all);
        model.addAttribute("regionLabels", territories.regionLabels(all));
        SalesTerritory editing = edit == null ? null : territories.get(edit);
        model.addAttribute("editing", editing);
        // a refused save: the form shows what was typed, its regions in the picker as the entries posted
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute(TYPED);
        model.addAttribute("regionValues", typed != null ? SalesTerritory.split(typed.get("regions"))
                : editing == null ? null : editing.regionEntries());
        List<OrgDirectory.Person> reps = Stream.concat(directory.activeWithRole(Role.SALES_REP).stream(),
                directory.activeWithRole(Role.ACCOUNT_MANAGER).stream()).distinct().toList();
        List<OrgDirectory.Person> managers = java.util.Arrays.stream(Role.values()).filter(Role::isManagerial)
                .flatMap(r -> directory.activeWithRole(r).stream()).distinct().toList();
        model.addAttribute("reps", reps);
        model.addAttribute("managers", managers);
        var names = new java.util.HashMap<UUID, String>();
        Stream.concat(reps.stream(), managers.stream()).forEach(p -> names.put(p.id(), p.displayName()));
        // members no longer active (routing passes them by) are named and marked, so the administrator removes them
        Map<UUID, OrgDirectory.Person> members = directory.people(all.stream()
                .flatMap(t -> Stream.concat(t.memberIds().stream(), Stream.ofNullable(t.managerId()))).toList());
        members.values().forEach(p -> names.putIfAbsent(p.id(), p.displayName()));
        model.addAttribute("names", names);
        Set<UUID> deactivated = members.values().stream().filter(p -> !p.active())
                .map(OrgDirectory.Person::id).collect(java.util.stream.Collectors.toSet());
        model.addAttribute("deactivated", deactivated);
        model.addAttribute("editingDeactivated", editing == null ? List.of() : editing.memberIds().stream()
                .filter(deactivated::contains).map(names::get).toList());
        return "lead/territories";
    }

    @PostMapping("/leads/territories")
    String save(@RequestParam(required = false) UUID id, @RequestParam String name,
                @RequestParam(required = false) String industries, @RequestParam(required = false) String regions,
                @RequestParam(required = false) String productLines, @RequestParam(required = false) UUID managerId,
                @RequestParam(required = false) List<UUID> repIds, @RequestParam(required = false) Long version,
                RefusedInput input, RedirectAttributes redirect) {
        // an edit carries the version its form was read at (the page guard sees no record in this path): without
        // one the service would take it as "no check" and save over a newer change
        if (id != null && version == null) {
            throw new RequestRefusedException(428, null, "error.page.versionRequired");
        }
        var form = new TerritoryService.TerritoryForm(name, industries, regions, productLines, managerId,
                repIds == null ? Set.of() : new HashSet<>(repIds), version);
        try {
            input.check();
            SalesTerritory t = id == null ? territories.create(form) : territories.update(id, form);
            Flash.success(redirect, "territory.flash.saved", t.name());
        } catch (DomainException e) {
            Flash.error(redirect, e);
            return refused(id, redirect, name, industries, regions, productLines, managerId, repIds);
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, "error.staleVersion");
            return refused(id, redirect, name, industries, regions, productLines, managerId, repIds);
        }
        return "redirect:/leads/territories";
    }

    /** Back to the form refused, the same territory's when it was an edit (not "Add", which would make another). */
    private static String refused(UUID id, RedirectAttributes redirect, String name, String industries, String regions,
                                  String productLines, UUID managerId, List<UUID> repIds) {
        Flash.typed(redirect, TYPED, "name", name, "industries", industries, "regions", regions,
                "productLines", productLines, "managerId", managerId, "repIds", repIds == null ? List.of() : repIds);
        return "redirect:/leads/territories" + (id == null ? "" : "?edit=" + id);
    }

    @PostMapping("/leads/territories/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        territories.delete(id);
        Flash.success(redirect, "territory.flash.deleted");
        return "redirect:/leads/territories";
    }

    /** The same over the API. */
    @RestController
    @Tag(name = "Lead territories")
    @PreAuthorize("hasAnyRole('ADMIN','SALES_DIRECTOR')")
    static class Api {

        /**
         * A territory. {@code regions} names its regions (浙江省, 广东省深圳市); {@code regionCodes} are their
         * division codes; {@code unresolvedRegions} is text kept from before regions were divisions.
         */
        record TerritoryDto(UUID id, String name, Set<String> industries, Set<String> regions,
                            Set<String> productLines, UUID managerId, Set<UUID> repIds, long version,
                            Set<String> regionCodes, Set<String> unresolvedRegions) {
            static TerritoryDto of(SalesTerritory t, Map<String, Region> labels) {
                Set<String> names = new LinkedHashSet<>();
                Set<String> codes = new LinkedHashSet<>();
                Set<String> unresolved = new LinkedHashSet<>();
                for (String entry : t.regionEntries()) {
                    Region region = labels.get(entry);
                    names.add(region.name());
                    (region.resolved() ? codes : unresolved).add(region.resolved() ? region.code() : entry);
                }
                return new TerritoryDto(t.id(), t.name(), SalesTerritory.split(t.industries()), names,
                        SalesTerritory.split(t.productLines()), t.managerId(), t.memberIds(), t.version(), codes,
                        unresolved);
            }
        }

        /** {@code regions}: division codes or names (浙江, 杭州市西湖区), each naming exactly one division. */
        record TerritoryRequest(String name, List<String> industries, List<String> regions, List<String> productLines,
                                UUID managerId, Set<UUID> repIds, Long version) {
            TerritoryService.TerritoryForm form() {
                return new TerritoryService.TerritoryForm(name, join(industries), join(regions), join(productLines),
                        managerId, repIds == null ? Set.of() : repIds, version);
            }

            private static String join(List<String> values) {
                return values == null ? "" : String.join(",", values);
            }
        }

        /** A territory's new data, with the version it was read at. */
        record TerritoryUpdate(String name, List<String> industries, List<String> regions, List<String> productLines,
                               UUID managerId, Set<UUID> repIds, Long version)
                implements com.lead2cash.platform.Versioned {
            TerritoryService.TerritoryForm form() {
                return new TerritoryRequest(name, industries, regions, productLines, managerId, repIds, version).form();
            }
        }

        private final TerritoryService territories;

        Api(TerritoryService territories) {
            this.territories = territories;
        }

        @io.swagger.v3.oas.annotations.Operation(summary = "All sales territories (L5)")
        @GetMapping("/api/v1/lead-territories")
        List<TerritoryDto> list() {
            List<SalesTerritory> all = territories.all();
            Map<String, Region> labels = territories.regionLabels(all);
            return all.stream().map(t -> TerritoryDto.of(t, labels)).toList();
        }

        @io.swagger.v3.oas.annotations.Operation(summary = "Create a territory: industries, regions, product lines, manager and reps")
        @PostMapping("/api/v1/lead-territories")
        @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
        ResponseEntity<TerritoryDto> create(@RequestBody TerritoryRequest body) {
            SalesTerritory t = territories.create(body.form());
            return ResponseEntity.created(URI.create("/api/v1/lead-territories/" + t.id())).body(dto(t));
        }

        @io.swagger.v3.oas.annotations.Operation(summary = "Change a territory (409 when the version is stale)")
        @PutMapping("/api/v1/lead-territories/{id}")
        TerritoryDto update(@PathVariable UUID id, @RequestBody TerritoryUpdate body) {
            return dto(territories.update(id, body.form()));
        }

        private TerritoryDto dto(SalesTerritory t) {
            return TerritoryDto.of(t, territories.regionLabels(List.of(t)));
        }

        @io.swagger.v3.oas.annotations.Operation(summary = "Delete a territory")
        @DeleteMapping("/api/v1/lead-territories/{id}")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void delete(@PathVariable UUID id) {
            territories.delete(id);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TerritoryNavigation {

        @Bean
        NavigationEntry territoriesNavigation() {
            return new NavigationEntry("territory.nav", "/leads/territories", 800, Set.of(Role.ADMIN, Role.SALES_DIRECTOR));
        }
    }
}
