package com.lead2cash.customer.internal.web;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.LifecycleBucket;
import com.lead2cash.customer.TimelineEntry;
import com.lead2cash.customer.internal.ClaimCheck;
import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.customer.internal.CustomerCredit;
import com.lead2cash.customer.internal.CustomerMerge;
import com.lead2cash.customer.internal.CustomerOwnership;
import com.lead2cash.customer.internal.CustomerPolicy;
import com.lead2cash.customer.internal.CustomerQueries;
import com.lead2cash.customer.internal.CustomerService;
import com.lead2cash.customer.internal.CustomerTimeline;
import com.lead2cash.customer.internal.CustomerViews;
import com.lead2cash.customer.internal.DuplicateCheck;
import com.lead2cash.customer.internal.DuplicatesNeedReason;
import com.lead2cash.customer.internal.activity.ActivityService;
import com.lead2cash.customer.internal.activity.ActivityViews;
import com.lead2cash.customer.internal.contact.ContactService;
import com.lead2cash.customer.internal.domain.ActivityDraft;
import com.lead2cash.customer.internal.domain.ActivityType;
import com.lead2cash.customer.internal.domain.Attitude;
import com.lead2cash.customer.internal.domain.CompanySize;
import com.lead2cash.customer.internal.domain.CustomerAction;
import com.lead2cash.customer.internal.domain.CustomerActor;
import com.lead2cash.customer.internal.domain.ContactDetails;
import com.lead2cash.customer.internal.domain.CreditRating;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerProfile;
import com.lead2cash.customer.internal.domain.CustomerSource;
import com.lead2cash.customer.internal.domain.DecisionRole;
import com.lead2cash.customer.internal.domain.GradeFactors;
import com.lead2cash.customer.internal.domain.Level;
import com.lead2cash.customer.internal.domain.PursuitMode;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormErrors;
import com.lead2cash.platform.web.InactiveOwner;
import com.lead2cash.platform.web.PageActions;
import com.lead2cash.platform.web.RefusedInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
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

/** The customer screens: list and public pool, registration with duplicate decision, the customer's page with its actions. */
@Controller
@PreAuthorize(CustomerAccess.READER_ROLES)
class CustomerController {

    /** The registration / correction form as the browser posts it. */
    public static class CustomerForm {
        private String name;
        private String uscc;
        private String industry;
        private CompanySize size;
        private String region;
        private String address;
        private String website;
        private CustomerSource source;
        private CustomerGrade grade = CustomerGrade.C;
        private Level industryPosition;
        private Level urgency;
        private Level budget;
        private Level potential;
        private UUID ownerId;
        private String duplicateReason;
        private boolean duplicatesSeen;
        private Long version;

        static CustomerForm of(Customer c) {
            CustomerForm f = new CustomerForm();
            f.name = c.name();
            f.uscc = c.uscc();
            f.industry = c.industry();
            f.size = c.size();
            f.region = c.regionCode() != null ? c.regionCode() : c.region();
            f.address = c.address();
            f.website = c.website();
            f.source = c.source();
            f.grade = c.grade();
            f.version = c.version();
            return f;
        }

