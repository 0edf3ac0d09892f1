package com.lead2cash.approval.internal.web;

import com.lead2cash.approval.internal.DelegateAuthority;
import com.lead2cash.approval.internal.Delegations;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormErrors;
import com.lead2cash.platform.web.RefusedInput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own delegations (审批代理): who decides for them while they are away. */
@Controller
public class DelegationController {

    /** The delegation form as the browser posts it. */
    static class DelegationForm {
        private UUID delegateId;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate startsOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate endsOn;
        private String note;

        public UUID getDelegateId() { return delegateId; }
        public void setDelegateId(UUID delegateId) { this.delegateId = delegateId; }
        public LocalDate getStartsOn() { return startsOn; }
        public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
        public LocalDate getEndsOn() { return endsOn; }
        public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    private final Delegations delegations;
    private final DelegateAuthority authority;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    DelegationController(Delegations delegations, DelegateAuthority authority, OrgDirectory org, Clock clock,
                         @Value("${l2c.zone}") ZoneId zone) {
        this.delegations = delegations;
        this.authority = authority;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/approvals/delegations")
    String page(@RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        DelegationForm form = new DelegationForm();
        form.setStartsOn(today);
        form.setEndsOn(today);
        model.addAttribute("form", form);
        page(cursor, model);
        return htmx != null && cursor != null ? "approval/delegations :: rows" : "approval/delegations";
    }

    @PostMapping("/approvals/delegations")
    String grant(@ModelAttribute("form") DelegationForm form, BindingResult binding, RefusedInput refused, Model model,
                 RedirectAttributes redirect) {
        if (FormErrors.unreadable(binding, refused)) {
            page(null, model);
            return "approval/delegations";
        }
        try {
            refused.check();
            delegations.grant(CurrentUser.require().id(), form.getDelegateId(), form.getStartsOn(), form.getEndsOn(),
                    form.getNote());
            Flash.success(redirect, "flash.approval.delegated");
            return "redirect:/approvals/delegations";
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
        }
        page(null, model);
        return "approval/delegations";
    }

    @PostMapping("/approvals/delegations/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            delegations.revoke(id, CurrentUser.require().id());
            Flash.success(redirect, "flash.approval.delegationRevoked");
        } catch (RecordNotFoundException e) {
            throw e; // not found, or neither given nor received by the caller: the 404 page
        } catch (DomainException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/approvals/delegations";
    }

    private void page(String cursor, Model model) {
        CurrentUser me = CurrentUser.require();
        CursorPage<Delegations.DelegationRow> page = delegations.of(me.id(), cursor, null);
        model.addAttribute("page", page);
        Map<UUID, String> names = new HashMap<>();
        page.items().forEach(d -> List.of(d.delegatorId(), d.delegateId()).forEach(id -> names.computeIfAbsent(id,
                k -> org.person(k).map(OrgDirectory.Person::displayName).orElse(k.toString()))));
        model.addAttribute("names", names);
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        // those who may decide my approvals (0069), through the directory's public API: the holders of each role
        Map<UUID, OrgDirectory.Person> people = new LinkedHashMap<>();
        OrgDirectory.Person delegator = org.person(me.id()).orElse(null);
        for (Role role : Role.values()) {
            org.activeWithRole(role).stream().filter(p -> delegator != null && authority.holds(delegator, p))
                    .forEach(p -> people.putIfAbsent(p.id(), p));
        }
        people.remove(me.id());
        model.addAttribute("people", people.values().stream()
                .sorted(Comparator.comparing(OrgDirectory.Person::displayName)).toList());
    }
}
