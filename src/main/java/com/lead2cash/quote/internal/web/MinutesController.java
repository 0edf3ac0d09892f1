package com.lead2cash.quote.internal.web;

import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.platform.DocumentLanguage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormProblems;
import com.lead2cash.platform.web.PageActions;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.quote.internal.QuoteDocuments;
import com.lead2cash.quote.internal.minutes.MilestoneType;
import com.lead2cash.quote.internal.minutes.MinutesContent;
import com.lead2cash.quote.internal.minutes.MinutesAction;
import com.lead2cash.quote.internal.minutes.NegotiationMinutes;
import com.lead2cash.quote.internal.minutes.NegotiationMinutesService;
import com.lead2cash.quote.internal.minutes.PaymentMilestone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
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

/** The negotiation minutes screens (谈判纪要, Q3): the form (a new version starts from the current one), the page, sending. */
@Controller
@PreAuthorize(QuoteApiController.READER_ROLES)
class MinutesController {

    static final int MILESTONE_ROWS = 5;

    /** One milestone row; a row without a kind is left out. */
    public static class MilestoneForm {
        private MilestoneType type;
        private BigDecimal percent;
        private BigDecimal amount;
        private String dueCondition;

        public MilestoneType getType() { return type; }
        public void setType(MilestoneType type) { this.type = type; }
        public BigDecimal getPercent() { return percent; }
        public void setPercent(BigDecimal percent) { this.percent = percent; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
        public String getDueCondition() { return dueCondition; }
        public void setDueCondition(String dueCondition) { this.dueCondition = dueCondition; }

        boolean blank() {
            return type == null && percent == null && amount == null && (dueCondition == null || dueCondition.isBlank());
        }
    }

    /** The minutes form; lists are written one entry a line. */
    public static class MinutesForm {
        private UUID opportunityId;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate heldOn;
        private BigDecimal agreedPrice;
        private List<MilestoneForm> milestones = new ArrayList<>();
        private String deliveryStandard;
        private String liability;
        private String openIssues;
        private String ourAttendees;
        private String customerAttendees;

        public UUID getOpportunityId() { return opportunityId; }
        public void setOpportunityId(UUID opportunityId) { this.opportunityId = opportunityId; }
        public LocalDate getHeldOn() { return heldOn; }
        public void setHeldOn(LocalDate heldOn) { this.heldOn = heldOn; }
        public BigDecimal getAgreedPrice() { return agreedPrice; }
        public void setAgreedPrice(BigDecimal agreedPrice) { this.agreedPrice = agreedPrice; }
        public List<MilestoneForm> getMilestones() { return milestones; }
        public void setMilestones(List<MilestoneForm> milestones) { this.milestones = milestones; }
        public String getDeliveryStandard() { return deliveryStandard; }
        public void setDeliveryStandard(String deliveryStandard) { this.deliveryStandard = deliveryStandard; }
        public String getLiability() { return liability; }
        public void setLiability(String liability) { this.liability = liability; }
        public String getOpenIssues() { return openIssues; }
        public void setOpenIssues(String openIssues) { this.openIssues = openIssues; }
        public String getOurAttendees() { return ourAttendees; }
        public void setOurAttendees(String ourAttendees) { this.ourAttendees = ourAttendees; }
        public String getCustomerAttendees() { return customerAttendees; }
        public void setCustomerAttendees(String customerAttendees) { this.customerAttendees = customerAttendees; }

        MinutesContent content() {
            return MinutesContent.validated(heldOn, agreedPrice, milestones == null ? List.of() : milestones.stream()
                            .filter(Objects::nonNull).filter(m -> !m.blank())
                            .map(m -> new PaymentMilestone(m.type, m.percent, m.amount, m.dueCondition)).toList(),
                    deliveryStandard, liability, lines(openIssues), lines(ourAttendees), lines(customerAttendees));
        }

        static List<String> lines(String text) {
            return text == null ? List.of() : Arrays.stream(text.split("\\R")).toList();
        }

        static MinutesForm of(NegotiationMinutes m, UUID opportunityId) {
            MinutesForm f = new MinutesForm();
            f.opportunityId = opportunityId;
            if (m == null) {
                return f;
            }
            f.heldOn = m.heldOn();
            f.agreedPrice = m.agreedPrice();
            for (PaymentMilestone p : m.milestones()) {
                MilestoneForm row = new MilestoneForm();
                row.type = p.type();
                row.percent = p.percent();
                row.amount = p.amount();
                row.dueCondition = p.dueCondition();
                f.milestones.add(row);
            }
            f.deliveryStandard = m.deliveryStandard();
            f.liability = m.liability();
            f.openIssues = String.join("\n", m.openIssues());
            f.ourAttendees = String.join("\n", m.ourAttendees());
            f.customerAttendees = String.join("\n", m.customerAttendees());
            return f;
        }
    }

