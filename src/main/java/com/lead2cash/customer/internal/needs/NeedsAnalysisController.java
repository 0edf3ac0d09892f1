package com.lead2cash.customer.internal.needs;

import com.lead2cash.platform.OwnDateRange;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.customer.internal.contact.ContactService;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerAction;
import com.lead2cash.platform.DocumentLanguage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormErrors;
import com.lead2cash.platform.web.RefusedInput;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The needs-analysis screens of a customer (需求分析报告): the current report as the customer will read
 * it, where its confirmation stands, sending it to a contact (e-mail and QR code for WeChat), the
 * versions, and the form that writes the next version.
 */
@Controller
@PreAuthorize(CustomerAccess.READER_ROLES)
class NeedsAnalysisController {

    static String pagePath(UUID customerId) {
        return "/customers/" + customerId + "/needs-analyses";
    }

    /** The report form; pain points one a line, in order of priority. */
    static class NeedsForm {
        /** Its range is the report's own: from the day the customer was registered to now (NeedsAnalysisDraft). */
        @OwnDateRange
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
        private LocalDateTime interviewedAt;
        private String background;
        private String currentState;
        private String painPoints;
        private String goals;
        private String budget;
        private String decisionProcess;
        private List<UUID> decisionContactIds = new ArrayList<>();
        private String customerWords;

        public LocalDateTime getInterviewedAt() { return interviewedAt; }
        public void setInterviewedAt(LocalDateTime interviewedAt) { this.interviewedAt = interviewedAt; }
        public String getBackground() { return background; }
        public void setBackground(String background) { this.background = background; }
        public String getCurrentState() { return currentState; }
        public void setCurrentState(String currentState) { this.currentState = currentState; }
        public String getPainPoints() { return painPoints; }
        public void setPainPoints(String painPoints) { this.painPoints = painPoints; }
        public String getGoals() { return goals; }
        public void setGoals(String goals) { this.goals = goals; }
        public String getBudget() { return budget; }
        public void setBudget(String budget) { this.budget = budget; }
        public String getDecisionProcess() { return decisionProcess; }
        public void setDecisionProcess(String decisionProcess) { this.decisionProcess = decisionProcess; }
        public List<UUID> getDecisionContactIds() { return decisionContactIds; }
        public void setDecisionContactIds(List<UUID> ids) { this.decisionContactIds = ids == null ? new ArrayList<>() : ids; }
        public String getCustomerWords() { return customerWords; }
        public void setCustomerWords(String customerWords) { this.customerWords = customerWords; }

        NeedsAnalysisDraft draft(ZoneId zone) {
            List<String> points = painPoints == null ? List.of() : Arrays.stream(painPoints.split("\\R")).toList();
            return new NeedsAnalysisDraft(interviewedAt == null ? null : interviewedAt.atZone(zone).toInstant(),
                    background, currentState, points, goals, budget, decisionProcess, decisionContactIds,
                    customerWords);
        }

