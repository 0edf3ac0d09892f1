package com.lead2cash.lead.internal.web;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.LeadAccess;
import com.lead2cash.lead.internal.LeadAssignment;
import com.lead2cash.lead.internal.LeadHistory;
import com.lead2cash.lead.internal.LeadProgress;
import com.lead2cash.lead.internal.LeadQueries;
import com.lead2cash.lead.internal.LeadViews;
import com.lead2cash.lead.internal.capture.DuplicateFinder;
import com.lead2cash.lead.internal.capture.LeadCapture;
import com.lead2cash.lead.internal.domain.CaptureChannel;
import com.lead2cash.lead.internal.domain.ContactIntent;
import com.lead2cash.lead.internal.domain.DisqualifyReasons;
import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.lead.internal.io.LeadExport;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormErrors;
import com.lead2cash.platform.web.InactiveOwner;
import com.lead2cash.platform.web.PageActions;
import com.lead2cash.platform.web.RefusedInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** The lead screens: list and pools, capture with duplicate decision, the lead's page with its actions. */
@Controller
@PreAuthorize(LeadAccess.READER_ROLES)
public class LeadController {

    /** The capture form as the browser posts it. */
    static class LeadForm {
        private String companyName;
        private String contactName;
        private String contactTitle;
        private String phone;
        private String email;
        private String industry;
        private String region;
        private String productLine;
        private LeadSource source;
        private String sourceDetail;
        private BigDecimal budget;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate purchaseDate;
        private boolean decisionMakerKnown;
        private String decisionChainNotes;
        private String uscc;
        private String notes;
        private LeadCapture.DuplicateDecision.Action duplicateAction;
        private String duplicateReason;
        private UUID mergeIntoLeadId;
        private Long version;

        public Long getVersion() { return version; }
        public void setVersion(Long v) { version = v; }

        /** The lead to correct, its phone and e-mail as the editor sees them ({@code shown}): masked or left out. */
        static LeadForm of(Lead lead, LeadViews.LeadView shown) {
            LeadDraft d = lead.draft();
            LeadForm f = new LeadForm();
            f.companyName = d.companyName();
            f.contactName = d.contactName();
            f.contactTitle = d.contactTitle();
            f.phone = shown.phone();
            f.email = shown.email();
            f.industry = d.industry();
            // the picker shows the division the lead has; text that names none stays text
            f.region = d.regionCode() != null ? d.regionCode() : d.region();
            f.productLine = d.productLine();
            f.source = d.source();
            f.sourceDetail = d.sourceDetail();
            f.budget = d.budget();
            f.purchaseDate = d.purchaseDate();
            f.decisionMakerKnown = d.decisionMakerKnown();
            f.decisionChainNotes = d.decisionChainNotes();
            f.uscc = d.uscc();
            f.notes = d.notes();
            f.version = lead.version();
            return f;
        }

        LeadDraft draft() {
            return new LeadDraft(companyName, contactName, contactTitle, phone, email, industry, region, productLine,
                    source, sourceDetail, null, budget, purchaseDate, decisionMakerKnown, decisionChainNotes, uscc,
                    notes);
        }

        public String getCompanyName() { return companyName; }
        public void setCompanyName(String v) { companyName = v; }
        public String getContactName() { return contactName; }
        public void setContactName(String v) { contactName = v; }
        public String getContactTitle() { return contactTitle; }
        public void setContactTitle(String v) { contactTitle = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getIndustry() { return industry; }
        public void setIndustry(String v) { industry = v; }
        public String getRegion() { return region; }
        public void setRegion(String v) { region = v; }
        public String getProductLine() { return productLine; }
        public void setProductLine(String v) { productLine = v; }
        public LeadSource getSource() { return source; }
        public void setSource(LeadSource v) { source = v; }
        public String getSourceDetail() { return sourceDetail; }
        public void setSourceDetail(String v) { sourceDetail = v; }
        public BigDecimal getBudget() { return budget; }
        public void setBudget(BigDecimal v) { budget = v; }
        public LocalDate getPurchaseDate() { return purchaseDate; }
        public void setPurchaseDate(LocalDate v) { purchaseDate = v; }
        public boolean isDecisionMakerKnown() { return decisionMakerKnown; }
        public void setDecisionMakerKnown(boolean v) { decisionMakerKnown = v; }
        public String getDecisionChainNotes() { return decisionChainNotes; }
        public void setDecisionChainNotes(String v) { decisionChainNotes = v; }
        public String getUscc() { return uscc; }
        public void setUscc(String v) { uscc = v; }
        public String getNotes() { return notes; }
        public void setNotes(String v) { notes = v; }
        public LeadCapture.DuplicateDecision.Action getDuplicateAction() { return duplicateAction; }
        public void setDuplicateAction(LeadCapture.DuplicateDecision.Action v) { duplicateAction = v; }
        public String getDuplicateReason() { return duplicateReason; }
        public void setDuplicateReason(String v) { duplicateReason = v; }
        public UUID getMergeIntoLeadId() { return mergeIntoLeadId; }
        public void setMergeIntoLeadId(UUID v) { mergeIntoLeadId = v; }
    }

