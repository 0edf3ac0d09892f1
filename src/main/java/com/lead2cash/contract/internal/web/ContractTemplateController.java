package com.lead2cash.contract.internal.web;

import com.lead2cash.contract.internal.ContractAccess;
import com.lead2cash.contract.internal.domain.Placeholders;
import com.lead2cash.contract.internal.template.ContractTemplate;
import com.lead2cash.contract.internal.template.ContractTemplates;
import com.lead2cash.contract.internal.template.TemplateClauseText;
import com.lead2cash.contract.internal.template.TemplateState;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormProblems;
import com.lead2cash.platform.web.RefusedInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The templates screen (合同模板) of legal: every template with its versions, a version's clauses with
 * their placeholders; legal and administrators start a new version, rewrite the draft and publish it.
 * Everyone who reads contracts may read the templates; changing them is 403 for anyone else.
 */
@Controller
@PreAuthorize(ContractAccess.READER_ROLES)
class ContractTemplateController {

    /** A clause of the form. */
    public static class ClauseForm {
        private String sectionKey;
        private String heading;
        private String body;

        public String getSectionKey() { return sectionKey; }
        public void setSectionKey(String sectionKey) { this.sectionKey = sectionKey; }
        public String getHeading() { return heading; }
        public void setHeading(String heading) { this.heading = heading; }
        public String getBody() { return body; }
        public void setBody(String body) { this.body = body; }
    }

    /** The draft version's form: its name, what changed, its clauses. */
    public static class TemplateForm {
        private String name;
        private String note;
        private Long version;
        private List<ClauseForm> clauses = new ArrayList<>();

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }
        public List<ClauseForm> getClauses() { return clauses; }
        public void setClauses(List<ClauseForm> clauses) { this.clauses = clauses; }

        static TemplateForm of(ContractTemplate t) {
            TemplateForm f = new TemplateForm();
            f.name = t.name();
            f.note = t.note();
            f.version = t.version();
            t.clauses().forEach(c -> {
                ClauseForm clause = new ClauseForm();
                clause.sectionKey = c.sectionKey();
                clause.heading = c.heading();
                clause.body = c.body();
                f.clauses.add(clause);
            });
            return f;
        }

        List<TemplateClauseText> clauses() {
            return clauses == null ? List.of() : clauses.stream().filter(java.util.Objects::nonNull)
                    .map(c -> new TemplateClauseText(c.sectionKey, c.heading, c.body)).toList();
        }
    }

    private final ContractTemplates templates;
    private final MessageSource messages;

    ContractTemplateController(ContractTemplates templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    @GetMapping("/contracts/templates")
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("mayManage", mayManage());
        return "contract/templates";
    }

    @GetMapping("/contracts/templates/{id}")
    String detail(@PathVariable UUID id, Model model) {
        ContractTemplate t = templates.get(id);
        return page(model, t, TemplateForm.of(t), FormProblems.NONE);
    }

    @PostMapping("/contracts/templates/{id}/versions")
    @PreAuthorize(ContractAccess.TEMPLATE_EDITOR_ROLES)
    String newVersion(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            ContractTemplate t = templates.newVersion(id);
            Flash.success(redirect, "contract.template.versionStarted", t.code(), t.templateVersion());
            return "redirect:/contracts/templates/" + t.id();
        } catch (RecordNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            Flash.error(redirect, e);
            return "redirect:/contracts/templates/" + id;
        }
    }

    @PostMapping("/contracts/templates/{id}")
    @PreAuthorize(ContractAccess.TEMPLATE_EDITOR_ROLES)
    String edit(@PathVariable UUID id, @ModelAttribute("form") TemplateForm form, RefusedInput refused, Model model,
                RedirectAttributes redirect, Locale locale) {
        ContractTemplate current = templates.get(id);
        try {
            refused.check();
            ContractTemplate t = templates.edit(id, form.getName(), form.clauses(), form.getNote(), form.getVersion());
            Flash.success(redirect, "contract.template.saved", t.code(), t.templateVersion());
            return "redirect:/contracts/templates/" + t.id();
        } catch (RecordNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            return page(model, current, form, FormProblems.of(e, messages, locale));
        }
    }

    @PostMapping("/contracts/templates/{id}/publish")
    @PreAuthorize(ContractAccess.TEMPLATE_EDITOR_ROLES)
    String publish(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            ContractTemplate t = templates.publish(id, version);
            Flash.success(redirect, "contract.template.publishedNow", t.code(), t.templateVersion());
        } catch (RecordNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/contracts/templates/" + id;
    }

    private String page(Model model, ContractTemplate t, TemplateForm form, FormProblems problems) {
        List<ContractTemplate> versions = templates.all().getOrDefault(t.code(), List.of());
        model.addAttribute("t", t);
        model.addAttribute("form", form);
        model.addAttribute("versions", versions);
        model.addAttribute("mayManage", mayManage());
        model.addAttribute("editable", mayManage() && t.editable());
        model.addAttribute("mayStartVersion", mayManage() && !versions.isEmpty() && versions.get(0).id().equals(t.id())
                && ContractTemplates.mayStartVersion(versions));
        model.addAttribute("placeholders", Placeholders.KNOWN.keySet().stream().sorted().toList());
        model.addAttribute("problems", problems);
        return "contract/template";
    }

    private static boolean mayManage() {
        return ContractAccess.mayManageTemplates();
    }
}
