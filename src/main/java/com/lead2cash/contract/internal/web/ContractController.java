package com.lead2cash.contract.internal.web;

import com.lead2cash.approval.ApprovalRemark;
import com.lead2cash.approval.Decision;
import com.lead2cash.contract.ContractStatus;
import com.lead2cash.contract.MilestoneType;
import com.lead2cash.contract.RiskLevel;
import com.lead2cash.contract.internal.ContractAccess;
import com.lead2cash.contract.internal.ContractDownloads;
import com.lead2cash.contract.internal.ContractDrafting;
import com.lead2cash.contract.internal.ContractEvents;
import com.lead2cash.contract.internal.ContractFiles;
import com.lead2cash.contract.internal.ContractLifecycle;
import com.lead2cash.contract.internal.ContractQueries;
import com.lead2cash.contract.internal.ContractViews;
import com.lead2cash.contract.internal.DraftSources;
import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractAmendmentRepository;
import com.lead2cash.contract.internal.domain.Department;
import com.lead2cash.contract.internal.domain.PaymentMilestone;
import com.lead2cash.contract.internal.template.ContractTemplates;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormProblems;
import com.lead2cash.platform.web.PageActions;
import com.lead2cash.platform.web.RefusedInput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contract screens (合同): the list with its filters, the contract's page — terms, clauses with
 * what deviates from the template, the review panel, the files, the timeline and the forms of exactly
 * the actions the contract allows the reader — the drafting form reached from the opportunity's page,
 * the contract card on that page and the home panel of what waits for the reader.
 */
@Controller
@PreAuthorize(ContractAccess.READER_ROLES)
class ContractController {

    /** Milestone rows the forms offer. */
    static final int MILESTONE_ROWS = 5;
    /** The fields of the termination's form: their refusals are shown beside them, any other above them. */
    private static final String[] TERMINATION_FIELDS = {"reason", "effectiveOn"};
    private static final String[] AMENDMENT_FIELDS = {"title", "summary", "amountChange", "signedOn", "scan"};

    private final ContractDrafting drafting;
    private final ContractLifecycle lifecycle;
    private final ContractQueries queries;
    private final ContractViews views;
    private final ContractAccess access;
    private final ContractFiles files;
    private final ContractEvents events;
    private final ContractDownloads downloads;
    private final ContractAmendmentRepository amendments;
    private final ContractTemplates templates;
    private final DraftSources sources;
    private final Opportunities opportunities;
    private final CustomerDirectory customers;
    private final OrgDirectory org;
    private final MessageSource messages;
    private final ZoneId zone;
    private final List<com.lead2cash.contract.ContractPagePanel> panels;
    /** The money columns, when a module answers them (receivables); absent, the screens leave them out. */
    private final org.springframework.beans.factory.ObjectProvider<com.lead2cash.contract.ContractListFigures> money;
    private final com.lead2cash.contract.internal.ContractExport export;

    ContractController(ContractDrafting drafting, ContractLifecycle lifecycle, ContractQueries queries,
                       ContractViews views, ContractAccess access, ContractFiles files, ContractEvents events,
                       ContractDownloads downloads, ContractAmendmentRepository amendments, ContractTemplates templates,
                       DraftSources sources, Opportunities opportunities, CustomerDirectory customers, OrgDirectory org,
                       MessageSource messages, @Value("${l2c.zone}") ZoneId zone,
                       List<com.lead2cash.contract.ContractPagePanel> panels,
                       org.springframework.beans.factory.ObjectProvider<com.lead2cash.contract.ContractListFigures> money,
                       com.lead2cash.contract.internal.ContractExport export) {
        this.money = money;
        this.export = export;
        this.drafting = drafting;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.views = views;
        this.access = access;
        this.files = files;
        this.events = events;
        this.downloads = downloads;
        this.amendments = amendments;
        this.templates = templates;
        this.sources = sources;
        this.opportunities = opportunities;
        this.customers = customers;
        this.org = org;
        this.messages = messages;
        this.zone = zone;
        this.panels = panels.stream()
                .sorted(java.util.Comparator.comparingInt(com.lead2cash.contract.ContractPagePanel::order)).toList();
    }