        CustomerProfile profile() {
            return CustomerProfile.validated(name, uscc, industry, size, region, null, address, website, source);
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getUscc() { return uscc; }
        public void setUscc(String v) { uscc = v; }
        public String getIndustry() { return industry; }
        public void setIndustry(String v) { industry = v; }
        public CompanySize getSize() { return size; }
        public void setSize(CompanySize v) { size = v; }
        public String getRegion() { return region; }
        public void setRegion(String v) { region = v; }
        public String getAddress() { return address; }
        public void setAddress(String v) { address = v; }
        public String getWebsite() { return website; }
        public void setWebsite(String v) { website = v; }
        public CustomerSource getSource() { return source; }
        public void setSource(CustomerSource v) { source = v; }
        public CustomerGrade getGrade() { return grade; }
        public void setGrade(CustomerGrade v) { grade = v; }
        public Level getIndustryPosition() { return industryPosition; }
        public void setIndustryPosition(Level v) { industryPosition = v; }
        public Level getUrgency() { return urgency; }
        public void setUrgency(Level v) { urgency = v; }
        public Level getBudget() { return budget; }
        public void setBudget(Level v) { budget = v; }
        public Level getPotential() { return potential; }
        public void setPotential(Level v) { potential = v; }
        public UUID getOwnerId() { return ownerId; }
        public void setOwnerId(UUID v) { ownerId = v; }
        public String getDuplicateReason() { return duplicateReason; }
        public void setDuplicateReason(String v) { duplicateReason = v; }
        public boolean isDuplicatesSeen() { return duplicatesSeen; }
        public void setDuplicatesSeen(boolean v) { duplicatesSeen = v; }
        public Long getVersion() { return version; }
        public void setVersion(Long v) { version = v; }
    }

    /**
     * The correction form of a contact as the browser posts it: every field the API's correction may change, as the
     * reader sees it (a mask sent back keeps what it masks), and {@code primary} ticked to make it the primary contact
     * (no step makes a primary contact stop being one, as on the API).
     */
    public static class ContactForm {
        private String name;
        private String title;
        private String department;
        private String phone;
        private String email;
        private String wechat;
        private DecisionRole role;
        private Attitude attitude;
        private String notes;
        private String language;
        private boolean primary;
        private Long version;

        static ContactForm of(ContactService.ContactView k) {
            ContactForm f = new ContactForm();
            f.name = k.name();
            f.title = k.title();
            f.department = k.department();
            f.phone = k.phone();
            f.email = k.email();
            f.wechat = k.wechat();
            f.role = k.role();
            f.attitude = k.attitude();
            f.notes = k.notes();
            f.language = k.language();
            f.primary = k.primary();
            f.version = k.version();
            return f;
        }