    private final LeadCapture capture;
    private final LeadAssignment assignment;
    private final LeadProgress progress;
    private final LeadAccess access;
    private final LeadQueries queries;
    private final LeadViews views;
    private final LeadHistory history;
    private final DisqualifyReasons reasons;
    private final OrgDirectory directory;
    private final com.lead2cash.platform.DataScope dataScope;
    private final LeadExport export;

    LeadController(LeadCapture capture, LeadAssignment assignment, LeadProgress progress, LeadAccess access,
                   LeadQueries queries, LeadViews views, LeadHistory history, DisqualifyReasons reasons,
                   OrgDirectory directory, com.lead2cash.platform.DataScope dataScope, LeadExport export) {
        this.capture = capture;
        this.assignment = assignment;
        this.progress = progress;
        this.access = access;
        this.queries = queries;
        this.views = views;
        this.history = history;
        this.reasons = reasons;
        this.directory = directory;
        this.dataScope = dataScope;
        this.export = export;
    }

    @GetMapping("/leads")
    String list(@RequestParam(required = false) Grade grade, @RequestParam(required = false) LeadStatus status,
                @RequestParam(required = false) LeadSource source, @RequestParam(required = false) UUID ownerId,
                @RequestParam(required = false) UUID territoryId,
                @RequestParam(required = false) Integer minAgeDays, @RequestParam(required = false) String q,
                @RequestParam(required = false) String view, @RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        LeadQueries.LeadFilter filter = new LeadQueries.LeadFilter(grade, status, source, ownerId, territoryId,
                minAgeDays, null, q, view, cursor, 30);
        CursorPage<LeadQueries.LeadRow> page = queries.list(filter);
        model.addAttribute("page", page);
        model.addAttribute("filter", filter);
        model.addAttribute("grades", Grade.values());
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("isManager", isManager());
        model.addAttribute("canImport", CurrentUser.require().hasAny(Role.MARKETING, Role.SALES_ASSISTANT,
                Role.SALES_MANAGER, Role.REGIONAL_MANAGER, Role.SALES_DIRECTOR, Role.ADMIN));
        List<OrgDirectory.Person> reps = isManager() ? assignableReps() : List.of();
        model.addAttribute("reps", reps);
        // a departed rep's leads (0095's link) keep their owner chosen in the owner filter
        model.addAttribute("inactiveOwner", isManager()
                ? InactiveOwner.of(ownerId, reps, directory, dataScope.current()).orElse(null) : null);
        model.addAttribute("territories", queries.territoryNames());
        return htmx != null && cursor != null ? "lead/list :: rows" : "lead/list";
    }

    /** The list as it is filtered, as an Excel file. */
    @GetMapping("/leads/export.xlsx")
    void export(@RequestParam(required = false) Grade grade, @RequestParam(required = false) LeadStatus status,
                @RequestParam(required = false) LeadSource source, @RequestParam(required = false) UUID ownerId,
                @RequestParam(required = false) UUID territoryId,
                @RequestParam(required = false) Integer minAgeDays, @RequestParam(required = false) String q,
                @RequestParam(required = false) String view, Locale locale,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        com.lead2cash.platform.web.Download.xlsx(response, "leads.xlsx",
                out -> export.write(new LeadQueries.LeadFilter(grade, status, source, ownerId, territoryId, minAgeDays, null, q, view,
                null, null), locale, out));
    }

    @GetMapping("/leads/new")
    String newLead(Model model) {
        model.addAttribute("form", new LeadForm());
        return captureForm(model, List.of());
    }

