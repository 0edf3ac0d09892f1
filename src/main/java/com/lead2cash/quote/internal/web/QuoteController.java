package com.lead2cash.quote.internal.web;

import com.lead2cash.catalog.Catalog;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.DocumentLanguage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormProblems;
import com.lead2cash.platform.web.PageActions;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.quote.internal.QuoteDocuments;
import com.lead2cash.quote.internal.QuoteService;
import com.lead2cash.quote.internal.domain.Quote;
import com.lead2cash.quote.internal.domain.QuoteAction;
import com.lead2cash.quote.internal.domain.QuoteLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quote screens (报价): the quotes card of an opportunity's page, the quote form (a new quote or a
 * draft), the quote's page with its versions and actions (submit, review, send, revise), the printable
 * page and the PDF.
 */
@Controller
@PreAuthorize(QuoteApiController.READER_ROLES)
class QuoteController {

    /** Blank rows the form offers beside the lines already written. */
    static final int SPARE_ROWS = 3;
    /** How many quotes awaiting review the home panel lists. */
    static final int PANEL_ITEMS = 10;
    static final String[] FIELDS = {"priceListId", "validUntil", "deliveryPeriod", "paymentTerms", "notes", "lines"};

    /** One row of the form; a row without a product is left out. */
    public static class LineForm {
        private UUID productId;
        private BigDecimal quantity;
        private BigDecimal unitPrice;
        private BigDecimal discountPercent;

        public UUID getProductId() { return productId; }
        public void setProductId(UUID productId) { this.productId = productId; }
        public BigDecimal getQuantity() { return quantity; }
        public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
        public BigDecimal getUnitPrice() { return unitPrice; }
        public void setUnitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; }
        public BigDecimal getDiscountPercent() { return discountPercent; }
        public void setDiscountPercent(BigDecimal discountPercent) { this.discountPercent = discountPercent; }