    /** A milestone row of a form (bound by Spring, so a bean); a row with nothing written is left out. */
    public static class MilestoneRow {
        private String type;
        private String amount;
        private String dueDate;
        private String dueCondition;

        public MilestoneRow() {
        }

        MilestoneRow(String type, String amount, String dueDate, String dueCondition) {
            this.type = type;
            this.amount = amount;
            this.dueDate = dueDate;
            this.dueCondition = dueCondition;
        }

        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
        public String getDueDate() { return dueDate; }
        public void setDueDate(String dueDate) { this.dueDate = dueDate; }
        public String getDueCondition() { return dueCondition; }
        public void setDueCondition(String dueCondition) { this.dueCondition = dueCondition; }

        boolean blank() {
            return isBlank(type) && isBlank(amount) && isBlank(dueDate) && isBlank(dueCondition);
        }
    }

    /** The list; {@code signed}: the contracts signed, archived ones with them (those an invoice is requested on). */
    @GetMapping("/contracts")
    String list(@RequestParam(required = false) ContractStatus status, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "false") boolean waitingForMe, @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "false") boolean signed,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CursorPage<ContractQueries.ContractRow> page = queries.list(new ContractQueries.Filter(status, null, q,
                waitingForMe, cursor, 50, signed));
        model.addAttribute("page", page);
        model.addAttribute("status", status);
        model.addAttribute("signed", signed);
        model.addAttribute("q", q);
        model.addAttribute("waitingForMe", waitingForMe);
        model.addAttribute("mayManageTemplates", ContractAccess.mayManageTemplates());
        moneyFigures(model, page.items().stream().map(ContractQueries.ContractRow::id).toList());
        return htmx != null && cursor != null ? "contract/list :: rows" : "contract/list";
    }

    /** The list as it is filtered, as an Excel file. */
    @GetMapping("/contracts/export.xlsx")
    void export(@RequestParam(required = false) ContractStatus status, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "false") boolean waitingForMe,
                @RequestParam(defaultValue = "false") boolean signed, Locale locale,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        com.lead2cash.platform.web.Download.xlsx(response, "contracts.xlsx", out -> export.write(
                new ContractQueries.Filter(status, null, q, waitingForMe, null, null, signed), locale, out));
    }

    /**
     * The collected and invoiced figures of contracts the reader may see (the page's rows or the contract
     * shown), in one batch; {@code showMoney} false when no module answers them.
     */
    private void moneyFigures(Model model, List<UUID> contractIds) {
        com.lead2cash.contract.ContractListFigures figures = money.getIfAvailable();
        model.addAttribute("showMoney", figures != null);
        model.addAttribute("money", figures == null ? java.util.Map.of() : figures.of(contractIds));
    }

    /** The home page's panel: the contracts waiting for me, the longest waiting first. */
    @GetMapping("/contracts/panel")
    String panel(Model model) {
        model.addAttribute("rows", queries.waitingForMe(8));
        return "contract/fragments :: panel";
    }

    /** The contract card of the opportunity's page, with "draft contract" when the opportunity may have one. */
    @GetMapping("/opportunities/{id}/contract")
    String card(@PathVariable UUID id, Model model) {
        Opportunities.OpportunityRef opportunity = opportunities.requireVisible(id);
        model.addAttribute("opportunityId", opportunity.id());
        model.addAttribute("contracts", queries.ofOpportunity(id));
        // asked of the drafting, as Save and the form ask it: never offered for an opportunity they would refuse
        model.addAttribute("mayDraft", drafting.mayDraft(id));
        return "contract/fragments :: card";
    }

    @GetMapping("/contracts/new")
    String newForm(@RequestParam UUID opportunityId, Model model) {
        // who may not draft one gets the 403 page, as Save would answer, not a form Save refuses; an opportunity not at
        // the contract stage yet (or with a live contract) gets Save's refusal, not a form to fill in first
        Opportunities.OpportunityRef opportunity = drafting.requireDraftable(opportunityId);
        DraftSources.Source source = sources.forOpportunity(opportunityId, null);
        List<MilestoneRow> rows = new ArrayList<>(source.milestones().stream()
                .map(m -> new MilestoneRow(m.type().name(), m.amount().toPlainString(), null, m.dueCondition())).toList());
        BigDecimal amount = source.proposedAmount(false).orElse(opportunity.amount());
        return form(model, opportunity, source, opportunity.name(), amount == null ? "" : amount.toPlainString(),
                RiskLevel.LOW.name(), "", "", drafting.buyerTaxIdFor(opportunity.customerId()).orElse(""), null, rows(rows),
                FormProblems.NONE);
    }

    @PostMapping("/contracts")
    String create(@RequestParam UUID opportunityId, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) String riskLevel,
                  @RequestParam(required = false) String termStart, @RequestParam(required = false) String termEnd,
                  @RequestParam(required = false) String buyerTaxId,
                  @RequestParam(required = false) UUID templateId, MilestoneRows milestones,
                  RefusedInput refused, Model model,
                  RedirectAttributes redirect, Locale locale) {
        try {
            refused.check();
            Contract c = drafting.draft(new ContractDrafting.NewContract(opportunityId, null, templateId, title,
                    decimal("amount", amount), risk(riskLevel), date("termStart", termStart), date("termEnd", termEnd),
                    milestones.milestones(), buyerTaxId));
            Flash.success(redirect, "contract.drafted", c.number());
            return "redirect:/contracts/" + c.id();
        } catch (DomainException e) {
            if (e instanceof com.lead2cash.platform.RecordNotFoundException) {
                throw e;
            }
            Opportunities.OpportunityRef opportunity = opportunities.requireVisible(opportunityId);
            // the rows written, numbered as the refusal numbers them, and as many rows as the form had: not one more
            List<MilestoneRow> written = milestones.rows().stream().filter(r -> !r.blank()).toList();
            return form(model, opportunity, sources.forOpportunity(opportunityId, null), title, amount, riskLevel,
                    termStart, termEnd, buyerTaxId, templateId, rows(written, milestones.rows().size()),
                    FormProblems.of(e, messages, locale));
        }
    }

    @GetMapping("/contracts/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Contract c = access.visible(id);
        com.lead2cash.contract.internal.domain.ContractActor actor = lifecycle.actor(c);
        ContractViews.ContractView view = views.of(c, actor);
        model.addAttribute("c", view);
        model.addAttribute("actions", Set.copyOf(view.availableActions()));
        model.addAttribute("customer", customers.find(c.customerId()).orElse(null));
        model.addAttribute("opportunity", opportunities.find(c.opportunityId()).orElse(null));
        // legal and operations review contracts without reading opportunities: the opportunity is text for them
        model.addAttribute("opportunityLinked", opportunities.mayOpen(c.opportunityId()));
        model.addAttribute("diffs", view.sections().stream().filter(ContractViews.SectionView::changedFromTemplate)
                .collect(java.util.stream.Collectors.toMap(ContractViews.SectionView::key,
                        s -> ClauseDiff.of(s.templateText(), s.body()))));
        model.addAttribute("files", files.of(id));
        model.addAttribute("amendments", amendments.findByContractIdOrderByCreatedAt(id));
        List<ContractEvents.Event> timeline = events.of(id);
        model.addAttribute("timeline", timeline);
        Set<UUID> people = new HashSet<>();
        people.add(c.ownerId());
        timeline.stream().map(ContractEvents.Event::actorId).filter(Objects::nonNull).forEach(people::add);
        view.reviews().stream().map(ContractViews.ReviewView::decidedBy).filter(Objects::nonNull).forEach(people::add);
        model.addAttribute("names", org.people(people));
        model.addAttribute("zone", zone);
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> termsTyped = (java.util.Map<String, String>) model.getAttribute("termsTyped");
        model.addAttribute("milestoneRows", rows(termsTyped != null ? typedRows(termsTyped)
                : view.milestones().stream().map(m -> new MilestoneRow(m.type().name(), m.amount().toPlainString(),
                        m.dueDate() == null ? null : m.dueDate().toString(), m.dueCondition())).toList()));
        model.addAttribute("pendingReviews", actor.pendingReviews().stream().sorted().toList());
        model.addAttribute("noProblems", FormProblems.NONE);
        com.lead2cash.platform.CurrentUser reader = com.lead2cash.platform.CurrentUser.require();
        model.addAttribute("panels", panels.stream().filter(p -> p.visibleFor(reader)).map(p -> p.pathFor(id)).toList());
        moneyFigures(model, List.of(id));
        return "contract/detail";
    }

    @PostMapping("/contracts/{id}/terms")
    String revise(@PathVariable UUID id, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) String riskLevel,
                  @RequestParam(required = false) String termStart, @RequestParam(required = false) String termEnd,
                  @RequestParam(required = false) String buyerName, @RequestParam(required = false) String buyerTaxId,
                  @RequestParam(required = false) String buyerAddress,
                  @RequestParam(required = false) String buyerRepresentative, MilestoneRows milestones,
                  @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        // a refused revision (a tax id mistyped, milestones not adding up) gives every field and row back, its form open
        return act(id, redirect, "contract.saved", refused,
                () -> termsTyped(redirect, milestones, "title", title, "amount", amount,
                "riskLevel", riskLevel, "termStart", termStart, "termEnd", termEnd, "buyerName", buyerName,
                "buyerTaxId", buyerTaxId, "buyerAddress", buyerAddress, "buyerRepresentative", buyerRepresentative),
                () -> drafting.revise(id, new Contract.Terms(title,
                decimal("amount", amount), risk(riskLevel), date("termStart", termStart), date("termEnd", termEnd),
                buyerName, buyerTaxId, buyerAddress, buyerRepresentative,
                milestones.rows().stream().allMatch(MilestoneRow::blank) ? null : milestones.milestones()), version));
    }

    @PostMapping("/contracts/{id}/sections/{key}")
    String editSection(@PathVariable UUID id, @PathVariable String key, @RequestParam(required = false) String heading,
                       @RequestParam(required = false) String body, @RequestParam(required = false) Long version,
                       RefusedInput refused, RedirectAttributes redirect) {
        // a refused rewrite (a stale version, an overlong heading) gives the clause's form back as typed, open
        return act(id, redirect, "contract.saved", refused,
                () -> Flash.typed(redirect, "clauseTyped", "key", key, "heading", heading, "body", body),
                () -> drafting.editSection(id, key, heading, body, version));
    }

    @PostMapping("/contracts/{id}/submit")
    String submit(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, "contract.submitted", () -> lifecycle.submit(id, version));
    }

    @PostMapping("/contracts/{id}/reviews/{department}")
    String review(@PathVariable UUID id, @PathVariable Department department, @RequestParam(required = false) String verdict,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) String remarkSection,
                  @RequestParam(required = false) String remarkText,
                  RefusedInput refused, RedirectAttributes redirect) {
        // a refused review (an objection without its comment, a comment too long) gives this department's form back
        return act(id, redirect, "contract.reviewed", refused, () -> Flash.typed(redirect, "reviewTyped", "department",
                department, "comment", comment, "remarkSection", remarkSection, "remarkText", remarkText), () -> {
            if (!"PASS".equals(verdict) && !"OBJECT".equals(verdict)) {
                throw new FieldValidationException("verdict", "contract.verdict.required");
            }
            List<ApprovalRemark> remarks = isBlank(remarkText) ? List.of()
                    : List.of(new ApprovalRemark(remarkSection == null ? "" : remarkSection, remarkText));
            return lifecycle.review(id, department, "PASS".equals(verdict), comment, remarks);
        });
    }

    @PostMapping("/contracts/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String comment, RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "contract.decided", refused,
                () -> Flash.typed(redirect, "decisionTyped", "comment", comment), () -> {
            if (!"APPROVE".equals(decision) && !"SEND_BACK".equals(decision)) {
                throw new FieldValidationException("decision", "contract.decision.required");
            }
            return lifecycle.decide(id, Decision.valueOf(decision), comment);
        });
    }

    @PostMapping("/contracts/{id}/signing")
    String sign(@PathVariable UUID id, @RequestParam(required = false) MultipartFile scan,
                @RequestParam(required = false) String signedOn, @RequestParam(required = false) String signatories,
                @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        // a refused scan (a wrong kind, an empty file) gives the day and the signatories back to the form
        return act(id, redirect, "contract.signed", refused,
                () -> Flash.typed(redirect, "signingTyped", "signedOn", signedOn, "signatories", signatories), () -> {
            if (scan == null || scan.isEmpty()) {
                throw new FieldValidationException("scan", "contract.scan.required");
            }
            try {
                return lifecycle.sign(id, date("signedOn", signedOn), signatories, scan.getOriginalFilename(),
                        scan.getSize(), scan.getInputStream(), version);
            } catch (IOException e) {
                throw new FieldValidationException("scan", "contract.scan.required");
            }
        });
    }

    @PostMapping("/contracts/{id}/archive")
    String archive(@PathVariable UUID id, @RequestParam(required = false) String location,
                   @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        // a refused archiving (a stale version, a location too long) gives the location back to the form
        return act(id, redirect, "contract.archived", refused,
                () -> Flash.typed(redirect, "archiveTyped", "location", location),
                () -> lifecycle.archive(id, location, version));
    }

    /**
     * Terminates the contract. Its fields refused (no reason, a day before the signing), the page again (422) with the
     * form open as typed and each field's refusal beside the field, as the order's and the invoice's forms show theirs;
     * any other refusal (a version changed meanwhile) is flashed on the page as its other actions' are, the form given
     * back.
     */
    @PostMapping("/contracts/{id}/termination")
    String terminate(@PathVariable UUID id, @RequestParam(required = false) String reason,
                     @RequestParam(required = false) String effectiveOn, @RequestParam(required = false) Long version,
                     RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale,
                     jakarta.servlet.http.HttpServletResponse response) {
        // what the input rules refused (a day before 1900), or a day that could not be read, is named with the
        // termination's own refusals (no reason)
        List<FieldValidationException.FieldError> unread = new ArrayList<>(refused.errors());
        LocalDate on = null;
        if (unread.stream().noneMatch(e -> e.field().equals("effectiveOn"))) {
            try {
                on = date("effectiveOn", effectiveOn);
            } catch (FieldValidationException e) {
                unread.addAll(e.errors());
            }
        }
        LocalDate day = on;
        FieldValidationException[] besideFields = new FieldValidationException[1];
        var terminated = PageActions.attempt(redirect,
                () -> Flash.typed(redirect, "terminationTyped", "reason", reason, "effectiveOn", effectiveOn), () -> {
                    try {
                        return lifecycle.terminate(id, reason, day, unread, version);
                    } catch (FieldValidationException e) {
                        besideFields[0] = e;
                        return null;
                    }
                });
        if (besideFields[0] != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            java.util.Map<String, String> typed = new java.util.HashMap<>();
            typed.put("reason", reason);
            typed.put("effectiveOn", effectiveOn);
            model.addAttribute("terminationTyped", typed);
            model.addAttribute("terminationProblems",
                    FormProblems.of(besideFields[0], messages, locale, TERMINATION_FIELDS));
            return detail(id, model);
        }
        terminated.ifPresent(c -> Flash.success(redirect, "contract.terminatedNow", c.number()));
        return "redirect:/contracts/" + id;
    }

    /**
     * Records a signed amendment. Its fields refused (an amount that could not be read, no scan, a day after today), the
     * page again (422) with the form open as typed (the scan chosen again) and each field's refusal beside the field, as
     * the termination's; any other refusal (an amount change receivables refuse) is flashed on the page, the form given
     * back.
     */
    @PostMapping("/contracts/{id}/amendments")
    String amend(@PathVariable UUID id, @RequestParam(required = false) MultipartFile scan,
                 @RequestParam(required = false) String title, @RequestParam(required = false) String summary,
                 @RequestParam(required = false) String amountChange, @RequestParam(required = false) String signedOn,
                 RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale,
                 jakarta.servlet.http.HttpServletResponse response) {
        // what the input rules refused, a value that could not be read and a missing scan are named together
        List<FieldValidationException.FieldError> unread = new ArrayList<>(refused.errors());
        BigDecimal amount = read(unread, "amountChange", () -> decimal("amountChange", amountChange));
        LocalDate on = read(unread, "signedOn", () -> date("signedOn", signedOn));
        if (scan == null || scan.isEmpty()) {
            unread.add(new FieldValidationException.FieldError("scan", "contract.scan.required"));
        }
        FieldValidationException[] besideFields = new FieldValidationException[1];
        var amended = PageActions.attempt(redirect, () -> Flash.typed(redirect, "amendmentTyped", "title", title,
                "summary", summary, "amountChange", amountChange, "signedOn", signedOn), () -> {
            try {
                if (!unread.isEmpty()) {
                    throw new FieldValidationException(unread);
                }
                lifecycle.amend(id, title, summary, amount, on, scan.getOriginalFilename(), scan.getSize(),
                        scan.getInputStream());
            } catch (IOException e) {
                besideFields[0] = new FieldValidationException("scan", "contract.scan.required");
                return null;
            } catch (FieldValidationException e) {
                besideFields[0] = e;
                return null;
            }
            return access.visible(id);
        });
        if (besideFields[0] != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            java.util.Map<String, String> typed = new java.util.HashMap<>();
            typed.put("title", title);
            typed.put("summary", summary);
            typed.put("amountChange", amountChange);
            typed.put("signedOn", signedOn);
            model.addAttribute("amendmentTyped", typed);
            model.addAttribute("amendmentProblems", FormProblems.of(besideFields[0], messages, locale, AMENDMENT_FIELDS));
            return detail(id, model);
        }
        amended.ifPresent(c -> Flash.success(redirect, "contract.amended", c.number()));
        return "redirect:/contracts/" + id;
    }

    /** A value read from the form, or null with its refusal added to {@code errors} (none when the input rules refused it). */
    private static <T> T read(List<FieldValidationException.FieldError> errors, String field,
                              java.util.function.Supplier<T> value) {
        if (errors.stream().anyMatch(e -> e.field().equals(field))) {
            return null;
        }
        try {
            return value.get();
        } catch (FieldValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** A file of the contract, through the same scope check and audit as the API. */
    @GetMapping("/contracts/{id}/files/{fileId}")
    ResponseEntity<Resource> file(@PathVariable UUID id, @PathVariable UUID fileId) {
        return downloads.file(id, fileId);
    }

    /** The contract's PDF: a draft rendered now; once submitted, the very copy the reviewers approved. */
    @GetMapping("/contracts/{id}/pdf")
    ResponseEntity<?> pdf(@PathVariable UUID id) {
        return downloads.pdf(id);
    }

    /** The milestone rows a form posts ({@code milestones[0].type} …), bound by Spring. */
    public static class MilestoneRows {
        private List<MilestoneRow> milestones = new ArrayList<>();

        public List<MilestoneRow> getMilestones() { return milestones; }
        public void setMilestones(List<MilestoneRow> milestones) { this.milestones = milestones; }

        List<MilestoneRow> rows() {
            return milestones == null ? List.of() : milestones.stream().filter(Objects::nonNull).toList();
        }

        /** The rows written, as milestones; an unreadable amount, date or kind is refused by its row. */
        List<PaymentMilestone> milestones() {
            List<PaymentMilestone> out = new ArrayList<>();
            List<FieldValidationException.FieldError> errors = new ArrayList<>();
            List<MilestoneRow> written = rows().stream().filter(r -> !r.blank()).toList();
            for (int i = 0; i < written.size(); i++) {
                MilestoneRow r = written.get(i);
                String at = "milestones[" + i + "]";
                MilestoneType type = null;
                try {
                    type = isBlank(r.getType()) ? null : MilestoneType.valueOf(r.getType());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldValidationException.FieldError(at + ".type", "contract.milestone.type"));
                }
                BigDecimal amount = null;
                LocalDate due = null;
                try {
                    amount = decimal(at + ".amount", r.getAmount());
                    due = date(at + ".dueDate", r.getDueDate());
                } catch (FieldValidationException e) {
                    errors.addAll(e.errors());
                }
                out.add(new PaymentMilestone(type, amount, due, isBlank(r.getDueCondition()) ? null : r.getDueCondition().strip()));
            }
            if (!errors.isEmpty()) {
                throw new FieldValidationException(errors);
            }
            return out;
        }
    }

    private String form(Model model, Opportunities.OpportunityRef opportunity, DraftSources.Source source, String title,
                        String amount, String riskLevel, String termStart, String termEnd, String buyerTaxId,
                        UUID templateId, List<MilestoneRow> milestones, FormProblems problems) {
        model.addAttribute("opportunity", opportunity);
        model.addAttribute("customer", customers.find(opportunity.customerId()).orElse(null));
        model.addAttribute("source", source);
        // not "title": the layout's own parameter of that name (the page heading) would win in the template
        model.addAttribute("contractTitle", title);
        model.addAttribute("amount", amount);
        model.addAttribute("riskLevel", riskLevel);
        model.addAttribute("termStart", termStart);
        model.addAttribute("termEnd", termEnd);
        model.addAttribute("buyerTaxId", buyerTaxId);
        model.addAttribute("templateId", templateId);
        model.addAttribute("templates", templates.published());
        model.addAttribute("milestoneRows", rows(milestones, 0));
        model.addAttribute("problems", problems);
        return "contract/form";
    }

    /**
     * What a refused terms form held for {@link Flash#typed}: its fields, and the rows written as
     * {@code milestones[i].type} … (numbered as the refusal numbers them, blank rows left out).
     */
    private static void termsTyped(RedirectAttributes redirect, MilestoneRows milestones, String... fields) {
        List<String> pairs = new ArrayList<>(java.util.Arrays.asList(fields));
        List<MilestoneRow> rows = milestones.rows().stream().filter(r -> !r.blank()).toList();
        for (int i = 0; i < rows.size(); i++) {
            String at = "milestones[" + i + "].";
            MilestoneRow r = rows.get(i);
            pairs.addAll(java.util.Arrays.asList(at + "type", r.getType(), at + "amount", r.getAmount(),
                    at + "dueDate", r.getDueDate(), at + "dueCondition", r.getDueCondition()));
        }
        Flash.typed(redirect, "termsTyped", pairs.toArray(String[]::new));
    }

    /** The milestone rows {@link #termsTyped} kept, in their order. */
    private static List<MilestoneRow> typedRows(java.util.Map<String, String> typed) {
        List<MilestoneRow> rows = new ArrayList<>();
        for (int i = 0; typed.containsKey("milestones[" + i + "].type"); i++) {
            String at = "milestones[" + i + "].";
            rows.add(new MilestoneRow(typed.get(at + "type"), typed.get(at + "amount"), typed.get(at + "dueDate"),
                    typed.get(at + "dueCondition")));
        }
        return rows;
    }

    private static List<MilestoneRow> rows(List<MilestoneRow> written) {
        return rows(written, written.size() + 1);
    }

    /** The rows written, then blank ones up to {@code atLeast} rows (and never fewer than {@link #MILESTONE_ROWS}). */
    private static List<MilestoneRow> rows(List<MilestoneRow> written, int atLeast) {
        List<MilestoneRow> rows = new ArrayList<>(written);
        while (rows.size() < Math.max(MILESTONE_ROWS, atLeast)) {
            rows.add(new MilestoneRow(null, null, null, null));
        }
        return rows;
    }

    private String act(UUID id, RedirectAttributes redirect, String done, java.util.function.Supplier<Contract> action) {
        return act(id, redirect, done, () -> { }, action);
    }

    /** {@link #act}, what the input rules refused in the form's fields shown as the action's own refusal. */
    private String act(UUID id, RedirectAttributes redirect, String done, RefusedInput input, Runnable refused,
                       java.util.function.Supplier<Contract> action) {
        return PageActions.runNaming(redirect, "/contracts/" + id, done, input, refused, () -> action.get().number());
    }

    /** The action, then the contract's page with what came of it; {@code refused} runs when it was refused. */
    private String act(UUID id, RedirectAttributes redirect, String done, Runnable refused,
                       java.util.function.Supplier<Contract> action) {
        return PageActions.runNaming(redirect, "/contracts/" + id, done, refused, () -> action.get().number());
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * An amount typed in a form, read as every form reads one (plain digits, grouped or not, no exponent); its
     * places and range are the contract's to judge, in its own words.
     */
    static BigDecimal decimal(String field, String value) {
        if (isBlank(value)) {
            return null;
        }
        return com.lead2cash.platform.web.FormValues.readDecimal(value)
                .orElseThrow(() -> new FieldValidationException(field, "error.form.unreadable"));
    }

    static LocalDate date(String field, String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new FieldValidationException(field, "error.form.unreadable");
        }
    }

    static RiskLevel risk(String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return RiskLevel.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new FieldValidationException("riskLevel", "error.form.unreadable");
        }
    }
}