    @PostMapping("/leads/new")
    String capture(@ModelAttribute("form") LeadForm form, BindingResult binding, RefusedInput refused, Model model,
                   RedirectAttributes redirect) {
        if (refusedAtOnce(form, binding, refused)) {
            return captureForm(model, List.of());
        }
        try {
            LeadCapture.DuplicateDecision decision = null;
            if (form.getDuplicateAction() == null) {
                List<DuplicateFinder.Duplicate> found = capture.checkDuplicates(form.draft());
                if (!found.isEmpty()) {
                    // the person decides before anything is stored
                    return captureForm(model, found);
                }
            } else {
                decision = new LeadCapture.DuplicateDecision(form.getDuplicateAction(), form.getDuplicateReason(),
                        form.getMergeIntoLeadId());
            }
            LeadCapture.Captured captured = capture.capture(form.draft(), CaptureChannel.MANUAL,
                    CurrentUser.require().id(), decision);
            Flash.success(redirect, captured.merged() ? "lead.flash.merged" : "lead.flash.captured",
                    captured.lead().code());
            return "redirect:/leads/" + captured.lead().id();
        } catch (RecordNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            boolean decided = form.getDuplicateAction() != null;
            // a refused decision about duplicates shows the duplicates again
            return captureForm(model, decided && !(e instanceof com.lead2cash.platform.FieldValidationException f
                    && f.errors().stream().anyMatch(x -> !x.field().startsWith("duplicate")))
                    ? capture.checkDuplicates(form.draft()) : List.of());
        }
    }

    /**
     * Puts every problem of a new lead's form on it at once, as the API answers them: values that could not be read,
     * values the input rules refused and what the lead's rules refuse in the rest, one message per field. True when
     * there is any.
     */
    private boolean refusedAtOnce(LeadForm form, BindingResult binding, RefusedInput refused) {
        Set<String> shown = new HashSet<>();
        binding.getFieldErrors().forEach(f -> shown.add(f.getField()));
        List<FieldValidationException.FieldError> problems = new ArrayList<>(refused.errors());
        refused.errors().forEach(f -> shown.add(f.field()));
        capture.problems(form.draft()).stream().filter(p -> !shown.contains(p.field())).forEach(problems::add);
        if (!problems.isEmpty()) {
            FormErrors.reject(binding, new FieldValidationException(problems));
        }
        return binding.hasErrors();
    }

    @GetMapping("/leads/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Lead lead = capture.correctable(id);
        LeadViews.LeadView shown = views.of(lead);
        model.addAttribute("form", LeadForm.of(lead, shown));
        model.addAttribute("editing", shown);
        return captureForm(model, List.of());
    }

    @PostMapping("/leads/{id}/edit")
    String correct(@PathVariable UUID id, @ModelAttribute("form") LeadForm form, BindingResult binding,
                   RefusedInput refused, Model model, RedirectAttributes redirect) {
        if (FormErrors.unreadable(binding, refused)) {
            model.addAttribute("editing", views.of(access.readable(id)));
            return captureForm(model, List.of());
        }
        try {
            refused.check();
            Lead lead = capture.correct(id, form.draft(), form.getVersion());
            Flash.success(redirect, "lead.flash.corrected", lead.code());
            return "redirect:/leads/" + id;
        } catch (RecordNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
        } catch (OptimisticLockingFailureException e) {
            binding.reject("error.staleVersion");
        }
        model.addAttribute("editing", views.of(access.readable(id)));
        return captureForm(model, List.of());
    }

    private String captureForm(Model model, List<DuplicateFinder.Duplicate> duplicates) {
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("duplicates", duplicates.stream().map(LeadViews.DuplicateView::of).toList());
        return "lead/form";
    }