        boolean blank() {
            return productId == null && quantity == null && unitPrice == null && discountPercent == null;
        }
    }

    /** The quote form: terms and rows. */
    public static class QuoteForm {
        private UUID opportunityId;
        private UUID priceListId;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate validUntil;
        private String deliveryPeriod;
        private String paymentTerms;
        private String notes;
        private Long version;
        private List<LineForm> lines = new ArrayList<>();

        public UUID getOpportunityId() { return opportunityId; }
        public void setOpportunityId(UUID opportunityId) { this.opportunityId = opportunityId; }
        public UUID getPriceListId() { return priceListId; }
        public void setPriceListId(UUID priceListId) { this.priceListId = priceListId; }
        public LocalDate getValidUntil() { return validUntil; }
        public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
        public String getDeliveryPeriod() { return deliveryPeriod; }
        public void setDeliveryPeriod(String deliveryPeriod) { this.deliveryPeriod = deliveryPeriod; }
        public String getPaymentTerms() { return paymentTerms; }
        public void setPaymentTerms(String paymentTerms) { this.paymentTerms = paymentTerms; }
        public String getNotes() { return notes; }
        public void setNotes(String notes) { this.notes = notes; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }
        public List<LineForm> getLines() { return lines; }
        public void setLines(List<LineForm> lines) { this.lines = lines; }

        QuoteService.Content content() {
            List<QuoteService.LineRequest> rows = lines == null ? List.of() : lines.stream()
                    .filter(Objects::nonNull).filter(l -> !l.blank())
                    .map(l -> new QuoteService.LineRequest(l.productId, l.quantity, l.unitPrice, l.discountPercent)).toList();
            return new QuoteService.Content(priceListId, rows, validUntil, deliveryPeriod, paymentTerms, notes);
        }

        static QuoteForm of(Quote q) {
            QuoteForm f = new QuoteForm();
            f.opportunityId = q.opportunityId();
            f.priceListId = q.priceListId();
            f.validUntil = q.validUntil();
            f.deliveryPeriod = q.deliveryPeriod();
            f.paymentTerms = q.paymentTerms();
            f.notes = q.notes();
            f.version = q.version();
            for (QuoteLine line : q.lines()) {
                LineForm l = new LineForm();
                l.productId = line.productId();
                l.quantity = line.quantity();
                l.unitPrice = line.unitPrice().compareTo(line.referencePrice()) == 0 ? null : line.unitPrice();
                l.discountPercent = line.discountPercent();
                f.lines.add(l);
            }
            return f;
        }
    }

    private final QuoteService service;
    private final com.lead2cash.quote.internal.minutes.NegotiationMinutesService minutes;
    private final QuoteDocuments documents;
    private final Opportunities opportunities;
    private final CustomerDirectory customers;
    private final Catalog catalog;
    private final OrgDirectory org;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;
    private final Confirmations confirmations;

    QuoteController(QuoteService service, com.lead2cash.quote.internal.minutes.NegotiationMinutesService minutes,
                    QuoteDocuments documents, Opportunities opportunities,
                    CustomerDirectory customers, Catalog catalog, OrgDirectory org, MessageSource messages,
                    java.time.Clock clock, @org.springframework.beans.factory.annotation.Value("${l2c.zone}") java.time.ZoneId zone,
                    Confirmations confirmations) {
        this.service = service;
        this.minutes = minutes;
        this.documents = documents;
        this.opportunities = opportunities;
        this.customers = customers;
        this.catalog = catalog;
        this.org = org;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.confirmations = confirmations;
    }

    /** Q1 — the manager's home panel: the approved quotes waiting for their review, each linking to its page. */
    @GetMapping("/quotes/awaiting-review/panel")
    String awaitingReview(Model model) {
        List<Quote> items = service.awaitingMyReview(PANEL_ITEMS);
        model.addAttribute("items", items);
        model.addAttribute("customerNames", customers.names(items.stream().map(Quote::customerId).toList()));
        model.addAttribute("names", org.people(items.stream().map(Quote::authorId).toList()));
        model.addAttribute("money", new QuoteDocuments.Money());
        return "quote/panel :: panel";
    }

    /** The quotes card of the opportunity's page: each quote's latest version first, its earlier versions below. */
    @GetMapping("/opportunities/{id}/quotes")
    String card(@PathVariable UUID id, Model model) {
        Opportunities.OpportunityRef opportunity = opportunities.requireVisible(id);
        Map<String, List<Quote>> byNumber = new LinkedHashMap<>();
        for (Quote q : service.ofOpportunity(id)) {
            byNumber.computeIfAbsent(q.number(), n -> new ArrayList<>()).add(q);
        }
        model.addAttribute("quotes", byNumber);
        model.addAttribute("minutes", minutes.ofOpportunity(id));
        model.addAttribute("mayWriteMinutes",
                com.lead2cash.quote.internal.minutes.NegotiationMinutes.mayWrite(minutes.actor(id)));
        model.addAttribute("opportunityId", id);
        model.addAttribute("mayQuote", opportunities.mayWork(id) && service.newQuoteRefusal(opportunity).isEmpty());
        return "quote/fragments :: card";
    }

    @GetMapping("/quotes/new")
    String newForm(@RequestParam UUID opportunityId, Model model, RedirectAttributes redirect) {
        // who may not write a quote of it gets the 403 page, as Save would answer, not a form Save refuses
        java.util.Optional<DomainException> refused = service.newQuoteRefusal(service.requireQuoter(opportunityId));
        if (refused.isPresent()) {
            // not offered as a form: the opportunity's page says why
            Flash.error(redirect, refused.get());
            return "redirect:/opportunities/" + opportunityId;
        }
        QuoteForm form = new QuoteForm();
        form.setOpportunityId(opportunityId);
        return form(model, form, null, FormProblems.NONE);
    }

    @PostMapping("/quotes")
    String create(@ModelAttribute("form") QuoteForm form, BindingResult binding,
                  RefusedInput refused, Model model, RedirectAttributes redirect,
                  Locale locale) {
        FormProblems unreadable = FormProblems.ofUnreadable(binding, messages, locale);
        if (unreadable != null) {
            UUID customerId = form.getOpportunityId() == null ? null
                    : opportunities.requireVisible(form.getOpportunityId()).customerId();
            return form(model, form, null, withRefusals(unreadable, form, customerId, locale));
        }
        try {
            refused.check();
            Quote q = service.create(form.getOpportunityId(), form.content());
            Flash.success(redirect, "quote.saved", q.number(), q.revision());
            return "redirect:/quotes/" + q.id();
        } catch (DomainException e) {
            return form(model, form, null, onRows(FormProblems.of(e, messages, locale), form));
        }
    }

    @GetMapping("/quotes/{id}/edit")
    String editForm(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        Quote q = service.visible(id);
        try {
            // asked of the quote as Save asks it: one no longer editable (superseded, sent, accepted) is not offered
            // as a form — its page says why, with its versions
            q.requireAction(service.actor(q), QuoteAction.EDIT, service.rules().reviewBeforeSending());
        } catch (DomainException e) {
            Flash.error(redirect, e);
            return "redirect:/quotes/" + q.id();
        }
        return form(model, QuoteForm.of(q), q, FormProblems.NONE);
    }

    @PostMapping("/quotes/{id}")
    String change(@PathVariable UUID id, @ModelAttribute("form") QuoteForm form, BindingResult binding,
                  RefusedInput refused, Model model,
                  RedirectAttributes redirect, Locale locale) {
        Quote current = service.visible(id);
        FormProblems unreadable = FormProblems.ofUnreadable(binding, messages, locale);
        if (unreadable != null) {
            return form(model, form, current, withRefusals(unreadable, form, current.customerId(), locale));
        }
        try {
            refused.check();
            Quote q = service.change(id, form.content(), form.getVersion());
            Flash.success(redirect, "quote.saved", q.number(), q.revision());
            return "redirect:/quotes/" + q.id();
        } catch (DomainException e) {
            return form(model, form, current, onRows(FormProblems.of(e, messages, locale), form));
        } catch (OptimisticLockingFailureException e) {
            // saved by someone else meanwhile: the form as typed, with why it was not saved
            return form(model, form, current, FormProblems.of(new DomainException("error.staleVersion"), messages, locale));
        }
    }

    @GetMapping("/quotes/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Quote q = service.visible(id);
        Opportunities.OpportunityRef opportunity = opportunities.find(q.opportunityId()).orElseThrow();
        Set<QuoteAction> actions = q.availableActions(service.actor(q), service.rules().reviewBeforeSending());
        model.addAttribute("q", q);
        model.addAttribute("actions", actions);
        model.addAttribute("opportunity", opportunity);
        model.addAttribute("customer", customers.find(q.customerId()).orElse(null));
        model.addAttribute("versions", service.versions(q));
        model.addAttribute("taxes", q.totals().taxByRate().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList());
        model.addAttribute("belowList", q.totals().belowListPercent());
        model.addAttribute("contacts", actions.contains(QuoteAction.SEND) ? customers.contactsToChooseFrom(q.customerId()) : List.of());
        Set<UUID> people = new HashSet<>();
        people.add(q.authorId());
        if (q.reviewedBy() != null) {
            people.add(q.reviewedBy());
        }
        model.addAttribute("names", org.people(people));
        model.addAttribute("money", new QuoteDocuments.Money());
        model.addAttribute("reviewRequired", service.rules().reviewBeforeSending());
        // what the printed copy says of this version, as the version decides: said beside Print and PDF too
        model.addAttribute("printMark", documents.mark(q));
        model.addAttribute("approvalLinked", service.approvalOpenable(q));
        var sent = service.confirmationsOf(q);
        model.addAttribute("confirmations", sent);
        model.addAttribute("openable", confirmations.openable(sent));
        return "quote/detail";
    }

    @PostMapping("/quotes/{id}/submit")
    String submit(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Quote q = service.submit(id, version);
            Flash.success(redirect, "quote.submitted." + q.status());
            return q.id();
        });
    }

    @PostMapping("/quotes/{id}/review")
    String review(@PathVariable UUID id, @RequestParam(required = false) String comment,
                  @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, () -> Flash.typed(redirect, "quoteReviewTyped", "comment", comment), () -> {
            refused.check();
            service.review(id, comment, version);
            Flash.success(redirect, "quote.reviewed");
            return id;
        });
    }

    @PostMapping("/quotes/{id}/revise")
    String revise(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Quote next = service.revise(id, version);
            Flash.success(redirect, "quote.revised", next.revision());
            return next.id();
        });
    }

    /**
     * Sends the quote and goes on to the page that shows the link and its QR code once (the application keeps only a
     * hash of it), by post-redirect-get: a reload of that page sends nothing again. A refusal goes back to the
     * quote's page, as its other actions.
     */
    @PostMapping("/quotes/{id}/send")
    String send(@PathVariable UUID id, @RequestParam(required = false) UUID contactId,
                @RequestParam(required = false) String documentLocale, @RequestParam(required = false) Long version,
                RedirectAttributes redirect) {
        return PageActions.attempt(redirect, () -> { }, () -> {
            QuoteService.Sent sent = service.send(id, contactId, version, DocumentLanguage.named(documentLocale));
            redirect.addFlashAttribute(PageActions.SENT, sent.confirmation());
            return "redirect:/quotes/" + id + "/sent";
        }).orElse("redirect:/quotes/" + id);
    }

    /**
     * The link just sent, once: it comes with the send's redirect (a flash attribute); a reload or a bookmark has
     * none and goes to the quote's page. The quote's scope first, as its page: outside it, 404.
     */
    @GetMapping("/quotes/{id}/sent")
    String sent(@PathVariable UUID id, Model model) {
        Quote q = service.visible(id);
        return PageActions.shownOnce(model, PageActions.SENT, "/quotes/" + id, "quote/sent", () -> {
            model.addAttribute("q", q);
            model.addAttribute("refusal", null);
        });
    }

    /** The printable page: the same template as the PDF. */
    @GetMapping(value = "/quotes/{id}/print", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String print(@PathVariable UUID id, Locale locale) {
        return documents.html(service.visible(id), locale);
    }

    @GetMapping("/quotes/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, Locale locale) {
        Quote q = service.visible(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(QuoteDocuments.fileName(q)).build().toString())
                .body(documents.pdf(q, locale));
    }

    private String act(UUID id, RedirectAttributes redirect, java.util.function.Supplier<UUID> action) {
        return act(id, redirect, () -> { }, action);
    }

    /** {@link #act}, and {@code refused} runs when it was refused: a form's {@link Flash#typed} values for the page. */
    private String act(UUID id, RedirectAttributes redirect, Runnable refused, java.util.function.Supplier<UUID> action) {
        return "redirect:/quotes/" + PageActions.attempt(redirect, refused, action).orElse(id);
    }

    /**
     * The values that could not be read, each beside its field, with what Save would refuse in the others beside
     * theirs (a negative quantity on one line, a discount typed as 1e1 on another): one submit tells all that is
     * wrong, each on its line. A field that could not be read keeps that refusal alone.
     */
    private FormProblems withRefusals(FormProblems unreadable, QuoteForm form, UUID customerId, Locale locale) {
        if (customerId == null) {
            return unreadable;
        }
        List<com.lead2cash.platform.FieldValidationException.FieldError> refusals = service.fieldRefusals(customerId,
                form.content());
        if (refusals.isEmpty()) {
            return unreadable;
        }
        return unreadable.and(onRows(FormProblems.of(new com.lead2cash.platform.FieldValidationException(refusals),
                messages, locale), form));
    }

    /**
     * The refusal's line fields on the rows of the form they are about: Save numbers the lines written, blank rows
     * left out ({@link QuoteForm#content}); the form shows every row it was sent.
     */
    private static FormProblems onRows(FormProblems problems, QuoteForm form) {
        List<Integer> written = new ArrayList<>();
        List<LineForm> lines = form.getLines() == null ? List.of() : form.getLines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) != null && !lines.get(i).blank()) {
                written.add(i);
            }
        }
        return problems.renumbered("lines", written);
    }

    private String form(Model model, QuoteForm form, Quote quote, FormProblems problems) {
        UUID opportunityId = quote != null ? quote.opportunityId() : form.getOpportunityId();
        Opportunities.OpportunityRef opportunity = opportunityId == null ? null : opportunities.requireVisible(opportunityId);
        while (form.getLines().size() < Math.max(1, form.getLines().stream().filter(l -> l != null && !l.blank()).count()) + SPARE_ROWS) {
            form.getLines().add(new LineForm());
        }
        model.addAttribute("form", form);
        model.addAttribute("quote", quote);
        model.addAttribute("opportunity", opportunity);
        model.addAttribute("products", catalog.activeProducts(500));
        model.addAttribute("priceLists", opportunity == null ? List.of()
                : catalog.listsFor(opportunity.customerId(), LocalDate.now(clock.withZone(zone))));
        model.addAttribute("problems", problems);
        return "quote/form";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class QuotePanels {

        /** Q1 — shown to those who review quotes. */
        @org.springframework.context.annotation.Bean
        com.lead2cash.platform.HomePanel quotesAwaitingReviewPanel() {
            return new com.lead2cash.platform.HomePanel("quote.panel.awaitingReview", "/quotes/awaiting-review/panel", 22,
                    QuoteService.REVIEWERS);
        }

        /** The quotes card of an opportunity's page, in every stage, for those the card's route admits. */
        @org.springframework.context.annotation.Bean
        com.lead2cash.opportunity.OpportunityPagePanel opportunityQuotesPanel() {
            return new com.lead2cash.opportunity.OpportunityPagePanel("opportunity-quotes", "opportunity.quotes.title",
                    "/opportunities/{id}/quotes", 10, QuoteApiController.READERS, java.util.EnumSet.allOf(Stage.class));
        }
    }
}
