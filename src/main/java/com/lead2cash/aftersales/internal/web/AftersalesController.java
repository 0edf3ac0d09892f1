package com.lead2cash.aftersales.internal.web;

import com.lead2cash.aftersales.SatisfactionSurveys;
import com.lead2cash.aftersales.internal.AftersalesAccess;
import com.lead2cash.aftersales.internal.AftersalesQueries;
import com.lead2cash.aftersales.internal.ComplaintHistory;
import com.lead2cash.aftersales.internal.ComplaintService;
import com.lead2cash.aftersales.internal.HandoverService;
import com.lead2cash.aftersales.internal.Survey;
import com.lead2cash.aftersales.internal.SurveyService;
import com.lead2cash.aftersales.internal.domain.Complaint;
import com.lead2cash.aftersales.internal.domain.ComplaintCategory;
import com.lead2cash.aftersales.internal.domain.ComplaintStatus;
import com.lead2cash.aftersales.internal.domain.Handover;
import com.lead2cash.aftersales.internal.domain.HandoverStatus;
import com.lead2cash.aftersales.internal.domain.ReceivedVia;
import com.lead2cash.aftersales.internal.domain.Severity;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DocumentLanguage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormProblems;
import com.lead2cash.platform.web.PageActions;
import com.lead2cash.platform.web.RefusedInput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The after-sales screens: the handover inbox and a handover's page with its checklist, the complaint
 * list with SLA state and filters, a complaint's page with the 5 Whys form, and the card on a customer's
 * page (who serves it, its service health). A refused change renders the page again with the reasons
 * and what was typed.
 */
@Controller
@PreAuthorize(AftersalesAccess.READER_ROLES)
public class AftersalesController {


    private final HandoverService handovers;
    private final ComplaintService complaints;
    private final AftersalesQueries queries;
    private final AftersalesAccess access;
    private final CustomerDirectory customers;
    private final Confirmations confirmations;
    private final SurveyService surveys;
    private final OrgDirectory org;
    private final MessageSource messages;

    AftersalesController(HandoverService handovers, ComplaintService complaints, AftersalesQueries queries,
                         AftersalesAccess access, CustomerDirectory customers, Confirmations confirmations,
                         SurveyService surveys, OrgDirectory org, MessageSource messages) {
        this.handovers = handovers;
        this.complaints = complaints;
        this.queries = queries;
        this.access = access;
        this.customers = customers;
        this.confirmations = confirmations;
        this.surveys = surveys;
        this.org = org;
        this.messages = messages;
    }

    // ---- handovers

    @GetMapping("/handovers")
    String handoverInbox(@RequestParam(required = false) HandoverStatus status,
                         @RequestParam(required = false) String cursor, Model model) {
        var page = queries.handovers(status, cursor, null);
        model.addAttribute("page", page);
        model.addAttribute("status", status);
        model.addAttribute("statuses", HandoverStatus.values());
        model.addAttribute("names", names(page.items().stream().flatMap(h -> java.util.stream.Stream.of(h.repId(),
                h.serviceOwnerId())).toList()));
        return "aftersales/handovers";
    }

    @GetMapping("/handovers/{id}")
    String handover(@PathVariable UUID id, Model model) {
        return handoverPage(handovers.get(id), FormProblems.NONE, model);
    }

    @PostMapping("/handovers/{id}/checklist")
    String checklist(@PathVariable UUID id, @RequestParam Map<String, String> form, @RequestParam Long version,
                     @RequestParam(required = false) UUID serviceOwnerId,
                     @RequestParam(defaultValue = "save") String then,
                     RefusedInput refused, Model model, RedirectAttributes redirect,
                     Locale locale) {
        try {
            refused.check();
            Handover h = handovers.writeChecklist(id, new Handover.Checklist(form.get("background"),
                    form.get("serviceNeeds"), form.get("specialAgreements"), form.get("keyContacts"),
                    form.get("openIssues"), form.get("documents")), version);
            if ("handOver".equals(then)) {
                h = handovers.handOver(id, serviceOwnerId, h.version());
                Flash.success(redirect, "aftersales.handover.flash.handedOver", h.code());
            } else {
                Flash.success(redirect, "aftersales.handover.flash.saved", h.code());
            }
            return "redirect:/handovers/" + id;
        } catch (DomainException e) {
            return handoverPage(handovers.get(id), FormProblems.of(e, messages, locale, "background", "serviceNeeds",
                    "specialAgreements", "keyContacts", "openIssues", "documents", "serviceOwnerId"), model);
        }
    }