        /** The details as entered: the contact checks them ({@link ContactDetails#validatedAsEditOf}). */
        ContactDetails details() {
            return new ContactDetails(name, title, department, phone, email, wechat, role, attitude, notes, language);
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getDepartment() { return department; }
        public void setDepartment(String v) { department = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getWechat() { return wechat; }
        public void setWechat(String v) { wechat = v; }
        public DecisionRole getRole() { return role; }
        public void setRole(DecisionRole v) { role = v; }
        public Attitude getAttitude() { return attitude; }
        public void setAttitude(Attitude v) { attitude = v; }
        public String getNotes() { return notes; }
        public void setNotes(String v) { notes = v; }
        public String getLanguage() { return language; }
        public void setLanguage(String v) { language = v; }
        public boolean isPrimary() { return primary; }
        public void setPrimary(boolean v) { primary = v; }
        public Long getVersion() { return version; }
        public void setVersion(Long v) { version = v; }
    }

    private final CustomerService service;
    private final CustomerOwnership ownership;
    private final CustomerMerge merge;
    private final CustomerCredit credit;
    private final CustomerQueries queries;
    private final CustomerViews views;
    private final CustomerAccess access;
    private final CustomerTimeline timeline;
    private final CustomerPolicy policy;
    private final ContactService contacts;
    private final ActivityService activities;
    private final ActivityViews activityViews;
    private final TimelineTexts texts;
    private final OrgDirectory directory;
    private final Clock clock;
    private final com.lead2cash.customer.internal.io.CustomerExport export;
    private final ClaimCheck claims;

    /** Cards other modules put on the customer's page. */
    private final org.springframework.beans.factory.ObjectProvider<com.lead2cash.customer.CustomerPagePanel> panels;

    CustomerController(CustomerService service, CustomerOwnership ownership, CustomerMerge merge, CustomerCredit credit,
                       CustomerQueries queries, CustomerViews views, CustomerAccess access, CustomerTimeline timeline,
                       CustomerPolicy policy, ContactService contacts,
                       ActivityService activities, ActivityViews activityViews, TimelineTexts texts,
                       OrgDirectory directory, Clock clock, com.lead2cash.customer.internal.io.CustomerExport export,
                       org.springframework.beans.factory.ObjectProvider<com.lead2cash.customer.CustomerPagePanel> panels,
                       ClaimCheck claims) {
        this.claims = claims;
        this.export = export;
        this.panels = panels;
        this.service = service;
        this.ownership = ownership;
        this.merge = merge;
        this.credit = credit;
        this.queries = queries;
        this.views = views;
        this.access = access;
        this.timeline = timeline;
        this.policy = policy;
        this.contacts = contacts;
        this.activities = activities;
        this.activityViews = activityViews;
        this.texts = texts;
        this.directory = directory;
        this.clock = clock;
    }

    // ---- lists

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) CustomerGrade grade,
                @RequestParam(required = false) CustomerStatus status,
                @RequestParam(required = false) LifecycleBucket bucket, @RequestParam(required = false) UUID ownerId,
                @RequestParam(required = false) CustomerQueries.ListView view, @RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CustomerQueries.CustomerFilter filter = new CustomerQueries.CustomerFilter(blank(q), grade, status, bucket,
                ownerId, name(view), cursor, 30);
        var page = queries.list(filter);
        model.addAttribute("page", page);
        model.addAttribute("filter", filter);
        model.addAttribute("grades", CustomerGrade.values());
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("buckets", LifecycleBucket.values());
        CurrentUser me = CurrentUser.require();
        model.addAttribute("isManager", me.isManager());
        model.addAttribute("isRep", me.hasAny(Role.SALES_REP, Role.ACCOUNT_MANAGER));
        if (filter.pool() && me.hasAny(Role.SALES_REP, Role.ACCOUNT_MANAGER)) {
            // C7: no claim offered that the claim would refuse (at the holding limit, or within the re-claim cooldown)
            model.addAttribute("holdingRefusal", claims.holdingRefusal(me.id()).orElse(null));
            model.addAttribute("coolingDown", claims.coolingDown(page.items().stream().map(r -> r.id()).toList(), me.id()));
        }
        // registering and importing are for those who work customers; finance reads them
        model.addAttribute("registers", new CustomerActor(me.id(), me.roles(), true).worksCustomers());
        List<OrgDirectory.Person> people = me.isManager() ? teamPeople() : List.of();
        model.addAttribute("people", people);
        // a departed person's customers (0095's link) keep their owner chosen in the owner filter
        model.addAttribute("inactiveOwner", me.isManager()
                ? InactiveOwner.of(ownerId, people, directory, access.scope()).orElse(null) : null);
        model.addAttribute("now", clock.instant());
        return htmx != null && cursor != null ? "customer/list :: rows" : "customer/list";
    }