        /** The next version starts from the current one. */
        static NeedsForm from(NeedsAnalysis a, ZoneId zone) {
            NeedsForm f = new NeedsForm();
            f.interviewedAt = a.interviewedAt().atZone(zone).toLocalDateTime();
            f.background = a.background();
            f.currentState = a.currentState();
            f.painPoints = String.join("\n", a.painPoints());
            f.goals = a.goals();
            f.budget = a.budget();
            f.decisionProcess = a.decisionProcess();
            f.decisionContactIds = a.decisionMakers().stream().map(NeedsAnalysis.DecisionMaker::contactId)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(ArrayList::new));
            f.customerWords = a.customerWords();
            return f;
        }
    }

    private final NeedsAnalysisService service;
    private final NeedsAnalysisViews views;
    private final NeedsAnalysisDocument documents;
    private final CustomerAccess access;
    private final OrgDirectory org;
    private final ZoneId zone;
    private final Confirmations confirmations;
    private final ContactService contacts;
    private final java.time.Clock clock;

    NeedsAnalysisController(NeedsAnalysisService service, NeedsAnalysisViews views, NeedsAnalysisDocument documents,
                            CustomerAccess access, OrgDirectory org, @Value("${l2c.zone}") ZoneId zone,
                            Confirmations confirmations, ContactService contacts, java.time.Clock clock) {
        this.clock = clock;
        this.service = service;
        this.views = views;
        this.documents = documents;
        this.access = access;
        this.org = org;
        this.zone = zone;
        this.confirmations = confirmations;
        this.contacts = contacts;
    }

    @PreAuthorize(CustomerAccess.CUSTOMER_READER_ROLES)
    @GetMapping("/customers/{id}/needs-analyses")
    String page(@PathVariable UUID id, Locale locale, Model model) {
        Customer customer = access.visible(id);
        List<NeedsAnalysisService.Written> versions = service.versions(id);
        List<NeedsAnalysisViews.NeedsView> views = versions.stream().map(w -> this.views.of(w.analysis())).toList();
        NeedsAnalysisService.Written current = versions.stream().filter(w -> w.analysis().isCurrent()).findFirst()
                .orElse(null);
        model.addAttribute("customer", customer);
        model.addAttribute("versions", views);
        model.addAttribute("current", current == null ? null
                : views.stream().filter(v -> v.id().equals(current.analysis().id())).findFirst().orElseThrow());
        model.addAttribute("doc", current == null ? null : documents.of(current.analysis(), customer.name(), locale));
        List<ConfirmationView> sent = current == null ? List.of() : service.confirmationsOf(current.analysis());
        model.addAttribute("confirmations", sent);
        model.addAttribute("openable", confirmations.openable(sent));
        model.addAttribute("contacts", contacts.of(customer.id()));
        model.addAttribute("mayWrite", mayWrite(customer));
        authors(model, versions);
        return "customer/needs";
    }

    /** htmx: the customer page's card — the current report, where its confirmation stands, the way to the report. */
    @PreAuthorize(CustomerAccess.CUSTOMER_READER_ROLES)
    @GetMapping("/customers/{id}/needs-analyses/card")
    String card(@PathVariable UUID id, Model model) {
        Customer customer = access.visible(id);
        model.addAttribute("customer", customer);
        model.addAttribute("current", service.versions(id).stream().filter(w -> w.analysis().isCurrent()).findFirst()
                .map(w -> views.of(w.analysis())).orElse(null));
        model.addAttribute("mayWrite", mayWrite(customer));
        model.addAttribute("zone", zone);
        return "customer/needs :: card";
    }

    @PreAuthorize(CustomerAccess.CUSTOMER_READER_ROLES)
    @GetMapping("/needs-analyses/{id}")
    String version(@PathVariable UUID id, Locale locale, Model model) {
        NeedsAnalysisService.Written written = service.version(id);
        model.addAttribute("customer", written.customer());
        model.addAttribute("v", views.of(written.analysis()));
        model.addAttribute("doc", documents.of(written.analysis(), written.customer().name(), locale));
        List<ConfirmationView> sent = service.confirmationsOf(written.analysis());
        model.addAttribute("confirmations", sent);
        model.addAttribute("openable", confirmations.openable(sent));
        authors(model, List.of(written));
        return "customer/needs-version";
    }

    @GetMapping("/customers/{id}/needs-analyses/new")
    String newVersion(@PathVariable UUID id, Model model) {
        Customer customer = access.visible(id);
        customer.requireAction(access.actor(customer), CustomerAction.WRITE_NEEDS_ANALYSIS);
        NeedsForm form = service.versions(id).stream().filter(w -> w.analysis().isCurrent()).findFirst()
                .map(w -> NeedsForm.from(w.analysis(), zone)).orElseGet(NeedsForm::new);
        model.addAttribute("form", form);
        return form(customer, model);
    }

    @PostMapping("/customers/{id}/needs-analyses")
    String write(@PathVariable UUID id, @ModelAttribute("form") NeedsForm form, BindingResult binding,
                 RefusedInput refused, Model model,
                 RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                refused.check();
                NeedsAnalysis written = service.write(id, form.draft(zone)).analysis();
                Flash.success(redirect, "customer.needs.flash.written", written.number());
                return "redirect:" + pagePath(id);
            } catch (RecordNotFoundException | ForbiddenException e) {
                throw e;
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(access.visible(id), model);
    }

    /** htmx: sends the current version to the chosen contact; answers the link with its QR code. */
    @PostMapping("/needs-analyses/{id}/send")
    String send(@PathVariable UUID id, @RequestParam(required = false) UUID contactId,
                @RequestParam(required = false) String language, Model model) {
        try {
            model.addAttribute("sent", service.send(id, contactId, DocumentLanguage.named(language)));
            // the page's list of links sent, above the form, lists this one too, the C6 badge above it says
            // the deadline was met, and the versions table below marks this version sent (all swapped out of band)
            NeedsAnalysisService.Written written = service.version(id);
            NeedsAnalysis analysis = written.analysis();
            List<ConfirmationView> sent = service.confirmationsOf(analysis);
            model.addAttribute("confirmations", sent);
            model.addAttribute("openable", confirmations.openable(sent));
            model.addAttribute("current", views.of(analysis));
            List<NeedsAnalysisService.Written> versions = service.versions(written.customer().id());
            model.addAttribute("versions", versions.stream().map(w -> views.of(w.analysis())).toList());
            authors(model, versions);
            model.addAttribute("oob", true);
        } catch (RecordNotFoundException | ForbiddenException e) {
            throw e;
        } catch (DomainException e) {
            model.addAttribute("refusal", e instanceof com.lead2cash.platform.FieldValidationException f
                    && !f.errors().isEmpty() ? new DomainException(f.errors().get(0).messageKey(),
                    f.errors().get(0).args().toArray()) : e);
        }
        return "customer/needs :: sentWithList";
    }

    private String form(Customer customer, Model model) {
        model.addAttribute("customer", customer);
        // the picker offers the interview's range (NeedsAnalysisDraft#validated): the customer's registration day to now
        model.addAttribute("interviewFrom", service.registeredOn(customer).atStartOfDay());
        model.addAttribute("interviewTo", LocalDateTime.ofInstant(clock.instant(), zone)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        model.addAttribute("contacts", contacts.of(customer.id()));
        return "customer/needs-form";
    }

    private void authors(Model model, List<NeedsAnalysisService.Written> versions) {
        List<UUID> authors = versions.stream().map(w -> w.analysis().writtenBy()).distinct().toList();
        Map<UUID, String> names = org.people(authors).values().stream()
                .collect(Collectors.toMap(OrgDirectory.Person::id, OrgDirectory.Person::displayName));
        model.addAttribute("names", names);
        model.addAttribute("zone", zone);
    }

    private boolean mayWrite(Customer customer) {
        return customer.availableActions(access.actor(customer)).contains(CustomerAction.WRITE_NEEDS_ANALYSIS);
    }
}