    @PostMapping("/handovers/{id}/accept")
    String accept(@PathVariable UUID id, @RequestParam Long version, Model model, RedirectAttributes redirect,
                  Locale locale) {
        try {
            Handover h = handovers.accept(id, version);
            Flash.success(redirect, "aftersales.handover.flash.accepted", h.code());
            return "redirect:/handovers/" + id;
        } catch (DomainException e) {
            return handoverPage(handovers.get(id), FormProblems.of(e, messages, locale), model);
        }
    }

    @PostMapping("/handovers/{id}/return")
    String returnIt(@PathVariable UUID id, @RequestParam Long version, @RequestParam(required = false) String questions,
                    RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            refused.check();
            Handover h = handovers.returnWithQuestions(id, questions, version);
            Flash.success(redirect, "aftersales.handover.flash.returned", h.code());
            return "redirect:/handovers/" + id;
        } catch (DomainException e) {
            return handoverPage(handovers.get(id), FormProblems.of(e, messages, locale, "questions"), model);
        }
    }

    private String handoverPage(Handover h, FormProblems problems, Model model) {
        Set<Handover.Action> actions = h.availableActions(access.actor(h));
        model.addAttribute("h", h);
        Handover.Checklist c = h.checklist();
        Map<String, String> checklist = new java.util.HashMap<>();
        checklist.put("background", c.background());
        checklist.put("serviceNeeds", c.serviceNeeds());
        checklist.put("specialAgreements", c.specialAgreements());
        checklist.put("keyContacts", c.keyContacts());
        checklist.put("openIssues", c.openIssues());
        checklist.put("documents", c.documents());
        model.addAttribute("checklist", checklist);
        model.addAttribute("actions", actions.stream().map(Enum::name).toList());
        model.addAttribute("problems", problems);
        model.addAttribute("afterSales", actions.contains(Handover.Action.HAND_OVER)
                ? org.activeWithRole(Role.AFTER_SALES) : List.of());
        model.addAttribute("names", names(java.util.Arrays.asList(h.repId(), h.serviceOwnerId())));
        // the customer's page by its own rule: after-sales may work a handover of a customer they do not read
        model.addAttribute("customerLinked", customers.mayOpen(h.customerId()));
        return "aftersales/handover";
    }

    // ---- complaints

    /** What the complaint list is filtered by, as chosen (the filters show it). */
    record ComplaintListFilter(ComplaintStatus status, Severity severity, ComplaintCategory category,
                               Complaint.SlaState sla) {
    }

    @GetMapping("/complaints")
    String complaintList(@RequestParam(required = false) ComplaintStatus status,
                         @RequestParam(required = false) Severity severity,
                         @RequestParam(required = false) ComplaintCategory category,
                         @RequestParam(required = false) Complaint.SlaState sla,
                         @RequestParam(required = false) Boolean levelOne,
                         @RequestParam(required = false) UUID customerId,
                         @RequestParam(required = false) String cursor, Model model) {
        var page = queries.complaints(new AftersalesQueries.ComplaintFilter(status, severity, category, sla, levelOne,
                customerId, false, cursor, null));
        model.addAttribute("page", page);
        model.addAttribute("now", queries.now());
        model.addAttribute("filter", new ComplaintListFilter(status, severity, category, sla));
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("slaStates", Complaint.SlaState.values());
        model.addAttribute("names", names(page.items().stream().map(Complaint::handlerId).toList()));
        model.addAttribute("receives", access.receivesComplaints());
        return "aftersales/complaints";
    }

    /** One group of the satisfaction screen: the rep's or team's name, or the product line, with its results. */
    record SatisfactionLine(String name, AftersalesQueries.SatisfactionRow row) {
    }

    /**
     * Satisfaction results (满意度) on screen, as {@code GET /api/v1/satisfaction} answers them: in the reader's scope,
     * grouped by rep, team or product line ("No product line" for the surveys that name none), from and to inclusive.
     * A period that ends before it starts is refused (422) with the form kept.
     */
    @GetMapping("/satisfaction")
    String satisfaction(@RequestParam(defaultValue = "REP") AftersalesQueries.GroupBy groupBy,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        Model model, jakarta.servlet.http.HttpServletResponse response) {
        List<SatisfactionLine> lines = List.of();
        try {
            List<AftersalesQueries.SatisfactionRow> rows = queries.satisfaction(groupBy, from, to);
            Map<UUID, String> people = groupBy == AftersalesQueries.GroupBy.REP
                    ? names(rows.stream().map(AftersalesQueries.SatisfactionRow::key).filter(Objects::nonNull)
                            .map(UUID::fromString).toList()) : Map.of();
            // surveys kept without a rep or a team (a rep outside any unit) are a group of their own, named
            String nobody = messages.getMessage("aftersales.satisfaction.no" + (groupBy == AftersalesQueries.GroupBy.REP
                    ? "Rep" : "Team"), null, LocaleContextHolder.getLocale());
            lines = rows.stream().map(r -> new SatisfactionLine(switch (groupBy) {
                case REP -> r.key() == null ? nobody : people.getOrDefault(UUID.fromString(r.key()), r.key());
                case TEAM -> r.key() == null ? nobody : org.unitName(UUID.fromString(r.key())).orElse(r.key());
                case PRODUCT_LINE -> r.label();
            }, r)).toList();
        } catch (FieldValidationException refused) {
            response.setStatus(422);
            model.addAttribute("refusal", refused.errors().get(0));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("groupBy", groupBy);
        model.addAttribute("groupings", AftersalesQueries.GroupBy.values());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "aftersales/satisfaction";
    }

    /** From a customer's card that customer; from the complaint list the customers the user serves. */
    @GetMapping("/complaints/new")
    String newComplaint(@RequestParam(required = false) UUID customerId, Model model) {
        return complaintForm(customerId, customerId == null, FormProblems.NONE, model);
    }

    @PostMapping("/complaints")
    String receive(@RequestParam(required = false) UUID customerId,
                   @RequestParam(required = false) ComplaintCategory category,
                   @RequestParam(required = false) Severity severity,
                   @RequestParam(required = false) ReceivedVia receivedVia,
                   @RequestParam(required = false) UUID contactId,
                   @RequestParam(required = false) String productLine,
                   @RequestParam(required = false) String description,
                   @RequestParam(defaultValue = "false") boolean servedChoices, RefusedInput refused, Model model,
                   RedirectAttributes redirect, Locale locale) {
        try {
            refused.check();
            Complaint c = complaints.receive(new ComplaintService.NewComplaint(customerId, category, severity, description,
                    receivedVia, contactId, productLine));
            Flash.success(redirect, "aftersales.complaint.flash.received", c.code());
            return "redirect:/complaints/" + c.id();
        } catch (ForbiddenException e) {
            // not one who may receive it: the form never offered it, the 403 page as the API answers
            throw e;
        } catch (DomainException e) {
            return complaintForm(customerId, servedChoices, FormProblems.of(e, messages, locale, "customerId", "category",
                    "severity", "description", "contactId", "productLine"), model);
        }
    }

    /**
     * The complaint form offering either the customers the user serves ({@code servedChoices}, the form posts
     * that back so a refusal offers them again) or the one customer asked for, as {@link ComplaintService#complainant}
     * admits it — an after-sales owner may not read the customer's record, only serve it. {@code customerId}
     * is the customer chosen.
     */
    private String complaintForm(UUID customerId, boolean servedChoices, FormProblems problems, Model model) {
        List<ComplaintService.Complainant> found = servedChoices || customerId == null ? List.of()
                : complaints.complainant(customerId).stream().toList();
        // offered only to someone who may receive its complaint (the service's rule): anyone else is told who does
        List<ComplaintService.Complainant> choices = found.stream().filter(complaints::mayReceive).toList();
        model.addAttribute("notReceiver", !access.receivesComplaints() || choices.size() < found.size());
        model.addAttribute("customerChoices", choices);
        model.addAttribute("served", servedChoices ? servedCustomers() : List.of());
        model.addAttribute("servedChoices", servedChoices);
        // with nothing to offer: after-sales waits for a handover; those who sell start from the customer's page
        model.addAttribute("servesOnly", access.servesOnly());
        model.addAttribute("customerId", customerId);
        model.addAttribute("contacts", choices.isEmpty() ? List.of() : contactsOf(customerId));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("channels", ReceivedVia.values());
        model.addAttribute("problems", problems);
        return "aftersales/complaint-form";
    }

    /** The customers the current user serves as after-sales owner: id and name. */
    private List<Map<String, Object>> servedCustomers() {
        return queries.servedBy(CurrentUser.require().id());
    }

    @GetMapping("/complaints/{id}")
    String complaint(@PathVariable UUID id, Model model) {
        return complaintPage(complaints.get(id), FormProblems.NONE, model);
    }

    @PostMapping("/complaints/{id}/classify")
    String classify(@PathVariable UUID id, @RequestParam Long version,
                    @RequestParam(required = false) ComplaintCategory category,
                    @RequestParam(required = false) Severity severity, @RequestParam(required = false) String reason,
                    RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale) {
        return change(id, refused,
                model, redirect, locale, () -> complaints.classify(id, category, severity, null, reason, version));
    }

    @PostMapping("/complaints/{id}/first-response")
    String respond(@PathVariable UUID id, @RequestParam Long version, @RequestParam(required = false) String text,
                   RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale) {
        return change(id, refused, model, redirect, locale, () -> complaints.respond(id, text, version));
    }

    @PostMapping("/complaints/{id}/root-cause")
    String analyse(@PathVariable UUID id, @RequestParam Long version,
                   @RequestParam(required = false) List<String> whys,
                   @RequestParam(required = false) String rootCause,
                   @RequestParam(required = false) String correctiveAction,
                   @RequestParam(required = false) UUID correctiveOwnerId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate correctiveDueOn,
                   @RequestParam(required = false) String preventiveAction,
                   @RequestParam(required = false) UUID preventiveOwnerId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate preventiveDueOn,
                   RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale) {
        List<String> filled = whys == null ? List.of() : whys.stream().filter(w -> w != null && !w.isBlank()).toList();
        return change(id, refused,
                model, redirect, locale, () -> complaints.analyse(id, new Complaint.RootCause(filled, rootCause,
                correctiveAction, correctiveOwnerId, correctiveDueOn, preventiveAction, preventiveOwnerId,
                preventiveDueOn), version));
    }

    @PostMapping("/complaints/{id}/feedback")
    String feedback(@PathVariable UUID id, @RequestParam Long version, @RequestParam(required = false) String resolution,
                    RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale) {
        return change(id, refused, model, redirect, locale, () -> complaints.giveFeedback(id, resolution, version));
    }

    @PostMapping("/complaints/{id}/close")
    String close(@PathVariable UUID id, @RequestParam Long version,
                 @RequestParam(required = false) UUID satisfactionConfirmationId,
                 @RequestParam(required = false) String noRatingReason,
                 RefusedInput refused, Model model, RedirectAttributes redirect,
                 Locale locale) {
        return change(id, refused, model, redirect, locale,
                () -> complaints.close(id, satisfactionConfirmationId, noRatingReason, version));
    }

    @PostMapping("/complaints/{id}/evidence")
    String evidence(@PathVariable UUID id, @RequestParam("file") MultipartFile file, Model model,
                    RedirectAttributes redirect, Locale locale) throws IOException {
        try {
            // the name as kept (a long one shortened, a path cut to its file), as the evidence list shows it
            var kept = complaints.addEvidence(id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
            Flash.success(redirect, "aftersales.complaint.flash.evidence", kept.fileName());
            return "redirect:/complaints/" + id;
        } catch (RecordNotFoundException | ForbiddenException e) {
            // the error page's (404, 403), as the API answers them: the page never offered this to the reader
            throw e;
        } catch (DomainException e) {
            return complaintPage(complaints.get(id), FormProblems.of(e, messages, locale, "file"), model);
        }
    }

    @GetMapping("/complaints/{id}/evidence/{fileId}")
    org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> evidenceFile(@PathVariable UUID id,
                                                                                              @PathVariable UUID fileId) {
        var f = complaints.evidenceFile(id, fileId);
        return com.lead2cash.files.FileResponses.inline(f, complaints.open(f));
    }

    /**
     * Asks the customer to rate the handling and goes on to the page that shows the link and its QR code once, by
     * post-redirect-get as the quote's Send: a reload of that page asks nothing again. Refused, the complaint's page.
     * The rating form is in the language chosen on the form, not the reader's screen language; none chosen, in the
     * one the contact prefers (decision 0098).
     */
    @PostMapping("/complaints/{id}/rating-request")
    String requestRating(@PathVariable UUID id, @RequestParam(required = false) UUID contactId,
                         @RequestParam(required = false) String documentLocale, Model model, Locale locale,
                         RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(PageActions.SENT,
                    complaints.requestRating(id, contactId, DocumentLanguage.named(documentLocale)));
            return "redirect:/complaints/" + id + "/rating-request/sent";
        } catch (RecordNotFoundException | ForbiddenException e) {
            // the error page's (404, 403), as the API answers them: the page never offered this to the reader
            throw e;
        } catch (DomainException e) {
            return complaintPage(complaints.get(id), FormProblems.of(e, messages, locale, "contactId"), model);
        }
    }

    /** The rating link just sent, once (the send's flash attribute); a reload goes to the complaint. Outside scope, 404. */
    @GetMapping("/complaints/{id}/rating-request/sent")
    String ratingRequested(@PathVariable UUID id, Model model) {
        Complaint c = complaints.get(id);
        return PageActions.shownOnce(model, PageActions.SENT, "/complaints/" + id, "aftersales/complaint-sent", () -> {
            model.addAttribute("c", c);
            model.addAttribute("refusal", null);
        });
    }

    private String change(UUID id, RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale,
                          java.util.function.Supplier<Complaint> work) {
        try {
            refused.check();
            Complaint c = work.get();
            Flash.success(redirect, "aftersales.complaint.flash.saved", c.code());
            return "redirect:/complaints/" + id;
        } catch (RecordNotFoundException | ForbiddenException e) {
            // a step the reader may not take (not its handler, an administrator) or a complaint outside their scope: the
            // error page's (403, 404), as the API answers them and the receive post does, never a message on the page
            throw e;
        } catch (DomainException e) {
            // each message beside its field in the form that was posted (the page has several); the rest above them all
            return complaintPage(complaints.get(id), FormProblems.of(e, messages, locale, "category", "severity", "reason",
                    "firstResponse", "text", "whys", "rootCause", "correctiveAction", "correctiveOwnerId", "correctiveDueOn",
                    "preventiveAction", "preventiveOwnerId", "preventiveDueOn", "resolution", "noRatingReason"), model);
        }
    }

    private String complaintPage(Complaint c, FormProblems problems, Model model) {
        Set<Complaint.Action> actions = c.availableActions(access.actor(c));
        model.addAttribute("c", c);
        model.addAttribute("actions", actions.stream().map(Enum::name).toList());
        model.addAttribute("problems", problems);
        model.addAttribute("now", queries.now());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("linked", complaints.linked(c).stream().filter(x -> !x.id().equals(c.id())).toList());
        model.addAttribute("evidence", complaints.evidence(c));
        List<ComplaintHistory.Event> history = complaints.history(c);
        model.addAttribute("history", history);
        var ratings = confirmations.of(AftersalesAccess.COMPLAINT, c.id().toString());
        model.addAttribute("confirmations", ratings);
        model.addAttribute("openable", confirmations.openable(ratings));
        // the close with the rating the complaint takes, the latest: never an earlier one it would refuse
        model.addAttribute("rated", complaints.latestRating(c, ratings).orElse(null));
        model.addAttribute("survey", surveys.of(SatisfactionSurveys.Occasion.COMPLAINT_CLOSED, c.id()).orElse(null));
        List<UUID> people = new ArrayList<>(java.util.Arrays.asList(c.handlerId(), c.rootCauseAnalysis().correctiveOwnerId(),
                c.rootCauseAnalysis().preventiveOwnerId()));
        List<OrgDirectory.Person> colleagues = actions.contains(Complaint.Action.ANALYSE) ? complaints.actionOwners() : List.of();
        colleagues.forEach(p -> people.add(p.id()));
        history.forEach(e -> people.add(e.actorId()));
        model.addAttribute("colleagues", colleagues);
        model.addAttribute("names", names(people));
        model.addAttribute("contacts", actions.contains(Complaint.Action.REQUEST_RATING)
                ? contactsOf(c.customerId()) : List.of());
        // the customer's page by its own rule: after-sales handle complaints of customers they do not read
        model.addAttribute("customerLinked", customers.mayOpen(c.customerId()));
        return "aftersales/complaint";
    }

    /** The customer's contacts the reader may reach (names only), primary first. */
    private List<Map<String, Object>> contactsOf(UUID customerId) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (UUID id : complaints.contactsOf(customerId)) {
            customers.contactPoint(id).ifPresent(k -> list.add(Map.of("id", k.contactId(), "name", k.name())));
        }
        return list;
    }

    // ---- the card on the customer's page

    @GetMapping("/aftersales/customers/{id}/panel")
    String customerPanel(@PathVariable UUID id, Model model) {
        customers.requireVisible(id);
        model.addAttribute("customerId", id);
        // "new complaint" only for someone who may receive it (ComplaintService#mayReceive)
        model.addAttribute("mayReceive", complaints.complainant(id).map(complaints::mayReceive).orElse(false));
        model.addAttribute("servedBy", handovers.servedBy(id).flatMap(org::person).orElse(null));
        model.addAttribute("health", queries.health(id));
        model.addAttribute("surveys", surveys.ofCustomer(id));
        return "aftersales/customer-panel :: panel";
    }

    /** htmx: a fresh link to a survey, shown once with its QR code and "copy link"; the earlier links stop working. */
    @PostMapping("/aftersales/surveys/{id}/link")
    String renewSurveyLink(@PathVariable UUID id, Model model) {
        Survey survey = surveys.visible(id);
        // a survey that offers no new link says why, shown in place of the link (htmx swaps only a 2xx answer)
        survey.refusal(Survey.Action.RENEW_LINK).ifPresentOrElse(
                refusal -> model.addAttribute("refusal", refusal),
                () -> model.addAttribute("sent", surveys.renewLink(survey)));
        return "confirmation/fragments :: sent";
    }

    private Map<UUID, String> names(java.util.Collection<UUID> ids) {
        Map<UUID, String> names = new java.util.HashMap<>();
        org.people(ids.stream().filter(java.util.Objects::nonNull).toList())
                .forEach((k, v) -> names.put(k, v.displayName()));
        return names;
    }
}