    /** The list as it is filtered, as an Excel file. */
    @GetMapping("/customers/export.xlsx")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) CustomerGrade grade,
                @RequestParam(required = false) CustomerStatus status,
                @RequestParam(required = false) LifecycleBucket bucket, @RequestParam(required = false) UUID ownerId,
                @RequestParam(required = false) CustomerQueries.ListView view, Locale locale,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        com.lead2cash.platform.web.Download.xlsx(response, "customers.xlsx",
                out -> export.write(new CustomerQueries.CustomerFilter(blank(q), grade, status, bucket, ownerId, name(view), null, null),
                locale, out));
    }

    @GetMapping("/customers/pool")
    String pool(@RequestParam(required = false) String q, @RequestParam(required = false) CustomerGrade grade,
                @RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        return list(q, grade, null, null, null, CustomerQueries.ListView.pool, cursor, htmx, model);
    }

    @PostMapping("/customers/transfer")
    String bulkTransfer(@RequestParam(required = false) List<UUID> customerIds, @RequestParam(required = false) UUID ownerId,
                        @RequestParam(required = false) String reason,
                        @RequestParam(defaultValue = "false") boolean openBusinessFollows,
                        @RequestParam(required = false) CustomerQueries.ListView view, RefusedInput refused,
                        RedirectAttributes redirect) {
        // a customer selected outside the scope is the 404 page, nothing transferred (all or nothing), as the leads'
        // bulk assignment answers: not a hint on the list
        return PageActions.runNaming(redirect, view == CustomerQueries.ListView.pool ? "/customers/pool" : "/customers",
                "customer.flash.bulkTransferred", refused, () -> { },
                () -> ownership.bulkTransfer(customerIds, ownerId, reason, openBusinessFollows));
    }

    // ---- registration and correction

    @GetMapping("/customers/new")
    @PreAuthorize(CustomerAccess.WORKER_ROLES)
    String newCustomer(Model model) {
        model.addAttribute("form", new CustomerForm());
        return form(model, List.of(), null);
    }

    @PostMapping("/customers/new")
    @PreAuthorize(CustomerAccess.WORKER_ROLES)
    String create(@ModelAttribute("form") CustomerForm form, BindingResult binding, RefusedInput refused, Model model,
                  RedirectAttributes redirect) {
        if (FormErrors.unreadable(binding, refused)) {
            return form(model, List.of(), null);
        }
        try {
            refused.check();
            CustomerProfile profile = form.profile();
            CustomerService.Registered r = service.create(profile, form.getGrade(), new GradeFactors(
                    form.getIndustryPosition(), form.getUrgency(), form.getBudget(), form.getPotential()), null,
                    form.getOwnerId(), form.getDuplicateReason());
            Flash.success(redirect, "customer.flash.created", r.customer().code());
            return "redirect:/customers/" + r.customer().id();
        } catch (DuplicatesNeedReason e) {
            return duplicatesFound(form, binding, e, model, null);
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            return form(model, List.of(), null);
        }
    }

    @GetMapping("/customers/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Customer c = access.visible(id);
        // asked of the customer as Save asks it: who may not correct it gets the 403 page, not a form Save refuses
        c.requireAction(access.actor(c), CustomerAction.EDIT);
        model.addAttribute("form", CustomerForm.of(c));
        return form(model, List.of(), views.of(c));
    }

    @PostMapping("/customers/{id}/edit")
    String correct(@PathVariable UUID id, @ModelAttribute("form") CustomerForm form, BindingResult binding,
                   RefusedInput refused, Model model,
                   RedirectAttributes redirect) {
        if (FormErrors.unreadable(binding, refused)) {
            return form(model, List.of(), views.of(access.visible(id)));
        }
        try {
            refused.check();
            Customer c = service.correct(id, form.profile(), form.getVersion(), form.getDuplicateReason()).customer();
            Flash.success(redirect, "customer.flash.corrected", c.code());
            return "redirect:/customers/" + id;
        } catch (DuplicatesNeedReason e) {
            return duplicatesFound(form, binding, e, model, views.of(access.visible(id)));
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
        } catch (OptimisticLockingFailureException e) {
            binding.reject("error.staleVersion");
        }
        return form(model, List.of(), views.of(access.visible(id)));
    }

    /**
     * The customer matches possible duplicates and no reason was given: the first time they are shown and the person
     * decides before anything is stored; after that the reason is asked for (the rule is the service's).
     */
    private String duplicatesFound(CustomerForm form, BindingResult binding, DuplicatesNeedReason e, Model model,
                                   CustomerViews.CustomerView editing) {
        if (form.isDuplicatesSeen()) {
            FormErrors.reject(binding, e);
        }
        form.setDuplicatesSeen(true);
        return form(model, e.duplicates(), editing);
    }

    private String form(Model model, List<DuplicateCheck.Match> found, CustomerViews.CustomerView editing) {
        model.addAttribute("duplicates", found.stream().map(CustomerViews.CustomerDuplicateView::of).toList());
        model.addAttribute("editing", editing);
        model.addAttribute("sizes", CompanySize.values());
        model.addAttribute("sources", CustomerSource.values());
        model.addAttribute("grades", CustomerGrade.values());
        model.addAttribute("levels", Level.values());
        model.addAttribute("people", CurrentUser.require().isManager() ? teamPeople() : List.of());
        return "customer/form";
    }

    // ---- the customer's page

    @PreAuthorize(CustomerAccess.CUSTOMER_READER_ROLES)
    @GetMapping("/customers/{id}")
    String detail(@PathVariable UUID id, Model model, Locale locale) {
        Customer c = access.visible(id);
        if (c.mergedIntoId() != null && access.isVisible(ownerOf(c.mergedIntoId()))) {
            return "redirect:/customers/" + c.mergedIntoId() + "?mergedFrom=" + c.code();
        }
        CustomerViews.CustomerView view = views.of(c);
        model.addAttribute("customer", view);
        model.addAttribute("claimRefusal", claims.refusal(c, access.actor(c)).orElse(null));
        model.addAttribute("contacts", c.mergedIntoId() == null ? contacts.of(id) : List.of());
        model.addAttribute("timeline", timelineRows(id, null, locale));
        model.addAttribute("activityTypes", ActivityType.values());
        model.addAttribute("roles", DecisionRole.values());
        model.addAttribute("attitudes", Attitude.values());
        model.addAttribute("languages", ContactDetails.LANGUAGES);
        model.addAttribute("levels", Level.values());
        model.addAttribute("grades", CustomerGrade.values());
        model.addAttribute("modes", PursuitMode.values());
        model.addAttribute("ratings", CreditRating.values());
        model.addAttribute("people", view.can("TRANSFER")
                ? teamPeople().stream().filter(p -> c.transferableTo(p.id())).toList() : List.of());
        model.addAttribute("now", clock.instant());
        model.addAttribute("nowLocal", LocalDateTime.ofInstant(clock.instant(), policy.zone()).withSecond(0).withNano(0));
        // when a follow-up may have happened, as the draft checks it, in the minutes a datetime-local field takes
        model.addAttribute("occurredFrom", LocalDateTime.ofInstant(ActivityDraft.earliestOccurredAt(), policy.zone())
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        model.addAttribute("occurredTo", LocalDateTime.ofInstant(ActivityDraft.latestOccurredAt(clock.instant()),
                policy.zone()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        // when the next follow-up may be planned for (the form's and the plan's): from now to the furthest day ahead
        model.addAttribute("followUpTo", LocalDateTime.ofInstant(ActivityDraft.latestNextFollowUpAt(clock.instant()),
                policy.zone()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        model.addAttribute("threshold", policy.rules().creditApprovalThreshold());
        model.addAttribute("creditApprovalLinked", credit.approvalOpenable(c));
        com.lead2cash.platform.CurrentUser reader = com.lead2cash.platform.CurrentUser.require();
        model.addAttribute("panels", panels.orderedStream().filter(p -> p.visibleFor(reader))
                .sorted(java.util.Comparator.comparingInt(com.lead2cash.customer.CustomerPagePanel::order))
                .map(p -> p.pathFor(id)).toList());
        return "customer/detail";
    }

    @PreAuthorize(CustomerAccess.CUSTOMER_READER_ROLES)
    @GetMapping("/customers/{id}/timeline")
    String timelinePage(@PathVariable UUID id, @RequestParam(required = false) String cursor, Model model, Locale locale) {
        model.addAttribute("customer", views.of(access.visible(id)));
        model.addAttribute("timeline", timelineRows(id, cursor, locale));
        return "customer/detail :: timeline-rows";
    }

    private CursorPage<TimelineTexts.Row> timelineRows(UUID id, String cursor, Locale locale) {
        CursorPage<TimelineEntry> page = timeline.page(id, cursor, 20);
        List<UUID> activityIds = page.items().stream().filter(e -> e.kind().equals("activity"))
                .map(e -> UUID.fromString(e.key().substring("activity:".length()))).toList();
        Map<UUID, ActivityViews.ActivityView> details = activityViews.byIds(activityIds);
        return texts.rows(page, details, locale);
    }

    /** Runs an action on the customer and comes back to its page with the outcome as a flash message. */
    private String act(UUID id, RedirectAttributes redirect, String successKey, Runnable action) {
        return act(id, redirect, successKey, () -> { }, action);
    }

    /** {@link #act}, and {@code refused} runs when it was refused: a form's {@link Flash#typed} values for the page. */
    private String act(UUID id, RedirectAttributes redirect, String successKey, Runnable refused, Runnable action) {
        return PageActions.run(redirect, "/customers/" + id, successKey, refused, action);
    }

    /** {@link #act}, what the input rules refused in the form's fields shown as the action's own refusal. */
    private String act(UUID id, RedirectAttributes redirect, String successKey, RefusedInput input, Runnable refused,
                       Runnable action) {
        return PageActions.run(redirect, "/customers/" + id, successKey, input, refused, action);
    }

    @PostMapping("/customers/{id}/grade")
    String grade(@PathVariable UUID id, @RequestParam(required = false) CustomerGrade grade,
                 @RequestParam(required = false) Level industryPosition, @RequestParam(required = false) Level urgency,
                 @RequestParam(required = false) Level budget, @RequestParam(required = false) Level potential,
                 @RequestParam(required = false) String note, @RequestParam(required = false) Long version,
                 RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.graded", refused,
                () -> Flash.typed(redirect, "gradeTyped", "grade", grade,
                "industryPosition", industryPosition, "urgency", urgency, "budget", budget, "potential", potential,
                "note", note), () -> service.regrade(id, grade,
                new GradeFactors(industryPosition, urgency, budget, potential), note, version));
    }

    @PostMapping("/customers/{id}/pursuit-mode")
    String pursuitMode(@PathVariable UUID id, @RequestParam(required = false) PursuitMode mode,
                       @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.pursuitMode", () -> service.changePursuitMode(id, mode, version));
    }

    @PostMapping("/customers/{id}/advance")
    String advance(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.advanced", () -> service.advance(id, version));
    }

    @PostMapping("/customers/{id}/lost")
    String lost(@PathVariable UUID id, @RequestParam(required = false) String reason,
                @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.lost", refused,
                () -> Flash.typed(redirect, "lostTyped", "reason", reason),
                () -> service.markLost(id, reason, version));
    }

    @PostMapping("/customers/{id}/win-back")
    String winBack(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.wonBack", () -> service.winBack(id, version));
    }

    @PostMapping("/customers/{id}/follow-up-plan")
    String plan(@PathVariable UUID id,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
                @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.planned", refused,
                () -> Flash.typed(redirect, "planTyped", "at", at), () -> {
                    // an empty field is no plan: removing the plan is its own button (as the API's null), never a slip
                    if (at == null) {
                        throw new FieldValidationException("at", "customer.plan.atRequired");
                    }
                    service.planFollowUp(id, instant(at), version);
                });
    }

    /** The plan removed, on purpose: what the API's {@code nextFollowUpAt: null} does. */
    @PostMapping("/customers/{id}/follow-up-plan/remove")
    String removePlan(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.planRemoved", () -> service.planFollowUp(id, null, version));
    }

    @PostMapping("/customers/{id}/transfer")
    String transfer(@PathVariable UUID id, @RequestParam(required = false) UUID ownerId,
                    @RequestParam(required = false) String reason, @RequestParam(required = false) Long version,
                    @RequestParam(defaultValue = "false") boolean openBusinessFollows,
                    RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.transferred", refused,
                () -> Flash.typed(redirect, "transferTyped", "ownerId", ownerId, "reason", reason,
                        "openBusinessFollows", openBusinessFollows),
                () -> ownership.transfer(id, ownerId, reason, version, openBusinessFollows));
    }

    @PostMapping("/customers/{id}/release")
    String release(@PathVariable UUID id, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.released", refused,
                () -> Flash.typed(redirect, "releaseTyped", "reason", reason),
                () -> ownership.release(id, reason, version));
    }

    @PostMapping("/customers/{id}/claim")
    String claim(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.claimed", () -> ownership.claim(id));
    }

    @PostMapping("/customers/{id}/merge")
    String merge(@PathVariable UUID id, @RequestParam(required = false) String mergedCode,
                 @RequestParam(required = false) String reason,
                 @RequestParam(defaultValue = "false") boolean openBusinessFollows,
                 RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.merged",
                () -> Flash.typed(redirect, "mergeTyped", "mergedCode", mergedCode, "reason", reason,
                        "openBusinessFollows", openBusinessFollows), () -> {
            // this customer first: one out of scope is the 404 page, not a refusal of the code typed
            access.visible(id);
            refused.check();
            CustomerQueries.CustomerRow other = mergedCode == null || mergedCode.isBlank() ? null
                    : queries.list(new CustomerQueries.CustomerFilter(mergedCode.strip(), null, null, null, null, null,
                            null, 2)).items().stream().filter(r -> r.code().equalsIgnoreCase(mergedCode.strip()))
                    .findFirst().orElse(null);
            if (other == null) {
                throw new com.lead2cash.platform.FieldValidationException("mergedCode", "customer.merge.unknown");
            }
            merge.merge(id, other.id(), reason, openBusinessFollows);
        });
    }

    @PostMapping("/customers/{id}/credit")
    String credit(@PathVariable UUID id, @RequestParam(required = false) CreditRating rating,
                  @RequestParam(required = false) BigDecimal limit, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        // saying which happened: the credit set, or the change sent to finance for approval (C8)
        PageActions.attempt(redirect, refused,
                () -> Flash.typed(redirect, "creditTyped", "rating", rating, "limit", limit, "reason", reason), () -> {
                    Customer changed = credit.change(id, rating, limit, reason, version);
                    Flash.success(redirect, changed.creditPending() ? "customer.flash.creditSubmitted"
                            : "customer.flash.creditSaved");
                    return changed;
                });
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/contacts")
    String addContact(@PathVariable UUID id, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String title, @RequestParam(required = false) String department,
                      @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
                      @RequestParam(required = false) String wechat, @RequestParam(required = false) DecisionRole role,
                      @RequestParam(required = false) Attitude attitude,
                      @RequestParam(defaultValue = "false") boolean primary,
                      @RequestParam(required = false) String language,
                      RefusedInput refused, RedirectAttributes redirect) {
        // a refused contact (a phone or e-mail mistyped) gives the whole form back, open
        return act(id, redirect, "customer.flash.contactAdded", refused,
                () -> Flash.typed(redirect, "contactTyped", "name", name,
                "title", title, "department", department, "phone", phone, "email", email, "wechat", wechat,
                "role", role, "attitude", attitude, "primary", primary, "language", language), () -> contacts.add(id,
                new ContactDetails(name, title, department, phone, email, wechat, role, attitude, null, language),
                primary));
    }

    /**
     * The correction form of one of the customer's contacts: a contact outside the reader's scope, or not of this
     * customer, is the 404 page; one the reader may not change the 403 page, as its Save (the contact's own check).
     */
    @GetMapping("/customers/{id}/contacts/{contactId}/edit")
    String editContact(@PathVariable UUID id, @PathVariable UUID contactId, Model model) {
        ContactService.ContactView contact = contacts.correctable(id, contactId);
        model.addAttribute("form", ContactForm.of(contact));
        return contactForm(id, contact, model);
    }

    /**
     * Saves a contact's correction as the API's does (the version the form was read at guards it); a refusal comes
     * back beside its field, or above the form for a stale version, with everything typed and nothing changed.
     */
    @PostMapping("/customers/{id}/contacts/{contactId}/edit")
    String correctContact(@PathVariable UUID id, @PathVariable UUID contactId, @ModelAttribute("form") ContactForm form,
                          BindingResult binding, RefusedInput refused, Model model, RedirectAttributes redirect) {
        // who asks and which contact before what they typed: out of scope 404, not theirs to change 403
        ContactService.ContactView contact = contacts.correctable(id, contactId);
        if (FormErrors.unreadable(binding, refused)) {
            return contactForm(id, contact, model);
        }
        try {
            refused.check();
            var saved = contacts.correct(contactId, stored -> form.details(), form.isPrimary() ? Boolean.TRUE : null,
                    form.getVersion());
            Flash.success(redirect, "customer.flash.contactCorrected", saved.name());
            return "redirect:/customers/" + id;
        } catch (com.lead2cash.platform.RecordNotFoundException | com.lead2cash.platform.ForbiddenException e) {
            throw e;
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
        } catch (OptimisticLockingFailureException e) {
            binding.reject("error.staleVersion");
        }
        return contactForm(id, contact, model);
    }

    private String contactForm(UUID customerId, ContactService.ContactView contact, Model model) {
        model.addAttribute("customer", views.of(access.visible(customerId)));
        model.addAttribute("contact", contact);
        model.addAttribute("roles", DecisionRole.values());
        model.addAttribute("attitudes", Attitude.values());
        model.addAttribute("languages", ContactDetails.LANGUAGES);
        return "customer/contact-form";
    }

    @PostMapping("/customers/{id}/activities")
    String logActivity(@PathVariable UUID id, @RequestParam(required = false) ActivityType type,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
                       @RequestParam(required = false) List<UUID> contactIds,
                       @RequestParam(required = false) String summary,
                       @RequestParam(required = false) String needsChanges,
                       @RequestParam(required = false) String objections,
                       @RequestParam(required = false) String objectionHandling,
                       @RequestParam(required = false) String nextStep,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime nextFollowUpAt,
                       @RequestParam(required = false) String minutes,
                       RefusedInput refused, RedirectAttributes redirect) {
        // a refused follow-up (a time ahead of now, a next follow-up before it) gives everything written back
        return act(id, redirect, "customer.flash.activityLogged", refused, () -> Flash.typed(redirect, "activityTyped",
                "type", type, "occurredAt", occurredAt, "contactIds", contactIds,
                "summary", summary, "needsChanges", needsChanges, "objections", objections,
                "objectionHandling", objectionHandling, "nextStep", nextStep, "nextFollowUpAt", nextFollowUpAt,
                "minutes", minutes), () -> activities.log(id, new ActivityDraft(type,
                instant(occurredAt), contactIds, summary, needsChanges, objections, objectionHandling, nextStep,
                instant(nextFollowUpAt), minutes)));
    }

    @PostMapping("/customers/{id}/activities/{activityId}/minutes")
    String minutes(@PathVariable UUID id, @PathVariable UUID activityId, @RequestParam(required = false) String minutes,
                   @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "customer.flash.minutes", refused, () -> Flash.typed(redirect, "minutesTyped",
                "activity", activityId, "minutes", minutes), () -> activities.writeMinutes(activityId, minutes, version));
    }

    // ---- helpers

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(policy.zone()).toInstant();
    }

    private UUID ownerOf(UUID customerId) {
        return queries.ownerOf(customerId);
    }

    /** People a manager may give customers to: active sales people within their scope. */
    private List<OrgDirectory.Person> teamPeople() {
        var scope = access.scope();
        return Stream.of(Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_MANAGER, Role.REGIONAL_MANAGER)
                .flatMap(r -> directory.activeWithRole(r).stream())
                .filter(p -> scope.covers(p.id())).distinct().toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String name(CustomerQueries.ListView view) {
        return view == null ? null : view.name();
    }
}