    @GetMapping("/leads/{id}")
    String detail(@PathVariable UUID id, Model model, Locale locale) {
        Lead lead = access.readable(id);
        LeadViews.LeadView view = views.of(lead);
        model.addAttribute("lead", view);
        model.addAttribute("openableCustomers", views.openableCustomers(view.duplicates()));
        model.addAttribute("conversion", views.conversion(lead));
        model.addAttribute("regionCandidates", views.regionCandidates(lead));
        List<LeadHistory.Entry> entries = history.of(id);
        List<DisqualifyReasons.Reason> active = reasons.active(locale);
        model.addAttribute("history", entries);
        model.addAttribute("attempts", queries.contactAttempts(id));
        model.addAttribute("reasons", active);
        model.addAttribute("disqualifyLabel", lead.disqualifyReason() == null ? null
                : reasons.label(lead.disqualifyReason(), locale));
        List<OrgDirectory.Person> reps = view.can("ASSIGN")
                ? assignableReps().stream().filter(r -> lead.assignableTo(r.id())).toList() : List.of();
        model.addAttribute("reps", reps);
        // L4: the reps this lead would go to only as the manager's override, each with the months the rule asks
        model.addAttribute("seniorityOverrides", reps.stream()
                .collect(java.util.HashMap<UUID, Integer>::new, (overrides, r) -> {
                    var seniority = access.seniorityOf(r);
                    if (lead.overridesSeniority(seniority)) {
                        overrides.put(r.id(), seniority.requiredMonths());
                    }
                }, java.util.Map::putAll));
        // of them, those whose hire date is unknown: said so, not "not more than the months" (L4)
        model.addAttribute("undatedReps", reps.stream().filter(r -> !access.seniorityOf(r).hireDateKnown())
                .map(OrgDirectory.Person::id).collect(java.util.stream.Collectors.toSet()));
        // L4: raised to A, the lead would leave its owner or the nurture pool — said beside the grade before it is sent
        if (view.can("REGRADE")) {
            var ownerSeniority = access.seniorityOfOwner(lead);
            if (lead.leavesWhenRaisedToA(ownerSeniority)) {
                model.addAttribute("raisingToALeaves", ownerSeniority == null
                        ? List.of(access.seniorityMonths())
                        : List.of(ownerSeniority.requiredMonths(), directory.person(lead.ownerId())
                                .map(OrgDirectory.Person::displayName).orElse("")));
            }
        }
        // the grades the lead may be regraded to, as it answers them (not the one it has)
        model.addAttribute("grades", lead.regradeChoices());
        model.addAttribute("intents", ContactIntent.values());
        model.addAttribute("people", directory.people(entries.stream().map(LeadHistory.Entry::actorId)
                .collect(java.util.stream.Collectors.toSet())));
        return "lead/detail";
    }

    /**
     * Runs a lead action and comes back to the lead's page with its outcome as a flash message; a lead
     * outside the reader's scope is the 404 page, as on every route.
     */
    private String act(UUID id, RedirectAttributes redirect, String successKey, Runnable action) {
        return act(id, redirect, successKey, () -> { }, action);
    }

    /** {@link #act}, and {@code refused} runs when it was refused: a form's {@link Flash#typed} values for the page. */
    private String act(UUID id, RedirectAttributes redirect, String successKey, Runnable refused, Runnable action) {
        return PageActions.run(redirect, "/leads/" + id, successKey, refused, action);
    }

    /** {@link #act}, what the input rules refused in the form's fields shown as the action's own refusal. */
    private String act(UUID id, RedirectAttributes redirect, String successKey, RefusedInput input, Runnable refused,
                       Runnable action) {
        return PageActions.run(redirect, "/leads/" + id, successKey, input, refused, action);
    }

    @PostMapping("/leads/{id}/screen")
    String screen(@PathVariable UUID id, @RequestParam Long version, RedirectAttributes redirect) {
        return act(id, redirect, "lead.flash.screened", () -> capture.screen(id, version));
    }

    @PostMapping("/leads/{id}/regrade")
    String regrade(@PathVariable UUID id, @RequestParam Grade grade, @RequestParam String reason,
                   @RequestParam Long version, RefusedInput refused, RedirectAttributes redirect) {
        java.util.concurrent.atomic.AtomicReference<Lead> regraded = new java.util.concurrent.atomic.AtomicReference<>();
        String back = act(id, redirect, "lead.flash.regraded", refused,
                () -> Flash.typed(redirect, "regradeTyped", "grade", grade, "reason", reason),
                () -> regraded.set(capture.regrade(id, grade, reason, version)));
        Lead lead = regraded.get();
        if (lead != null && !access.readableByOwnerAndCapturer().test(lead.ownerId(), lead.capturedBy())) {
            // raised to A beyond the rep's seniority, it left them (L4, docs/decisions/0115): its page is not theirs
            Flash.success(redirect, "lead.flash.regradedAway");
            return "redirect:/leads";
        }
        return back;
    }