    private final NegotiationMinutesService service;
    private final Opportunities opportunities;
    private final CustomerDirectory customers;
    private final MessageSource messages;

    private final Confirmations confirmations;

    MinutesController(NegotiationMinutesService service, Opportunities opportunities, CustomerDirectory customers,
                      MessageSource messages, Confirmations confirmations) {
        this.service = service;
        this.opportunities = opportunities;
        this.customers = customers;
        this.messages = messages;
        this.confirmations = confirmations;
    }

    @GetMapping("/negotiation-minutes/new")
    String newForm(@RequestParam UUID opportunityId, Model model) {
        // asked as writing asks it: who does not work the opportunity (403) or a stage past negotiation (422) gets the
        // refusal's page, not a form its Save refuses
        NegotiationMinutes.requireWritable(service.actor(opportunityId));
        NegotiationMinutes current = service.ofOpportunity(opportunityId).stream()
                .filter(NegotiationMinutes::isCurrent).findFirst().orElse(null);
        return form(model, MinutesForm.of(current, opportunityId), FormProblems.NONE);
    }

    @PostMapping("/negotiation-minutes")
    String write(@ModelAttribute("form") MinutesForm form, BindingResult binding,
                 RefusedInput refused, Model model, RedirectAttributes redirect,
                 Locale locale) {
        FormProblems unreadable = FormProblems.ofUnreadable(binding, messages, locale);
        if (unreadable != null) {
            return form(model, form, unreadable);
        }
        try {
            refused.check();
            NegotiationMinutes m = service.write(form.getOpportunityId(), form.content());
            Flash.success(redirect, "minutes.saved", m.revision());
            return "redirect:/negotiation-minutes/" + m.id();
        } catch (DomainException e) {
            return form(model, form, FormProblems.of(e, messages, locale));
        }
    }

    @GetMapping("/negotiation-minutes/{id}")
    String detail(@PathVariable UUID id, Model model) {
        NegotiationMinutes m = service.visible(id);
        Set<MinutesAction> actions = m.availableActions(service.actor(m.opportunityId()));
        model.addAttribute("m", m);
        model.addAttribute("opportunity", opportunities.find(m.opportunityId()).orElseThrow());
        model.addAttribute("versions", service.ofOpportunity(m.opportunityId()));
        var sent = service.confirmationsOf(m);
        model.addAttribute("confirmations", sent);
        model.addAttribute("openable", confirmations.openable(sent));
        model.addAttribute("actions", actions);
        model.addAttribute("contacts", actions.contains(MinutesAction.SEND) ? customers.contactsToChooseFrom(m.customerId()) : List.of());
        model.addAttribute("money", new QuoteDocuments.Money());
        return "quote/minutes";
    }

    /** Sends the minutes and goes on to the page that shows the link once, as the quote's Send (post-redirect-get). */
    @PostMapping("/negotiation-minutes/{id}/send")
    String send(@PathVariable UUID id, @RequestParam(required = false) UUID contactId,
                @RequestParam(required = false) String documentLocale, RedirectAttributes redirect) {
        // a refusal back to the minutes' page, as the quote's Send: minutes out of scope or unknown are the 404 page
        return PageActions.attempt(redirect, () -> { }, () -> {
            NegotiationMinutesService.Sent sent = service.send(id, contactId, DocumentLanguage.named(documentLocale));
            redirect.addFlashAttribute(PageActions.SENT, sent.confirmation());
            return "redirect:/negotiation-minutes/" + id + "/sent";
        }).orElse("redirect:/negotiation-minutes/" + id);
    }

    /** The link just sent, once; a reload or a bookmark goes to the minutes' page. Outside scope, 404. */
    @GetMapping("/negotiation-minutes/{id}/sent")
    String sent(@PathVariable UUID id, Model model) {
        NegotiationMinutes m = service.visible(id);
        return PageActions.shownOnce(model, PageActions.SENT, "/negotiation-minutes/" + id, "quote/minutes-sent", () -> {
            model.addAttribute("m", m);
            model.addAttribute("refusal", null);
        });
    }

    private String form(Model model, MinutesForm form, FormProblems problems) {
        var opportunity = opportunities.requireVisible(form.getOpportunityId());
        while (form.getMilestones().size() < MILESTONE_ROWS) {
            form.getMilestones().add(new MilestoneForm());
        }
        model.addAttribute("form", form);
        model.addAttribute("opportunity", opportunity);
        model.addAttribute("types", MilestoneType.values());
        model.addAttribute("problems", problems);
        // the days the minutes may be held on, as writing them checks: the first business date to today
        model.addAttribute("today", service.today());
        return "quote/minutes-form";
    }
}
