package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.RefusedInput;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Administration of the org tree: add units, rename them, appoint their managers, move and delete them (0096). */
@Controller
class OrgAdminController {

    private final IdentityService identity;
    private final DeactivationNotes notes;

    OrgAdminController(IdentityService identity, DeactivationNotes notes) {
        this.notes = notes;
        this.identity = identity;
    }

    /**
     * The tree a page at a time in tree order, read as the API reads it (decision 0063); {@code cursor} is the page's
     * start, which each unit's form sends back so that a change, saved or refused, comes back on the unit's own page.
     */
    @GetMapping("/admin/org")
    String tree(@RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var page = identity.orgTree(cursor, null);
        model.addAttribute("page", page);
        model.addAttribute("cursor", cursor);
        model.addAttribute("people", identity.listUsers(
                new IdentityService.UserQuery(null, null, null, true, null, null, 200)).items());
        // a head deactivated since stays the unit's head until another is appointed: offered (marked) and selected, so
        // that saving the row (a rename) keeps them rather than clearing the head (0073)
        java.util.Map<UUID, User> inactiveHeads = new java.util.HashMap<>();
        page.items().stream().map(OrgUnit::managerId).filter(java.util.Objects::nonNull).distinct()
                .forEach(m -> identity.findUser(m).filter(u -> !u.active()).ifPresent(u -> inactiveHeads.put(m, u)));
        model.addAttribute("inactiveHeads", inactiveHeads);
        // a new unit's parent, and a unit's new place, are chosen among them all
        model.addAttribute("units", identity.orgTree());
        if (htmx != null && cursor != null) {
            // htmx asks for the next page only: answer the rows, not the whole screen
            return "admin/org :: rows";
        }
        return "admin/org";
    }

    @PostMapping("/admin/org")
    String create(@RequestParam UUID parentId, @RequestParam String name,
                  RefusedInput refused, RedirectAttributes redirect) {
        try {
            refused.check();
            OrgUnit unit = identity.createOrgUnit(parentId, name);
            Flash.success(redirect, "flash.org.created", unit.name());
        } catch (DomainException e) {
            Flash.error(redirect, e);
            // the form again as it was filled in, to correct rather than retype
            Flash.typed(redirect, "orgTyped", "parentId", parentId, "name", name);
        }
        return "redirect:/admin/org";
    }

    @PostMapping("/admin/org/{id}")
    String update(@PathVariable UUID id, @RequestParam String name, @RequestParam(required = false) UUID managerId,
                  @RequestParam(required = false) UUID parentId, @RequestParam Long version,
                  @RequestParam(required = false) String cursor, RefusedInput refused, RedirectAttributes redirect) {
        try {
            refused.check();
            IdentityService.UnitUpdate updated = identity.updateOrgUnit(id, name, managerId, parentId,
                    version);
            Flash.success(redirect, "flash.org.updated", updated.unit().name());
            // where the former head's approval tasks went: the unit's submitters' manager is another now (0092)
            java.util.List<String> moved = notes.of(updated.handedOn());
            if (!moved.isEmpty()) {
                redirect.addFlashAttribute("flashNotes", new java.util.ArrayList<>(moved));
            }
        } catch (RecordNotFoundException e) {
            throw e; // not found: the 404 page, as a GET of it
        } catch (DomainException e) {
            Flash.error(redirect, e);
            typedUnit(redirect, id, name, managerId, parentId);
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, "error.staleVersion");
            typedUnit(redirect, id, name, managerId, parentId);
        }
        return backTo(cursor);
    }

    /** Deletes a unit created by mistake (0096); a unit anything holds stays, and the refusal says what holds it. */
    @PostMapping("/admin/org/{id}/delete")
    String delete(@PathVariable UUID id, @RequestParam Long version, @RequestParam(required = false) String cursor,
                  RefusedInput refused, RedirectAttributes redirect) {
        try {
            refused.check();
            OrgUnit unit = identity.deleteOrgUnit(id, version);
            Flash.success(redirect, "flash.org.deleted", unit.name());
        } catch (RecordNotFoundException e) {
            throw e; // not found: the 404 page, as a GET of it
        } catch (DomainException e) {
            Flash.error(redirect, e);
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, "error.staleVersion");
        }
        return backTo(cursor);
    }

    /** Back to the page the unit's form was on. */
    private static String backTo(String cursor) {
        return cursor == null || cursor.isBlank() ? "redirect:/admin/org"
                : "redirect:" + UriComponentsBuilder.fromPath("/admin/org").queryParam("cursor", cursor).encode()
                        .toUriString();
    }

    /** A unit's row as it was filled in, the unit named: the page has a form per unit and fills in only its own. */
    private static void typedUnit(RedirectAttributes redirect, UUID id, String name, UUID managerId, UUID parentId) {
        Flash.typed(redirect, "orgUnitTyped", "unit", id, "name", name, "managerId", managerId, "parentId", parentId);
    }
}