    @PostMapping("/leads/{id}/assign")
    String assign(@PathVariable UUID id, @RequestParam UUID ownerId, @RequestParam(required = false) String reason,
                  @RequestParam Long version, RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "lead.flash.assigned", refused,
                () -> Flash.typed(redirect, "assignTyped", "ownerId", ownerId, "reason", reason),
                () -> assignment.assignByManager(id, ownerId, reason, version));
    }

    @PostMapping("/leads/bulk-assign")
    String bulkAssign(@RequestParam(required = false) List<UUID> leadIds, @RequestParam UUID ownerId,
                      @RequestParam(required = false) String reason,
                      RefusedInput refused, RedirectAttributes redirect) {
        try {
            refused.check();
            int n = assignment.bulkAssign(leadIds, ownerId, reason);
            Flash.success(redirect, "lead.flash.bulkAssigned", n);
        } catch (RecordNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/leads?view=pool";
    }

    @PostMapping("/leads/{id}/claim")
    String claim(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            LeadAssignment.ClaimResult result = assignment.claim(id);
            Flash.success(redirect, result.outcome() == Lead.ClaimOutcome.CONTEST ? "lead.flash.contest"
                    : "lead.flash.claimed");
        } catch (RecordNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/arbitrate")
    String arbitrate(@PathVariable UUID id, @RequestParam UUID winnerId, @RequestParam(required = false) String reason,
                     @RequestParam Long version, RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "lead.flash.arbitrated", refused,
                () -> Flash.typed(redirect, "arbitrateTyped", "winnerId", winnerId, "reason", reason),
                () -> assignment.arbitrate(id, winnerId, reason, version));
    }

    @PostMapping("/leads/{id}/contact-attempts")
    String contact(@PathVariable UUID id, @RequestParam String channel,
                   @RequestParam(required = false) ContactIntent intent, @RequestParam String summary,
                   RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "lead.flash.contacted", refused,
                () -> Flash.typed(redirect, "leadContactTyped", "channel", channel,
                "intent", intent, "summary", summary),
                () -> progress.recordContact(id, channel, intent, summary, null));
    }

    @PostMapping("/leads/{id}/convert")
    String convert(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean createOpportunity,
                   @RequestParam(required = false) String opportunityName,
                   @RequestParam(required = false) BigDecimal amount,
                   RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "lead.flash.converted", refused, () -> Flash.typed(redirect, "convertTyped",
                        "createOpportunity", createOpportunity, "opportunityName", opportunityName,
                        "amount", amount),
                () -> progress.convert(id, null, createOpportunity, opportunityName, amount));
    }

    @PostMapping("/leads/{id}/disqualify")
    String disqualify(@PathVariable UUID id, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) String note, @RequestParam Long version,
                      RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "lead.flash.disqualified", refused,
                () -> Flash.typed(redirect, "disqualifyTyped", "reason", reason, "note", note),
                () -> progress.disqualify(id, reason, note, version));
    }

    @PostMapping("/leads/{id}/reopen")
    String reopen(@PathVariable UUID id, @RequestParam Long version, RedirectAttributes redirect) {
        return act(id, redirect, "lead.flash.reopened", () -> progress.reopen(id, version));
    }

    private static boolean isManager() {
        return CurrentUser.require().isManager();
    }

    /**
     * The reps a manager may assign to, by name: a team's members are read by id (a page then reads its
     * team, not every rep of the company); a company-wide scope reads the reps and account managers.
     */
    private List<OrgDirectory.Person> assignableReps() {
        var scope = dataScope.current();
        java.util.stream.Stream<OrgDirectory.Person> people = scope.isAll()
                ? java.util.stream.Stream.concat(directory.activeWithRole(Role.SALES_REP).stream(),
                        directory.activeWithRole(Role.ACCOUNT_MANAGER).stream())
                : directory.people(scope.owners()).values().stream().filter(OrgDirectory.Person::active);
        java.util.Map<UUID, OrgDirectory.Person> byId = new java.util.LinkedHashMap<>();
        people.filter(p -> p.roles().contains(Role.SALES_REP) || p.roles().contains(Role.ACCOUNT_MANAGER))
                .forEach(p -> byId.putIfAbsent(p.id(), p));
        return byId.values().stream()
                .sorted(java.util.Comparator.comparing(OrgDirectory.Person::username)).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class LeadNavigation {

        @Bean
        NavigationEntry leadsNavigation() {
            return new NavigationEntry("lead.nav.leads", "/leads", 100, LeadAccess.READERS);
        }
    }
}
