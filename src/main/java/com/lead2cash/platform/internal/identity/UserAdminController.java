package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormErrors;
import com.lead2cash.platform.web.RefusedInput;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
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

/** Administration of users: list with filters, create, edit, deactivate. */
@Controller
class UserAdminController {

    /** The user form as the browser posts it. */
    static class UserFormModel {
        private String username;
        private String displayName;
        private String email;
        private String password;
        private UUID orgUnitId;
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        @com.lead2cash.platform.OwnDateRange
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate hireDate;
        private Long version;

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public UUID getOrgUnitId() { return orgUnitId; }
        public void setOrgUnitId(UUID orgUnitId) { this.orgUnitId = orgUnitId; }
        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
        public LocalDate getHireDate() { return hireDate; }
        public void setHireDate(LocalDate hireDate) { this.hireDate = hireDate; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }

        IdentityService.UserForm toForm() {
            return new IdentityService.UserForm(username, displayName, email, password, orgUnitId, roles, hireDate);
        }

        static UserFormModel of(User user) {
            UserFormModel m = new UserFormModel();
            m.username = user.username();
            m.displayName = user.displayName();
            m.email = user.email();
            m.orgUnitId = user.orgUnitId();
            m.roles = user.roleSet();
            m.hireDate = user.hireDate();
            m.version = user.version();
            return m;
        }
    }

    private final IdentityService identity;
    private final DeactivationNotes notes;

    UserAdminController(IdentityService identity, DeactivationNotes notes) {
        this.identity = identity;
        this.notes = notes;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID orgUnitId,
                @RequestParam(required = false) Role role, @RequestParam(required = false) Boolean active,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CursorPage<IdentityService.UserRow> page = identity.listUsers(
                new IdentityService.UserQuery(q, orgUnitId, role, active, sort, cursor, null));
        model.addAttribute("page", page);
        model.addAttribute("q", q);
        model.addAttribute("orgUnitId", orgUnitId);
        model.addAttribute("role", role);
        model.addAttribute("active", active);
        model.addAttribute("sort", sort);
        model.addAttribute("units", identity.orgTree());
        model.addAttribute("allRoles", Role.values());
        // htmx asks for the next page only: answer the rows, not the whole screen
        return htmx != null && cursor != null ? "admin/users :: rows" : "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("form", new UserFormModel());
        return form(model, null);
    }

    @PostMapping("/admin/users/new")
    String create(@ModelAttribute("form") UserFormModel form, BindingResult binding, RefusedInput refused, Model model,
                  RedirectAttributes redirect) {
        if (FormErrors.unreadable(binding, refused)) {
            return form(model, null);
        }
        try {
            refused.check();
            User user = identity.createUser(form.toForm());
            Flash.success(redirect, "flash.user.created", user.username());
            return "redirect:/admin/users";
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            return form(model, null);
        }
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable UUID id, Model model) {
        User user = identity.user(id);
        model.addAttribute("form", UserFormModel.of(user));
        return form(model, user);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") UserFormModel form, BindingResult binding,
                  RefusedInput refused, Model model, RedirectAttributes redirect) {
        if (FormErrors.unreadable(binding, refused)) {
            return form(model, identity.user(id));
        }
        try {
            refused.check();
            IdentityService.Activation changed = identity.updateUser(id, form.toForm(), form.getVersion());
            Flash.success(redirect, "flash.user.updated", changed.user().username());
            // where the approval tasks went that their new roles or unit no longer fit (0092), and the roles taken that
            // nobody active holds now while their pools' work waits (0074)
            java.util.List<String> said = new java.util.ArrayList<>(notes.of(changed.handedOn()));
            if (changed.rolesTaken() != null) {
                said.addAll(notes.of(changed.rolesTaken()));
            }
            // the units and territories a move out of their unit took from them (0093)
            if (changed.headshipsGivenUp() != null) {
                said.addAll(notes.of(changed.headshipsGivenUp()));
            }
            if (!said.isEmpty()) {
                redirect.addFlashAttribute("flashNotes", said);
            }
            return "redirect:/admin/users";
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
        } catch (OptimisticLockingFailureException e) {
            binding.reject("error.staleVersion");
        }
        return form(model, identity.user(id));
    }

    @PostMapping("/admin/users/{id}/active")
    String setActive(@PathVariable UUID id, @RequestParam boolean active, @RequestParam Long version,
                     RedirectAttributes redirect) {
        try {
            IdentityService.Activation activation = identity.setActive(id, active, version);
            Flash.success(redirect, active ? "flash.user.activated" : "flash.user.deactivated",
                    activation.user().username());
            if (activation.deactivation() != null) {
                // where their approval tasks went, and the units that still name them as head (0073)
                java.util.List<String> changed = notes.of(activation.deactivation());
                if (!changed.isEmpty()) {
                    redirect.addFlashAttribute("flashNotes", new java.util.ArrayList<>(changed));
                }
                // the open records they still own, each a link to its list of that owner, to hand them over (0095)
                java.util.List<java.util.List<String>> links = notes.links(activation.deactivation());
                if (!links.isEmpty()) {
                    redirect.addFlashAttribute("flashNoteLinks", new java.util.ArrayList<>(links.stream()
                            .map(java.util.ArrayList::new).toList()));
                }
            }
        } catch (RecordNotFoundException e) {
            throw e; // not found: the 404 page, as a GET of it
        } catch (DomainException e) {
            Flash.error(redirect, e);
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, "error.staleVersion");
        }
        return "redirect:/admin/users/" + id;
    }

    private String form(Model model, User user) {
        model.addAttribute("user", user);
        model.addAttribute("units", identity.orgTree());
        model.addAttribute("allRoles", Role.values());
        return "admin/user-form";
    }
}
